// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace studio::cloud {

/// A Helm chart an add-on Application installs, pinned to one version.
struct AddonChart {
    QString name;       ///< Application name and Helm release
    QString repoUrl;
    QString chart;
    QString version;
    QString namespaceName;
    int syncWave = 0;   ///< Argo CD installs lower waves first (CRDs and operators before their users)
};

/// The pinned chart versions of every add-on the wizards can install. Bump them here, together,
/// after checking the charts' release notes.
class AddonCharts
{
public:
    static AddonChart argoCd();
    static AddonChart metricsServer();
    static AddonChart clusterAutoscaler();
    static AddonChart externalDns();
    static AddonChart ingressNginx();
    static AddonChart certManager();
    static AddonChart kubePrometheusStack();
    static AddonChart sealedSecrets();
    static AddonChart eckOperator();
    static AddonChart istioBase();
    static AddonChart istiod();
};

} // namespace studio::cloud
