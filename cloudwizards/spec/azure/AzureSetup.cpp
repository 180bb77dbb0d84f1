// SPDX-License-Identifier: MIT
#include "spec/azure/AzureSetup.h"

#include "spec/TerraformPins.h"
#include "spec/addons/ClusterAddons.h"
#include "spec/azure/AzureRules.h"
#include "spec/azure/AzureTerraform.h"

namespace studio::cloud {

Diagnostics AzureSetup::validate() const
{
    return validateAzureAnswers(m_answers);
}

void AzureSetup::addTerraform(TerraformConfiguration &tf) const
{
    addAzureFoundation(tf, m_answers);
    addAzureServices(tf, m_answers);
}

QString AzureSetup::versionsNote() const
{
    return QStringLiteral("`hashicorp/azurerm` `%1`. Redis is Azure Managed Redis and the CDN is Front Door Standard:\n"
                          "Azure Cache for Redis and Azure CDN (classic) are retiring.")
               .arg(QLatin1String(pins::kAzurermProvider));
}

AddonTarget AzureSetup::addonTarget() const
{
    AddonTarget target;
    target.provider = CloudProvider::Azure;
    target.environment = m_answers.environment;
    target.clusterName = m_answers.cluster.name;
    target.region = m_answers.location;
    target.production = m_preset == Preset::Production;
    target.search = m_answers.search;
    target.addons = m_answers.addons;
    return target;
}

CostEstimate AzureSetup::estimateCost(const PricingTable &prices) const
{
    const AzureAnswers &a = m_answers;
    CostEstimate cost;
    cost.lines.append(prices.monthly(QStringLiteral("AKS control plane (%1 tier)").arg(a.cluster.skuTier),
                                     QStringLiteral("azure/aks/") + a.cluster.skuTier));
    for (const NodePoolAnswers &pool : a.cluster.nodePools)
        cost.lines.append(prices.monthly(QStringLiteral("node pool %1 (%2 × %3)").arg(pool.name).arg(pool.desiredNodes).arg(pool.machineType),
                                         QStringLiteral("azure/vm/") + pool.machineType, pool.desiredNodes));
    if (a.network.outboundType == u"managedNATGateway")
        cost.lines.append(prices.monthly(QStringLiteral("NAT gateway (before data processing)"), QStringLiteral("azure/nat-gateway")));
    const bool ha = a.postgres.highAvailability != u"Disabled";
    cost.lines.append(prices.monthly(QStringLiteral("PostgreSQL %1%2").arg(a.postgres.skuName, ha ? QStringLiteral(" with HA standby") : QString()),
                                     QStringLiteral("azure/postgres/") + a.postgres.skuName, ha ? 2 : 1));
    cost.lines.append(prices.monthly(QStringLiteral("Managed Redis %1").arg(a.redis.skuName), QStringLiteral("azure/redis/") + a.redis.skuName));
    if (a.storage.cdn)
        cost.lines.append(prices.monthly(QStringLiteral("Front Door Standard (base fee)"), QStringLiteral("azure/frontdoor/Standard")));
    return cost;
}

} // namespace studio::cloud
