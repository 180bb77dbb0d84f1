// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CloudSetup.h"
#include "spec/gcp/GcpAnswers.h"

namespace studio::cloud {

/// The Google Cloud cluster setup: VPC with secondary ranges, regional GKE, Cloud SQL, Memorystore,
/// Cloud Storage, Cloud CDN, Secret Manager, and the cluster add-ons (Elasticsearch through ECK).
class GcpSetup : public CloudSetup
{
public:
    GcpSetup(GcpAnswers answers, Preset preset) : m_answers(std::move(answers)), m_preset(preset) {}

    const GcpAnswers &answers() const { return m_answers; }
    GcpAnswers &answers() { return m_answers; }

    CloudProvider provider() const override { return CloudProvider::Gcp; }
    QString environment() const override { return m_answers.environment; }
    QString toYaml() const override;
    Diagnostics validate() const override;
    CostEstimate estimateCost(const PricingTable &prices) const override;

protected:
    void addTerraform(TerraformConfiguration &tf) const override;
    QString versionsNote() const override;
    AddonTarget addonTarget() const override;

private:
    GcpAnswers m_answers;
    Preset m_preset;
};

} // namespace studio::cloud
