// SPDX-License-Identifier: MIT
#include "spec/aws/AwsRules.h"

#include "spec/AnswerRules.h"

#include <QRegularExpression>

namespace studio::cloud {

namespace {

void checkNetwork(AnswerRules &rules, const AwsAnswers &a)
{
    const auto vpc = rules.cidr(QStringLiteral("network.vpcCidr"), a.network.vpcCidr);
    if (vpc)
        rules.require(vpc->prefix >= 16 && vpc->prefix <= 28, QStringLiteral("network.vpcCidr"), QStringLiteral("aws-vpc-size"),
                      QStringLiteral("network.vpcCidr %1 must have a prefix between /16 and /28 (an AWS VPC limit)").arg(vpc->toString()));
    QList<std::pair<QString, std::optional<Cidr>>> subnets;
    const auto subnetList = [&](const char *key, const QStringList &list) {
        const QString field = QStringLiteral("network.") + QLatin1String(key);
        rules.require(list.size() == a.zones.size(), field, QStringLiteral("subnets-per-zone"),
                      QStringLiteral("%1 has %2 subnets for %3 zones; give one per zone").arg(field).arg(list.size()).arg(a.zones.size()));
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = QStringLiteral("%1[%2]").arg(field).arg(i);
            const auto cidr = rules.cidr(at, list[i]);
            rules.inside(at, cidr, QStringLiteral("network.vpcCidr"), vpc);
            subnets.append({at, cidr});
        }
    };
    subnetList("privateSubnets", a.network.privateSubnets);
    subnetList("publicSubnets", a.network.publicSubnets);
    subnetList("databaseSubnets", a.network.databaseSubnets);
    for (qsizetype i = 0; i < subnets.size(); ++i)
        for (qsizetype j = i + 1; j < subnets.size(); ++j)
            rules.noOverlap(subnets[j].first, subnets[j].second, subnets[i].first, subnets[i].second);
    for (const auto &[field, cidr] : subnets)
        if (cidr)
            rules.require(cidr->prefix <= 28, field, QStringLiteral("aws-subnet-size"),
                          QStringLiteral("%1 %2 is too small; EKS needs at least 16 free addresses per subnet (/28 or larger)")
                              .arg(field, cidr->toString()));
    const auto service = rules.cidr(QStringLiteral("network.serviceCidr"), a.network.serviceCidr);
    rules.noOverlap(QStringLiteral("network.serviceCidr"), service, QStringLiteral("network.vpcCidr"), vpc);
    if (service)
        rules.require(service->prefix >= 12 && service->prefix <= 24, QStringLiteral("network.serviceCidr"),
                      QStringLiteral("aws-service-cidr-size"),
                      QStringLiteral("network.serviceCidr %1 must have a prefix between /12 and /24").arg(service->toString()));
    rules.oneOf(QStringLiteral("network.natGateway"), a.network.natGateway, {QStringLiteral("single"), QStringLiteral("perZone")},
                QStringLiteral("aws-nat-mode"));
}

void checkData(AnswerRules &rules, const AwsAnswers &a)
{
    const AwsAnswers::Postgres &pg = a.postgres;
    rules.name(QStringLiteral("postgres.identifier"), pg.identifier, NameKind::RdsIdentifier);
    if (pg.readReplicas > 0)
        rules.require(pg.identifier.size() + 11 <= 63, QStringLiteral("postgres.identifier"), QStringLiteral("aws-rds-identifier"),
                      QStringLiteral("postgres.identifier is too long for its replicas' names (<identifier>-replica-N must fit in 63 characters)"));
    rules.oneOf(QStringLiteral("postgres.engineVersion"), pg.engineVersion,
                {QStringLiteral("14"), QStringLiteral("15"), QStringLiteral("16"), QStringLiteral("17")}, QStringLiteral("postgres-version"));
    rules.require(pg.instanceClass.startsWith(QLatin1String("db.")), QStringLiteral("postgres.instanceClass"),
                  QStringLiteral("aws-rds-instance-class"),
                  QStringLiteral("postgres.instanceClass '%1' must be an RDS class such as db.t4g.medium").arg(pg.instanceClass));
    rules.range(QStringLiteral("postgres.storageGb"), pg.storageGb, 20, 65536, QStringLiteral("disk-size"));
    rules.require(pg.maxStorageGb >= pg.storageGb, QStringLiteral("postgres.maxStorageGb"), QStringLiteral("aws-rds-storage-autoscaling"),
                  QStringLiteral("postgres.maxStorageGb (%1) must not be below postgres.storageGb (%2)").arg(pg.maxStorageGb).arg(pg.storageGb));
    rules.range(QStringLiteral("postgres.readReplicas"), pg.readReplicas, 0, 5, QStringLiteral("aws-rds-replicas"));
    rules.range(QStringLiteral("postgres.backupRetentionDays"), pg.backupRetentionDays, 0, 35, QStringLiteral("aws-rds-backup-retention"));
    rules.require(pg.readReplicas == 0 || pg.backupRetentionDays > 0, QStringLiteral("postgres.backupRetentionDays"),
                  QStringLiteral("aws-rds-replica-needs-backups"),
                  QStringLiteral("postgres.backupRetentionDays must be above 0 when postgres.readReplicas is set (a replica source needs backups)"));

    const AwsAnswers::Redis &redis = a.redis;
    rules.name(QStringLiteral("redis.replicationGroupId"), redis.replicationGroupId, NameKind::ElastiCacheId);
    rules.oneOf(QStringLiteral("redis.engine"), redis.engine, {QStringLiteral("valkey"), QStringLiteral("redis")}, QStringLiteral("aws-elasticache-engine"));
    rules.require(redis.nodeType.startsWith(QLatin1String("cache.")), QStringLiteral("redis.nodeType"), QStringLiteral("aws-elasticache-node-type"),
                  QStringLiteral("redis.nodeType '%1' must be a cache node type such as cache.t4g.small").arg(redis.nodeType));
    rules.range(QStringLiteral("redis.nodes"), redis.nodes, 1, 6, QStringLiteral("aws-elasticache-nodes"));
    rules.require(!redis.multiAz || redis.automaticFailover, QStringLiteral("redis.multiAz"), QStringLiteral("aws-elasticache-multi-az-failover"),
                  QStringLiteral("redis.multiAz needs redis.automaticFailover to be true"));
    rules.require(!(redis.multiAz || redis.automaticFailover) || redis.nodes >= 2, QStringLiteral("redis.nodes"),
                  QStringLiteral("aws-elasticache-ha-nodes"),
                  QStringLiteral("redis.nodes must be at least 2 when automatic failover or Multi-AZ is on (it is %1)").arg(redis.nodes));

    const AwsAnswers::Search &search = a.search;
    if (search.enabled) {
        rules.name(QStringLiteral("search.domainName"), search.domainName, NameKind::OpenSearchDomain);
        rules.require(search.engineVersion.startsWith(QLatin1String("OpenSearch_")), QStringLiteral("search.engineVersion"),
                      QStringLiteral("aws-opensearch-version"),
                      QStringLiteral("search.engineVersion '%1' must look like OpenSearch_2.19").arg(search.engineVersion));
        rules.require(search.instanceType.endsWith(QLatin1String(".search")), QStringLiteral("search.instanceType"),
                      QStringLiteral("aws-opensearch-instance-type"),
                      QStringLiteral("search.instanceType '%1' must be an OpenSearch type such as t3.small.search").arg(search.instanceType));
        rules.range(QStringLiteral("search.instanceCount"), search.instanceCount, 1, 80, QStringLiteral("aws-opensearch-nodes"));
        rules.range(QStringLiteral("search.volumeGb"), search.volumeGb, 10, 16384, QStringLiteral("disk-size"));
        rules.require(!search.zoneAwareness || (search.instanceCount >= 2 && search.instanceCount % 2 == 0),
                      QStringLiteral("search.instanceCount"), QStringLiteral("aws-opensearch-zone-awareness"),
                      QStringLiteral("search.instanceCount must be an even number of at least 2 with zone awareness across two zones (it is %1)")
                          .arg(search.instanceCount));
    }
}

} // namespace

Diagnostics validateAwsAnswers(const AwsAnswers &a, const QString &file)
{
    AnswerRules rules(file);
    rules.name(QStringLiteral("environment"), a.environment, NameKind::Environment);
    rules.require(a.region.contains(QRegularExpression(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]$"))), QStringLiteral("region"),
                  QStringLiteral("aws-region"), QStringLiteral("region '%1' is not an AWS region name such as us-east-1").arg(a.region));
    rules.zones(QStringLiteral("zones"), a.zones, 2, QStringLiteral("EKS needs subnets in two availability zones"));
    for (qsizetype i = 0; i < a.zones.size(); ++i)
        rules.require(a.zones[i].size() == a.region.size() + 1 && a.zones[i].startsWith(a.region), QStringLiteral("zones[%1]").arg(i),
                      QStringLiteral("aws-zone-in-region"),
                      QStringLiteral("zones[%1] '%2' is not a zone of region %3 (e.g. %3a)").arg(i).arg(a.zones[i], a.region));
    checkNetwork(rules, a);
    rules.name(QStringLiteral("cluster.name"), a.cluster.name, NameKind::EksClusterName);
    rules.kubernetesVersion(QStringLiteral("cluster.kubernetesVersion"), CloudProvider::Aws, a.cluster.kubernetesVersion);
    rules.nodePools(QStringLiteral("cluster.nodePools"), a.cluster.nodePools, NameKind::EksNodeGroupName);
    checkData(rules, a);
    rules.storage(QStringLiteral("storage"), a.storage, NameKind::S3Bucket);
    rules.secretNames(QStringLiteral("secrets"), a.secrets);
    rules.addons(QStringLiteral("addons"), a.addons);
    return rules.problems();
}

} // namespace studio::cloud
