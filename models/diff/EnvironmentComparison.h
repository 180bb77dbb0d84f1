// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "diff/SemanticDiff.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

struct Environment;
struct Workspace;

/// One part of a comparison of two environments, with the files each side comes from.
struct ComparisonSection {
    QString source; ///< "helm-values" or "kustomize"
    QStringList fromFiles;
    QStringList toFiles;
    QList<SemanticChange> changes;

    /// "Helm values: a + b → c + d" / "Kustomize overlay: … → …".
    QString title() const;
};

/// The semantic differences of two environments' effective configuration: their Helm values
/// (values.yaml merged with each environment's file, locations pointing into the layer that wrote
/// each value), then every YAML file of their Kustomize overlays paired by path inside the overlay
/// (the kustomization first). Used by `deploy-studio-cli diff` and the Compare view.
class EnvironmentComparison
{
public:
    static Result<QList<ComparisonSection>> compare(const Workspace &workspace, const Environment &from,
                                                    const Environment &to);
};

} // namespace studio
