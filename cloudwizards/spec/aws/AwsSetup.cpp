// SPDX-License-Identifier: MIT
#include "spec/aws/AwsSetup.h"

#include "spec/TerraformPins.h"
#include "spec/addons/ClusterAddons.h"
#include "spec/aws/AwsRules.h"
#include "spec/aws/AwsTerraform.h"

namespace studio::cloud {

Diagnostics AwsSetup::validate() const
{
    return validateAwsAnswers(m_answers);
}

void AwsSetup::addTerraform(TerraformConfiguration &tf) const
{
    addAwsFoundation(tf, m_answers);
    addAwsDataServices(tf, m_answers);
    addAwsEdge(tf, m_answers);
}

QString AwsSetup::versionsNote() const
{
    return QStringLiteral("One consistent set: `terraform-aws-modules/eks/aws` %1, `terraform-aws-modules/vpc/aws` %2 and the\n"
                          "`hashicorp/aws` provider `%3`. The EKS module v20 does not work with aws 6.x; move to\n"
                          "EKS v21 + VPC v6 + aws >= 6.28 together, never one of them alone.")
               .arg(QLatin1String(pins::kAwsEksModule), QLatin1String(pins::kAwsVpcModule), QLatin1String(pins::kAwsProvider));
}

AddonTarget AwsSetup::addonTarget() const
{
    AddonTarget target;
    target.provider = CloudProvider::Aws;
    target.environment = m_answers.environment;
    target.clusterName = m_answers.cluster.name;
    target.region = m_answers.region;
    target.production = m_preset == Preset::Production;
    target.addons = m_answers.addons;
    return target;
}

CostEstimate AwsSetup::estimateCost(const PricingTable &prices) const
{
    const AwsAnswers &a = m_answers;
    CostEstimate cost;
    cost.lines.append(prices.monthly(QStringLiteral("EKS control plane"), QStringLiteral("aws/eks/control-plane")));
    for (const NodePoolAnswers &pool : a.cluster.nodePools)
        cost.lines.append(prices.monthly(QStringLiteral("node group %1 (%2 × %3)").arg(pool.name).arg(pool.desiredNodes).arg(pool.machineType),
                                         QStringLiteral("aws/ec2/") + pool.machineType, pool.desiredNodes));
    const int natGateways = a.network.natGateway == u"single" ? 1 : int(a.zones.size());
    cost.lines.append(prices.monthly(QStringLiteral("NAT gateways (%1, before data processing)").arg(natGateways),
                                     QStringLiteral("aws/nat-gateway"), natGateways));
    cost.lines.append(prices.monthly(QStringLiteral("PostgreSQL %1%2").arg(a.postgres.instanceClass, a.postgres.multiAz ? QStringLiteral(" Multi-AZ") : QString()),
                                     QStringLiteral("aws/rds/") + a.postgres.instanceClass, a.postgres.multiAz ? 2 : 1));
    if (a.postgres.readReplicas > 0)
        cost.lines.append(prices.monthly(QStringLiteral("PostgreSQL read replicas (%1 × %2)").arg(a.postgres.readReplicas).arg(a.postgres.instanceClass),
                                         QStringLiteral("aws/rds/") + a.postgres.instanceClass, a.postgres.readReplicas));
    cost.lines.append(prices.monthly(QStringLiteral("ElastiCache (%1 × %2)").arg(a.redis.nodes).arg(a.redis.nodeType),
                                     QStringLiteral("aws/elasticache/") + a.redis.nodeType, a.redis.nodes));
    if (a.search.enabled)
        cost.lines.append(prices.monthly(QStringLiteral("OpenSearch (%1 × %2)").arg(a.search.instanceCount).arg(a.search.instanceType),
                                         QStringLiteral("aws/opensearch/") + a.search.instanceType, a.search.instanceCount));
    return cost;
}

} // namespace studio::cloud
