// SPDX-License-Identifier: MIT
#include "spec/azure/AzureRules.h"

#include "spec/AnswerRules.h"

#include <QRegularExpression>

namespace studio::cloud {

namespace {

bool matches(const QString &value, const char *pattern)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(QString::fromLatin1(pattern))).match(value).hasMatch();
}

void checkNetwork(AnswerRules &rules, const AzureAnswers &a)
{
    const AzureAnswers::Network &n = a.network;
    const auto vnet = rules.cidr(QStringLiteral("network.vnetCidr"), n.vnetCidr);
    const auto nodes = rules.cidr(QStringLiteral("network.nodeSubnetCidr"), n.nodeSubnetCidr);
    const auto database = rules.cidr(QStringLiteral("network.databaseSubnetCidr"), n.databaseSubnetCidr);
    const auto pods = rules.cidr(QStringLiteral("network.podCidr"), n.podCidr);
    const auto services = rules.cidr(QStringLiteral("network.serviceCidr"), n.serviceCidr);
    rules.inside(QStringLiteral("network.nodeSubnetCidr"), nodes, QStringLiteral("network.vnetCidr"), vnet);
    rules.inside(QStringLiteral("network.databaseSubnetCidr"), database, QStringLiteral("network.vnetCidr"), vnet);
    rules.noOverlap(QStringLiteral("network.databaseSubnetCidr"), database, QStringLiteral("network.nodeSubnetCidr"), nodes);
    rules.noOverlap(QStringLiteral("network.podCidr"), pods, QStringLiteral("network.vnetCidr"), vnet);
    rules.noOverlap(QStringLiteral("network.serviceCidr"), services, QStringLiteral("network.vnetCidr"), vnet);
    rules.noOverlap(QStringLiteral("network.serviceCidr"), services, QStringLiteral("network.podCidr"), pods);

    // Ranges AKS reserves for itself (MS Learn, AKS networking concepts).
    const QStringList reserved{QStringLiteral("169.254.0.0/16"), QStringLiteral("172.30.0.0/16"), QStringLiteral("172.31.0.0/16"),
                               QStringLiteral("192.0.2.0/24")};
    const QList<std::pair<QString, std::optional<Cidr>>> aksRanges{
        {QStringLiteral("network.vnetCidr"), vnet}, {QStringLiteral("network.podCidr"), pods}, {QStringLiteral("network.serviceCidr"), services}};
    for (const auto &[field, cidr] : aksRanges) {
        if (!cidr)
            continue;
        for (const QString &r : reserved) {
            const Cidr reservedRange = *Cidr::parse(r);
            rules.require(!cidr->overlaps(reservedRange), field, QStringLiteral("azure-aks-reserved-range"),
                          QStringLiteral("%1 %2 overlaps %3, a range AKS reserves; choose another range").arg(field, cidr->toString(), r));
        }
    }
    const auto dns = Cidr::parseAddress(n.dnsServiceIp);
    rules.require(dns.has_value(), QStringLiteral("network.dnsServiceIp"), QStringLiteral("ip-syntax"),
                  QStringLiteral("network.dnsServiceIp '%1' is not an IPv4 address").arg(n.dnsServiceIp));
    if (dns && services)
        rules.require(services->contains(*dns) && *dns != services->first(), QStringLiteral("network.dnsServiceIp"),
                      QStringLiteral("azure-dns-service-ip"),
                      QStringLiteral("network.dnsServiceIp %1 must lie inside network.serviceCidr %2 and not be its first address")
                          .arg(n.dnsServiceIp, services->toString()));
    rules.oneOf(QStringLiteral("network.outboundType"), n.outboundType, {QStringLiteral("loadBalancer"), QStringLiteral("managedNATGateway")},
                QStringLiteral("azure-outbound-type"));
}

void checkData(AnswerRules &rules, const AzureAnswers &a)
{
    const AzureAnswers::Postgres &pg = a.postgres;
    rules.name(QStringLiteral("postgres.serverName"), pg.serverName, NameKind::AzurePostgresServer);
    rules.oneOf(QStringLiteral("postgres.version"), pg.version,
                {QStringLiteral("13"), QStringLiteral("14"), QStringLiteral("15"), QStringLiteral("16")}, QStringLiteral("postgres-version"));
    rules.require(matches(pg.skuName, "(B|GP|MO)_Standard_[A-Za-z0-9_]+"), QStringLiteral("postgres.skuName"), QStringLiteral("azure-postgres-sku"),
                  QStringLiteral("postgres.skuName '%1' must be a Flexible Server SKU such as B_Standard_B1ms or GP_Standard_D2s_v3").arg(pg.skuName));
    static const QList<int> storageSizes{32768, 65536, 131072, 262144, 524288, 1048576, 2097152, 4193280, 4194304,
                                         8388608, 16777216, 33553408};
    QStringList sizes;
    for (int s : storageSizes)
        sizes.append(QString::number(s));
    rules.oneOf(QStringLiteral("postgres.storageMb"), QString::number(pg.storageMb), sizes, QStringLiteral("azure-postgres-storage"));
    rules.oneOf(QStringLiteral("postgres.highAvailability"), pg.highAvailability,
                {QStringLiteral("Disabled"), QStringLiteral("SameZone"), QStringLiteral("ZoneRedundant")}, QStringLiteral("azure-postgres-ha-mode"));
    rules.require(pg.highAvailability == u"Disabled" || !pg.skuName.startsWith(QLatin1String("B_")), QStringLiteral("postgres.highAvailability"),
                  QStringLiteral("azure-postgres-ha-burstable"),
                  QStringLiteral("postgres.highAvailability %1 is not available on Burstable (B_) SKUs; choose a GP_ or MO_ SKU").arg(pg.highAvailability));
    rules.require(pg.highAvailability != u"ZoneRedundant" || a.zones.size() >= 2, QStringLiteral("postgres.highAvailability"),
                  QStringLiteral("azure-postgres-ha-zones"),
                  QStringLiteral("postgres.highAvailability ZoneRedundant needs at least two zones in zones"));
    rules.range(QStringLiteral("postgres.backupRetentionDays"), pg.backupRetentionDays, 7, 35, QStringLiteral("azure-postgres-backup-retention"));
    rules.require(!(pg.privateAccess && pg.publicNetworkAccess), QStringLiteral("postgres.publicNetworkAccess"),
                  QStringLiteral("azure-postgres-private-access"),
                  QStringLiteral("postgres.publicNetworkAccess must be false when postgres.privateAccess is true (VNet-integrated servers have no public endpoint)"));

    rules.name(QStringLiteral("redis.name"), a.redis.name, NameKind::AzureManagedRedis);
    rules.require(matches(a.redis.skuName, "(Balanced|MemoryOptimized|ComputeOptimized|FlashOptimized)_[AB][0-9]+"),
                  QStringLiteral("redis.skuName"), QStringLiteral("azure-managed-redis-sku"),
                  QStringLiteral("redis.skuName '%1' must be an Azure Managed Redis SKU such as Balanced_B0").arg(a.redis.skuName));
}

} // namespace

Diagnostics validateAzureAnswers(const AzureAnswers &a, const QString &file)
{
    AnswerRules rules(file);
    rules.name(QStringLiteral("environment"), a.environment, NameKind::Environment);
    rules.require(matches(a.location, "[a-z][a-z0-9]+"), QStringLiteral("location"), QStringLiteral("azure-location"),
                  QStringLiteral("location '%1' is not an Azure region name such as eastus").arg(a.location));
    rules.zones(QStringLiteral("zones"), a.zones, 2, QStringLiteral("node pools are spread over zones"));
    for (qsizetype i = 0; i < a.zones.size(); ++i)
        rules.oneOf(QStringLiteral("zones[%1]").arg(i), a.zones[i], {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")},
                    QStringLiteral("azure-zone"));
    rules.name(QStringLiteral("resourceGroup"), a.resourceGroup, NameKind::AzureResourceGroup);
    checkNetwork(rules, a);
    rules.name(QStringLiteral("cluster.name"), a.cluster.name, NameKind::AksName);
    rules.kubernetesVersion(QStringLiteral("cluster.kubernetesVersion"), CloudProvider::Azure, a.cluster.kubernetesVersion);
    rules.oneOf(QStringLiteral("cluster.skuTier"), a.cluster.skuTier, {QStringLiteral("Free"), QStringLiteral("Standard"), QStringLiteral("Premium")},
                QStringLiteral("azure-aks-sku-tier"));
    rules.nodePools(QStringLiteral("cluster.nodePools"), a.cluster.nodePools, NameKind::AksNodePoolName);
    checkData(rules, a);
    rules.inClusterSearch(QStringLiteral("search"), a.search);
    rules.storage(QStringLiteral("storage"), a.storage, NameKind::AzureStorageAccount);
    rules.name(QStringLiteral("keyVaultName"), a.keyVaultName, NameKind::AzureKeyVault);
    rules.secretNames(QStringLiteral("secrets"), a.secrets);
    rules.addons(QStringLiteral("addons"), a.addons);
    return rules.problems();
}

} // namespace studio::cloud
