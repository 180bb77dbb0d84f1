// SPDX-License-Identifier: MIT
#pragma once

#include "spec/ProviderSetup.h"
#include "spec/aws/AwsAnswers.h"

namespace studio::cloud {

/// The AWS cluster setup: VPC + EKS (v20 module set), RDS PostgreSQL, ElastiCache, OpenSearch, S3,
/// CloudFront with its us-east-1 certificate, Secrets Manager, and the cluster add-ons.
class AwsSetup : public ProviderSetup<AwsAnswers, CloudProvider::Aws>
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
