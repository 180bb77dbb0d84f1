// SPDX-License-Identifier: MIT
#pragma once

#include "spec/ProviderSetup.h"
#include "spec/azure/AzureAnswers.h"

namespace studio::cloud {

/// The Azure cluster setup: resource group, VNet, AKS, PostgreSQL Flexible Server, Azure Managed
/// Redis, Storage, Front Door, Key Vault, and the cluster add-ons (Elasticsearch through ECK).
class AzureSetup : public ProviderSetup<AzureAnswers, CloudProvider::Azure>
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
