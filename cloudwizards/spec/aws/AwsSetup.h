// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CloudSetup.h"
#include "spec/aws/AwsAnswers.h"

namespace studio::cloud {

/// The AWS cluster setup: VPC + EKS (v20 module set), RDS PostgreSQL, ElastiCache, OpenSearch, S3,
/// CloudFront with its us-east-1 certificate, Secrets Manager, and the cluster add-ons.
class AwsSetup : public CloudSetup
{
public:
    AwsSetup(AwsAnswers answers, Preset preset) : m_answers(std::move(answers)), m_preset(preset) {}

    const AwsAnswers &answers() const { return m_answers; }
    AwsAnswers &answers() { return m_answers; }

    CloudProvider provider() const override { return CloudProvider::Aws; }
    QString environment() const override { return m_answers.environment; }
    QString toYaml() const override;
    Diagnostics validate() const override;
    CostEstimate estimateCost(const PricingTable &prices) const override;

protected:
    void addTerraform(TerraformConfiguration &tf) const override;
    QString versionsNote() const override;
    AddonTarget addonTarget() const override;

private:
    AwsAnswers m_answers;
    Preset m_preset;
};

} // namespace studio::cloud
