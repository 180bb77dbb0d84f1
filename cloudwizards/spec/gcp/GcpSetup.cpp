// SPDX-License-Identifier: MIT
#include "spec/gcp/GcpSetup.h"

#include "spec/TerraformPins.h"
#include "spec/addons/ClusterAddons.h"
#include "spec/gcp/GcpRules.h"
#include "spec/gcp/GcpTerraform.h"

#include <algorithm>

namespace studio::cloud {

Diagnostics GcpSetup::validate() const
{
    return validateGcpAnswers(m_answers);
}

void GcpSetup::addTerraform(TerraformConfiguration &tf) const
{
    addGcpFoundation(tf, m_answers);
    addGcpServices(tf, m_answers);
}

QString GcpSetup::versionsNote() const
{
    return QStringLiteral("`hashicorp/google` `%1`. Node pool counts are per zone (a regional cluster); the search\n"
                          "layer is Elasticsearch run in the cluster by the ECK operator.")
               .arg(QLatin1String(pins::kGoogleProvider));
}

AddonTarget GcpSetup::addonTarget() const
{
    AddonTarget target;
    target.provider = CloudProvider::Gcp;
    target.environment = m_answers.environment;
    target.clusterName = m_answers.cluster.name;
    target.region = m_answers.region;
    target.gcpProject = m_answers.projectId;
    target.production = m_preset == Preset::Production;
    target.search = m_answers.search;
    target.addons = m_answers.addons;
    return target;
}

CostEstimate GcpSetup::estimateCost(const PricingTable &prices) const
{
    const GcpAnswers &a = m_answers;
    CostEstimate cost;
    cost.lines.append(prices.monthly(QStringLiteral("GKE cluster management fee"), QStringLiteral("gcp/gke/control-plane")));
    qsizetype vms = 0;
    for (const NodePoolAnswers &pool : a.cluster.nodePools) {
        const qsizetype nodes = pool.desiredNodes * a.zones.size();
        vms += nodes;
        cost.lines.append(prices.monthly(QStringLiteral("node pool %1 (%2 × %3)").arg(pool.name).arg(nodes).arg(pool.machineType),
                                         QStringLiteral("gcp/gce/") + pool.machineType, double(nodes)));
    }
    cost.lines.append(prices.monthly(QStringLiteral("Cloud NAT (%1 VMs, before data processing)").arg(vms), QStringLiteral("gcp/cloud-nat"),
                                     double(std::min<qsizetype>(vms, 32))));
    const bool regional = a.postgres.availabilityType == u"REGIONAL";
    cost.lines.append(prices.monthly(QStringLiteral("Cloud SQL %1%2").arg(a.postgres.tier, regional ? QStringLiteral(" REGIONAL") : QString()),
                                     QStringLiteral("gcp/cloudsql/") + a.postgres.tier, regional ? 2 : 1));
    cost.lines.append(prices.monthly(QStringLiteral("Memorystore %1 (%2 GB)").arg(a.redis.tier).arg(a.redis.memoryGb),
                                     QStringLiteral("gcp/memorystore/") + a.redis.tier, a.redis.memoryGb));
    return cost;
}

} // namespace studio::cloud
