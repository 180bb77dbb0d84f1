// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/WorkflowJob.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

/// One file in .github/workflows: its name, what triggers it and its jobs (reusable workflows it
/// calls already expanded into them).
struct Workflow {
    QString file;            ///< relative to the repository root
    QString name;            ///< `name:`, or the file path when it has none (as GitHub shows it)
    QStringList events;      ///< trigger events in the order written (push, pull_request, workflow_run…)
    QStringList runsAfter;   ///< `on.workflow_run.workflows`: names of the workflows that trigger it
    QStringList runAfterTypes;///< `on.workflow_run.types` (completed, requested)
    int runsAfterLine = 0;   ///< line of `workflow_run` in file
    bool isReusable = false; ///< has `on: workflow_call`
    QList<WorkflowJob> jobs; ///< in the order written
};

} // namespace studio
