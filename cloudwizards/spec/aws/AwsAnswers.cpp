// SPDX-License-Identifier: MIT
#include "spec/aws/AwsAnswers.h"

#include "spec/KubernetesVersions.h"

namespace studio::cloud {

AwsAnswers AwsAnswers::preset(Preset preset)
{
    const bool prod = preset == Preset::Production;
    AwsAnswers a;
    a.environment = prod ? QStringLiteral("prod") : QStringLiteral("dev");
    a.region = QStringLiteral("us-east-1");
    a.zones = prod ? QStringList{QStringLiteral("us-east-1a"), QStringLiteral("us-east-1b"), QStringLiteral("us-east-1c")}
                   : QStringList{QStringLiteral("us-east-1a"), QStringLiteral("us-east-1b")};
    const QString net = prod ? QStringLiteral("10.0") : QStringLiteral("10.1");
    a.network.vpcCidr = net + QStringLiteral(".0.0/16");
    for (int i = 0; i < a.zones.size(); ++i) {
        a.network.privateSubnets.append(QStringLiteral("%1.%2.0/20").arg(net).arg(i * 16));
        a.network.publicSubnets.append(QStringLiteral("%1.%2.0/24").arg(net).arg(128 + i));
        a.network.databaseSubnets.append(QStringLiteral("%1.%2.0/24").arg(net).arg(160 + i));
    }
    a.network.serviceCidr = QStringLiteral("172.20.0.0/16");
    a.network.natGateway = prod ? QStringLiteral("perZone") : QStringLiteral("single");

    a.cluster.name = QStringLiteral("tunemantra-") + a.environment;
    a.cluster.kubernetesVersion = KubernetesVersions::recommended(CloudProvider::Aws);
    a.cluster.publicEndpoint = !prod;
    NodePoolAnswers general;
    general.name = QStringLiteral("general");
    general.machineType = prod ? QStringLiteral("m6i.xlarge") : QStringLiteral("m6i.large");
    general.minNodes = prod ? 3 : 1;
    general.desiredNodes = prod ? 3 : 2;
    general.maxNodes = prod ? 9 : 3;
    general.diskGb = prod ? 100 : 50;
    a.cluster.nodePools = {general};

    a.postgres.identifier = QStringLiteral("tunemantra-") + a.environment;
    a.postgres.engineVersion = QStringLiteral("16");
    a.postgres.instanceClass = prod ? QStringLiteral("db.t4g.medium") : QStringLiteral("db.t4g.small");
    a.postgres.storageGb = prod ? 100 : 20;
    a.postgres.maxStorageGb = prod ? 500 : 100;
    a.postgres.multiAz = prod;
    a.postgres.readReplicas = prod ? 1 : 0;
    a.postgres.backupRetentionDays = prod ? 14 : 1;
    a.postgres.deletionProtection = prod;

    a.redis.replicationGroupId = QStringLiteral("tunemantra-") + a.environment;
    a.redis.engine = QStringLiteral("valkey");
    a.redis.nodeType = QStringLiteral("cache.t4g.small");
    a.redis.nodes = prod ? 2 : 1;
    a.redis.automaticFailover = prod;
    a.redis.multiAz = prod;

    a.search.enabled = true;
    a.search.domainName = QStringLiteral("tunemantra-") + a.environment;
    a.search.engineVersion = QStringLiteral("OpenSearch_2.19");
    a.search.instanceType = prod ? QStringLiteral("m6g.large.search") : QStringLiteral("t3.small.search");
    a.search.instanceCount = prod ? 2 : 1;
    a.search.volumeGb = prod ? 100 : 10;
    a.search.zoneAwareness = prod;

    a.storage.bucket = QStringLiteral("tunemantra-%1-assets").arg(a.environment);
    a.storage.cdn = prod;
    a.storage.cdnDomain = prod ? QStringLiteral("static.example.com") : QString();
    a.secrets = {QStringLiteral("jwt-signing-key"), QStringLiteral("stripe-api-key")};
    return a;
}

} // namespace studio::cloud
