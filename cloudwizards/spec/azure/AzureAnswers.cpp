// SPDX-License-Identifier: MIT
#include "spec/azure/AzureAnswers.h"

#include "spec/KubernetesVersions.h"

namespace studio::cloud {

AzureAnswers AzureAnswers::preset(Preset preset)
{
    const bool prod = preset == Preset::Production;
    AzureAnswers a;
    a.environment = prod ? QStringLiteral("prod") : QStringLiteral("dev");
    a.location = QStringLiteral("eastus");
    a.zones = prod ? QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}
                   : QStringList{QStringLiteral("1"), QStringLiteral("2")};
    a.resourceGroup = QStringLiteral("rg-tunemantra-") + a.environment;
    a.network.vnetCidr = prod ? QStringLiteral("10.10.0.0/16") : QStringLiteral("10.11.0.0/16");
    const QString net = prod ? QStringLiteral("10.10") : QStringLiteral("10.11");
    a.network.nodeSubnetCidr = net + QStringLiteral(".0.0/20");
    a.network.databaseSubnetCidr = net + QStringLiteral(".16.0/24");
    a.network.podCidr = QStringLiteral("192.168.0.0/16");
    a.network.serviceCidr = QStringLiteral("10.100.0.0/16");
    a.network.dnsServiceIp = QStringLiteral("10.100.0.10");
    a.network.outboundType = prod ? QStringLiteral("managedNATGateway") : QStringLiteral("loadBalancer");

    a.cluster.name = QStringLiteral("aks-tunemantra-") + a.environment;
    a.cluster.kubernetesVersion = KubernetesVersions::recommended(CloudProvider::Azure);
    a.cluster.skuTier = prod ? QStringLiteral("Standard") : QStringLiteral("Free");
    NodePoolAnswers system;
    system.name = QStringLiteral("system");
    system.machineType = QStringLiteral("Standard_D2s_v5");
    system.minNodes = prod ? 3 : 1;
    system.desiredNodes = prod ? 3 : 1;
    system.maxNodes = prod ? 5 : 2;
    system.diskGb = 64;
    NodePoolAnswers apps;
    apps.name = QStringLiteral("apps");
    apps.machineType = prod ? QStringLiteral("Standard_D4s_v5") : QStringLiteral("Standard_D2s_v5");
    apps.minNodes = prod ? 3 : 1;
    apps.desiredNodes = prod ? 3 : 1;
    apps.maxNodes = prod ? 9 : 3;
    apps.diskGb = prod ? 128 : 64;
    a.cluster.nodePools = {system, apps};

    a.postgres.serverName = QStringLiteral("psql-tunemantra-") + a.environment;
    a.postgres.version = QStringLiteral("16");
    a.postgres.skuName = prod ? QStringLiteral("GP_Standard_D2s_v3") : QStringLiteral("B_Standard_B1ms");
    a.postgres.storageMb = prod ? 131072 : 32768;
    a.postgres.highAvailability = prod ? QStringLiteral("ZoneRedundant") : QStringLiteral("Disabled");
    a.postgres.backupRetentionDays = prod ? 35 : 7;
    a.postgres.geoRedundantBackup = prod;
    a.postgres.privateAccess = true;
    a.postgres.publicNetworkAccess = false;

    a.redis.name = QStringLiteral("redis-tunemantra-") + a.environment;
    a.redis.skuName = prod ? QStringLiteral("Balanced_B1") : QStringLiteral("Balanced_B0");
    a.redis.highAvailability = prod;

    a.search.nodes = prod ? 3 : 1;
    a.search.storageGb = prod ? 100 : 30;
    a.search.memoryGb = prod ? 4 : 2;

    a.storage.bucket = QStringLiteral("sttunemantra") + a.environment;
    a.storage.cdn = prod;
    a.storage.cdnDomain = prod ? QStringLiteral("static.example.com") : QString();
    a.keyVaultName = QStringLiteral("kv-tunemantra-") + a.environment;
    a.secrets = {QStringLiteral("jwt-signing-key"), QStringLiteral("stripe-api-key")};
    return a;
}

} // namespace studio::cloud
