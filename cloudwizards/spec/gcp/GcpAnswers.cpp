// SPDX-License-Identifier: MIT
#include "spec/gcp/GcpAnswers.h"

#include "spec/KubernetesVersions.h"

namespace studio::cloud {

GcpAnswers GcpAnswers::preset(Preset preset)
{
    const bool prod = preset == Preset::Production;
    GcpAnswers a;
    a.environment = prod ? QStringLiteral("prod") : QStringLiteral("dev");
    a.projectId = QStringLiteral("tunemantra-") + a.environment;
    a.region = QStringLiteral("us-central1");
    a.zones = prod ? QStringList{QStringLiteral("us-central1-a"), QStringLiteral("us-central1-b"), QStringLiteral("us-central1-c")}
                   : QStringList{QStringLiteral("us-central1-a"), QStringLiteral("us-central1-b")};
    a.network.subnetCidr = prod ? QStringLiteral("10.20.0.0/20") : QStringLiteral("10.21.0.0/20");
    a.network.podsRangeName = QStringLiteral("pods");
    a.network.podsCidr = prod ? QStringLiteral("10.32.0.0/14") : QStringLiteral("10.40.0.0/16");
    a.network.servicesRangeName = QStringLiteral("services");
    a.network.servicesCidr = prod ? QStringLiteral("10.36.0.0/20") : QStringLiteral("10.44.0.0/20");
    a.network.privateServicesCidr = prod ? QStringLiteral("10.60.0.0/16") : QStringLiteral("10.61.0.0/16");

    a.cluster.name = QStringLiteral("gke-tunemantra-") + a.environment;
    a.cluster.kubernetesVersion = KubernetesVersions::recommended(CloudProvider::Gcp);
    a.cluster.releaseChannel = prod ? QStringLiteral("STABLE") : QStringLiteral("REGULAR");
    NodePoolAnswers general;
    general.name = QStringLiteral("general");
    general.machineType = prod ? QStringLiteral("e2-standard-4") : QStringLiteral("e2-standard-2");
    general.minNodes = 1;
    general.desiredNodes = 1;
    general.maxNodes = prod ? 5 : 2;
    general.diskGb = prod ? 100 : 50;
    general.spot = false;
    a.cluster.nodePools = {general};

    a.postgres.instanceName = QStringLiteral("sql-tunemantra-") + a.environment;
    a.postgres.databaseVersion = QStringLiteral("POSTGRES_16");
    a.postgres.tier = prod ? QStringLiteral("db-custom-2-7680") : QStringLiteral("db-custom-1-3840");
    a.postgres.diskGb = prod ? 100 : 10;
    a.postgres.availabilityType = prod ? QStringLiteral("REGIONAL") : QStringLiteral("ZONAL");
    a.postgres.backups = true;
    a.postgres.pointInTimeRecovery = prod;
    a.postgres.retainedBackups = prod ? 14 : 7;
    a.postgres.transactionLogRetentionDays = 7;
    a.postgres.deletionProtection = prod;

    a.redis.name = QStringLiteral("redis-tunemantra-") + a.environment;
    a.redis.tier = prod ? QStringLiteral("STANDARD_HA") : QStringLiteral("BASIC");
    a.redis.memoryGb = prod ? 5 : 1;
    a.redis.readReplicas = prod ? 1 : 0;

    a.search.nodes = prod ? 3 : 1;
    a.search.storageGb = prod ? 100 : 30;
    a.search.memoryGb = prod ? 4 : 2;

    a.storage.bucket = QStringLiteral("tunemantra-%1-assets").arg(a.environment);
    a.storage.cdn = prod;
    a.storage.cdnDomain = prod ? QStringLiteral("static.example.com") : QString();
    a.secrets = {QStringLiteral("jwt-signing-key"), QStringLiteral("stripe-api-key")};
    return a;
}

} // namespace studio::cloud
