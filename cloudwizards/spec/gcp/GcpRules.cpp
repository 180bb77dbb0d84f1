// SPDX-License-Identifier: MIT
#include "spec/gcp/GcpRules.h"

#include "spec/AnswerRules.h"

#include <QRegularExpression>

namespace studio::cloud {

namespace {

bool matches(const QString &value, const char *pattern)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(QString::fromLatin1(pattern))).match(value).hasMatch();
}

void checkNetwork(AnswerRules &rules, const GcpAnswers &a)
{
    const GcpAnswers::Network &n = a.network;
    const QList<std::pair<QString, std::optional<Cidr>>> ranges{
        {QStringLiteral("network.subnetCidr"), rules.cidr(QStringLiteral("network.subnetCidr"), n.subnetCidr)},
        {QStringLiteral("network.podsCidr"), rules.cidr(QStringLiteral("network.podsCidr"), n.podsCidr)},
        {QStringLiteral("network.servicesCidr"), rules.cidr(QStringLiteral("network.servicesCidr"), n.servicesCidr)},
        {QStringLiteral("network.privateServicesCidr"), rules.cidr(QStringLiteral("network.privateServicesCidr"), n.privateServicesCidr)}};
    for (qsizetype i = 0; i < ranges.size(); ++i)
        for (qsizetype j = i + 1; j < ranges.size(); ++j)
            rules.noOverlap(ranges[j].first, ranges[j].second, ranges[i].first, ranges[i].second);
    rules.name(QStringLiteral("network.podsRangeName"), n.podsRangeName, NameKind::GcpNetworkName);
    rules.name(QStringLiteral("network.servicesRangeName"), n.servicesRangeName, NameKind::GcpNetworkName);
    rules.require(n.podsRangeName != n.servicesRangeName, QStringLiteral("network.servicesRangeName"), QStringLiteral("gcp-range-names-distinct"),
                  QStringLiteral("network.servicesRangeName must differ from network.podsRangeName"));
    if (const auto &pods = ranges[1].second) {
        // Each node reserves a /24 of the pod range (110 pods per node, GCP alias IP docs).
        qint64 maxNodes = 0;
        for (const NodePoolAnswers &pool : a.cluster.nodePools)
            maxNodes += qint64(pool.maxNodes) * a.zones.size();
        const qint64 capacity = pods->prefix <= 24 ? qint64(1) << (24 - pods->prefix) : 0;
        rules.require(capacity >= maxNodes, QStringLiteral("network.podsCidr"), QStringLiteral("gcp-pod-range-capacity"),
                      QStringLiteral("network.podsCidr %1 holds %2 nodes (a /24 each) but the node pools can grow to %3; use a larger range")
                          .arg(pods->toString()).arg(capacity).arg(maxNodes));
    }
    if (const auto &privateServices = ranges[3].second)
        rules.require(privateServices->prefix <= 24, QStringLiteral("network.privateServicesCidr"), QStringLiteral("gcp-private-services-size"),
                      QStringLiteral("network.privateServicesCidr %1 must be /24 or larger").arg(privateServices->toString()));
}

void checkData(AnswerRules &rules, const GcpAnswers &a)
{
    const GcpAnswers::Postgres &pg = a.postgres;
    rules.name(QStringLiteral("postgres.instanceName"), pg.instanceName, NameKind::CloudSqlInstance);
    rules.oneOf(QStringLiteral("postgres.databaseVersion"), pg.databaseVersion,
                {QStringLiteral("POSTGRES_14"), QStringLiteral("POSTGRES_15"), QStringLiteral("POSTGRES_16"), QStringLiteral("POSTGRES_17")},
                QStringLiteral("postgres-version"));
    rules.require(matches(pg.tier, "db-custom-[0-9]+-[0-9]+|db-f1-micro|db-g1-small"), QStringLiteral("postgres.tier"),
                  QStringLiteral("gcp-cloud-sql-tier"),
                  QStringLiteral("postgres.tier '%1' must be an Enterprise tier such as db-custom-2-7680").arg(pg.tier));
    rules.range(QStringLiteral("postgres.diskGb"), pg.diskGb, 10, 65536, QStringLiteral("disk-size"));
    rules.oneOf(QStringLiteral("postgres.availabilityType"), pg.availabilityType, {QStringLiteral("ZONAL"), QStringLiteral("REGIONAL")},
                QStringLiteral("gcp-cloud-sql-availability"));
    const bool regional = pg.availabilityType == u"REGIONAL";
    rules.require(!regional || pg.backups, QStringLiteral("postgres.backups"), QStringLiteral("gcp-cloud-sql-regional-backups"),
                  QStringLiteral("postgres.backups must be true when postgres.availabilityType is REGIONAL"));
    rules.require(!regional || pg.pointInTimeRecovery, QStringLiteral("postgres.pointInTimeRecovery"),
                  QStringLiteral("gcp-cloud-sql-regional-pitr"),
                  QStringLiteral("postgres.pointInTimeRecovery must be true when postgres.availabilityType is REGIONAL"));
    rules.require(!pg.pointInTimeRecovery || pg.backups, QStringLiteral("postgres.pointInTimeRecovery"), QStringLiteral("gcp-cloud-sql-pitr-backups"),
                  QStringLiteral("postgres.pointInTimeRecovery needs postgres.backups to be true"));
    rules.range(QStringLiteral("postgres.retainedBackups"), pg.retainedBackups, 1, 365, QStringLiteral("gcp-cloud-sql-retained-backups"));
    rules.range(QStringLiteral("postgres.transactionLogRetentionDays"), pg.transactionLogRetentionDays, 1, 7,
                QStringLiteral("gcp-cloud-sql-log-retention"));

    const GcpAnswers::Redis &redis = a.redis;
    rules.name(QStringLiteral("redis.name"), redis.name, NameKind::MemorystoreInstance);
    rules.oneOf(QStringLiteral("redis.tier"), redis.tier, {QStringLiteral("BASIC"), QStringLiteral("STANDARD_HA")}, QStringLiteral("gcp-memorystore-tier"));
    rules.range(QStringLiteral("redis.memoryGb"), redis.memoryGb, 1, 300, QStringLiteral("gcp-memorystore-memory"));
    rules.range(QStringLiteral("redis.readReplicas"), redis.readReplicas, 0, 5, QStringLiteral("gcp-memorystore-replicas"));
    rules.require(redis.readReplicas == 0 || redis.tier == u"STANDARD_HA", QStringLiteral("redis.readReplicas"),
                  QStringLiteral("gcp-memorystore-replicas-tier"), QStringLiteral("redis.readReplicas needs redis.tier STANDARD_HA"));
    rules.require(redis.readReplicas == 0 || redis.memoryGb >= 5, QStringLiteral("redis.memoryGb"), QStringLiteral("gcp-memorystore-replicas-memory"),
                  QStringLiteral("redis.memoryGb must be at least 5 with read replicas (it is %1)").arg(redis.memoryGb));
}

} // namespace

Diagnostics validateGcpAnswers(const GcpAnswers &a, const QString &file)
{
    AnswerRules rules(file);
    rules.name(QStringLiteral("environment"), a.environment, NameKind::Environment);
    rules.name(QStringLiteral("projectId"), a.projectId, NameKind::GcpProjectId);
    rules.require(matches(a.region, "[a-z]+-[a-z]+[0-9]+"), QStringLiteral("region"), QStringLiteral("gcp-region"),
                  QStringLiteral("region '%1' is not a Google Cloud region such as us-central1").arg(a.region));
    rules.zones(QStringLiteral("zones"), a.zones, 2, QStringLiteral("a regional cluster spreads its nodes over zones"));
    for (qsizetype i = 0; i < a.zones.size(); ++i)
        rules.require(a.zones[i].size() == a.region.size() + 2 && a.zones[i].startsWith(a.region + u'-'), QStringLiteral("zones[%1]").arg(i),
                      QStringLiteral("gcp-zone-in-region"),
                      QStringLiteral("zones[%1] '%2' is not a zone of region %3 (e.g. %3-a)").arg(i).arg(a.zones[i], a.region));
    checkNetwork(rules, a);
    rules.name(QStringLiteral("cluster.name"), a.cluster.name, NameKind::GkeName);
    rules.kubernetesVersion(QStringLiteral("cluster.kubernetesVersion"), CloudProvider::Gcp, a.cluster.kubernetesVersion);
    rules.oneOf(QStringLiteral("cluster.releaseChannel"), a.cluster.releaseChannel,
                {QStringLiteral("RAPID"), QStringLiteral("REGULAR"), QStringLiteral("STABLE")}, QStringLiteral("gcp-gke-release-channel"));
    rules.nodePools(QStringLiteral("cluster.nodePools"), a.cluster.nodePools, NameKind::GkeName);
    checkData(rules, a);
    rules.inClusterSearch(QStringLiteral("search"), a.search);
    rules.storage(QStringLiteral("storage"), a.storage, NameKind::GcsBucket);
    rules.secretNames(QStringLiteral("secrets"), a.secrets);
    rules.addons(QStringLiteral("addons"), a.addons);
    return rules.problems();
}

} // namespace studio::cloud
