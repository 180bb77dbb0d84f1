// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CloudSetup.h"
#include "spec/azure/AzureAnswers.h"

namespace studio::cloud {

/// The Azure cluster setup: resource group, VNet, AKS, PostgreSQL Flexible Server, Azure Managed
/// Redis, Storage, Front Door, Key Vault, and the cluster add-ons (Elasticsearch through ECK).
class AzureSetup : public CloudSetup
{
public:
    AzureSetup(AzureAnswers answers, Preset preset) : m_answers(std::move(answers)), m_preset(preset) {}

    const AzureAnswers &answers() const { return m_answers; }
    AzureAnswers &answers() { return m_answers; }

    CloudProvider provider() const override { return CloudProvider::Azure; }
    QString environment() const override { return m_answers.environment; }
    QString toYaml() const override;
    Diagnostics validate() const override;
    CostEstimate estimateCost(const PricingTable &prices) const override;

protected:
    void addTerraform(TerraformConfiguration &tf) const override;
    QString versionsNote() const override;
    AddonTarget addonTarget() const override;

private:
    AzureAnswers m_answers;
    Preset m_preset;
};

} // namespace studio::cloud
