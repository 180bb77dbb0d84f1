// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "pipeline/Workflow.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

struct Workspace;

/// One environment in the promotion flow: the Argo CD Application that deploys it and the
/// workflow jobs that deploy to it.
struct PromotionStage {
    QString environment;     ///< the studio environment (dev, staging, prod)
    QString application;     ///< Argo CD Application name (metadata.name)
    QString applicationFile; ///< relative path of its manifest
    QString repoUrl;         ///< spec.source.repoURL (first of spec.sources)
    QString path;            ///< spec.source.path (or chart)
    QString targetRevision;
    QString destinationNamespace;
    bool automated = false;  ///< syncPolicy.automated present and not disabled
    bool prune = false;
    bool selfHeal = false;
    QStringList deployJobs;  ///< ids of the jobs that deploy to it

    /// "automated (prune, self-heal)" or "manual sync": how the Application syncs, for people.
    QString syncPolicyText() const;
};

/// The environments in promotion order (the Workspace's order) with their Argo CD Applications and
/// deploying jobs. A job deploys to an environment when its `environment` names it (GitHub's
/// conventional long names count: development, production) or, failing that, when its steps touch
/// the environment's overlay or values file.
class PromotionFlow
{
public:
    static QList<PromotionStage> build(const Workspace &workspace, const QList<Workflow> &workflows,
                                       Diagnostics *diagnostics);

    /// Whether a GitHub environment name denotes the studio environment `environment`.
    static bool namesEnvironment(const QString &githubEnvironment, const QString &environment);
};

} // namespace studio
