// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "pipeline/PromotionFlow.h"
#include "pipeline/Workflow.h"

#include <QList>
#include <QString>

namespace studio {

struct Workspace;

/// A dependency between two jobs: `to` needs `from`, or `to`'s workflow runs after `from`'s.
struct PipelineEdge {
    enum class Kind { Needs, WorkflowRun };
    QString from;
    QString to;
    Kind kind = Kind::Needs;
    friend bool operator==(const PipelineEdge &, const PipelineEdge &) = default;
};

/// The repository's CI/CD as a graph: every workflow's jobs (local reusable workflows expanded into
/// their caller), `needs` and `workflow_run` edges, the promotion flow through the environments, and
/// what is wrong with the workflows. Plain data: cheap to copy to the GUI thread.
struct Pipeline {
    QList<Workflow> workflows;      ///< by file path; workflows only ever called by others are left out
    QList<PipelineEdge> edges;      ///< needs edges in job order, then workflow_run edges
    QList<PromotionStage> stages;   ///< environments in promotion order
    Diagnostics diagnostics;        ///< sorted like a compiler prints them

    /// Reads every workflow of `workspace` (files of kind GitHubWorkflow) and its Argo CD Applications.
    static Pipeline load(const Workspace &workspace);

    /// Nesting GitHub allows for reusable workflows (a caller plus nine levels).
    static constexpr int kMaxCallDepth = 10;

    QList<const WorkflowJob *> jobs() const;
    const WorkflowJob *job(const QString &id) const;
    /// The stage whose environment `job` deploys to, or nullptr.
    const PromotionStage *stageOf(const QString &jobId) const;
};

} // namespace studio
