// SPDX-License-Identifier: MIT
#pragma once

#include "spec/ProviderSetup.h"
#include "spec/gcp/GcpAnswers.h"

namespace studio::cloud {

/// The Google Cloud cluster setup: VPC with secondary ranges, regional GKE, Cloud SQL, Memorystore,
/// Cloud Storage, Cloud CDN, Secret Manager, and the cluster add-ons (Elasticsearch through ECK).
class GcpSetup : public ProviderSetup<GcpAnswers, CloudProvider::Gcp>
{
public:
    using ProviderSetup::ProviderSetup;

    Diagnostics validate() const override;
    CostEstimate estimateCost(const PricingTable &prices) const override;

protected:
    void addTerraform(TerraformConfiguration &tf) const override;
    QString versionsNote() const override;
    AddonTarget addonTarget() const override;
};

} // namespace studio::cloud
