// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CloudProvider.h"
#include "spec/CommonAnswers.h"
#include "spec/GeneratedFile.h"

#include <optional>

namespace studio::cloud {

/// What the add-on generator needs to know about the cluster it configures.
struct AddonTarget {
    CloudProvider provider = CloudProvider::Aws;
    QString environment;
    QString clusterName;
    QString region;
    QString gcpProject;                           ///< external-dns on Google Cloud
    bool production = false;
    std::optional<InClusterSearchAnswers> search; ///< Elasticsearch run by ECK (Azure, Google Cloud)
    AddonAnswers addons;
};

/// The cluster add-ons of clusters/<env>/addons/: the Argo CD bootstrap (Helm values and the root
/// app-of-apps Application), one Application per add-on with its pinned chart and per-provider
/// values, and the manifests they need (a cert-manager ClusterIssuer, the ECK Elasticsearch cluster).
class ClusterAddons
{
public:
    static GeneratedFiles generate(const AddonTarget &target);
};

} // namespace studio::cloud
