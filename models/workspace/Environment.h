// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace studio {

/// One deployment target (dev, staging, prod…) and the files that define it. Paths are relative to the
/// workspace root, '/' separated.
struct Environment {
    QString name;
    QString chart;            ///< Helm chart folder whose values it layers (empty when none)
    QStringList valuesFiles;  ///< Helm values in merge order: values.yaml first, then values-<env>.yaml
    QString kustomizeOverlay; ///< e.g. deploy/overlays/prod (empty when none)
    QString kustomizationFile;///< the overlay's kustomization.yaml (or .yml / Kustomization)
    QString argocdApplication;///< file of the Argo CD Application that deploys it (empty when unknown)
    QString argocdPath;       ///< the repository path that Application deploys
    QString argocdNamespace;  ///< destination namespace of that Application
    QString prometheusUrl;
    QString sealedSecretsCert;
    bool isProtected = false; ///< promotion needs a clean check and a signed commit

    /// Every file that belongs to the environment, for the explorer.
    QStringList files() const;
};

} // namespace studio
