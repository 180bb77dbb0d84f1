// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CloudProvider.h"
#include "spec/CommonAnswers.h"

namespace studio::cloud {

/// The answers of the Azure wizard, in the order of the portal's AKS tabs (basics, networking,
/// node pools) followed by the data services.
struct AzureAnswers {
    struct Network {
        QString vnetCidr;
        QString nodeSubnetCidr;
        QString databaseSubnetCidr;
        QString podCidr;
        QString serviceCidr;
        QString dnsServiceIp;
        QString outboundType; ///< loadBalancer or managedNATGateway

        template<typename V>
        void describe(V &v)
        {
            v.text("vnetCidr", vnetCidr, "VNet address space");
            v.text("nodeSubnetCidr", nodeSubnetCidr, "AKS node subnet, inside the VNet");
            v.text("databaseSubnetCidr", databaseSubnetCidr, "subnet delegated to PostgreSQL Flexible Server, inside the VNet");
            v.text("podCidr", podCidr, "pod range (Azure CNI overlay); outside the VNet");
            v.text("serviceCidr", serviceCidr, "Kubernetes service range; outside the VNet and the pod range");
            v.text("dnsServiceIp", dnsServiceIp, "cluster DNS address, inside the service range (not its first address)");
            v.text("outboundType", outboundType, "loadBalancer or managedNATGateway");
        }
    };
    struct Cluster {
        QString name;
        QString kubernetesVersion;
        QString skuTier; ///< Free, Standard or Premium
        QList<NodePoolAnswers> nodePools;

        template<typename V>
        void describe(V &v)
        {
            v.text("name", name, "AKS cluster name");
            v.text("kubernetesVersion", kubernetesVersion, "Kubernetes minor version from the AKS versions table");
            v.text("skuTier", skuTier, "Free, Standard (uptime SLA) or Premium");
            v.list("nodePools", nodePools, "node pools; the first is the system pool");
        }
    };
    struct Postgres {
        QString serverName;
        QString version;
        QString skuName;
        int storageMb = 32768;
        QString highAvailability; ///< Disabled, SameZone or ZoneRedundant
        int backupRetentionDays = 7;
        bool geoRedundantBackup = false;
        bool privateAccess = true;
        bool publicNetworkAccess = false;

        template<typename V>
        void describe(V &v)
        {
            v.text("serverName", serverName, "PostgreSQL Flexible Server name (globally unique)");
            v.text("version", version, "PostgreSQL major version");
            v.text("skuName", skuName, "e.g. B_Standard_B1ms, GP_Standard_D2s_v3");
            v.number("storageMb", storageMb, "storage in MB (32768, 65536, 131072, ...)");
            v.text("highAvailability", highAvailability, "Disabled, SameZone or ZoneRedundant");
            v.number("backupRetentionDays", backupRetentionDays, "7-35 days");
            v.flag("geoRedundantBackup", geoRedundantBackup, "copy backups to the paired region");
            v.flag("privateAccess", privateAccess, "VNet integration through the delegated subnet");
            v.flag("publicNetworkAccess", publicNetworkAccess, "reachable from the internet (must be false with private access)");
        }
    };
    struct Redis {
        QString name;
        QString skuName;
        bool highAvailability = false;

        template<typename V>
        void describe(V &v)
        {
            v.text("name", name, "Azure Managed Redis name");
            v.text("skuName", skuName, "e.g. Balanced_B0, Balanced_B1");
            v.flag("highAvailability", highAvailability, "a replica in another zone");
        }
    };

    QString environment;
    QString location;
    QStringList zones;
    QString resourceGroup;
    Network network;
    Cluster cluster;
    Postgres postgres;
    Redis redis;
    InClusterSearchAnswers search;
    StorageAnswers storage;
    QString keyVaultName;
    QStringList secrets;
    AddonAnswers addons;

    template<typename V>
    void describe(V &v)
    {
        v.text("environment", environment, "environment name: infra/azure/<environment>, clusters/<environment>");
        v.text("location", location, "Azure region, e.g. eastus");
        v.texts("zones", zones, "availability zones (\"1\", \"2\", \"3\")");
        v.text("resourceGroup", resourceGroup, "resource group for everything below");
        v.section("network", network, "VNet, subnets and AKS ranges");
        v.section("cluster", cluster, "AKS cluster");
        v.section("postgres", postgres, "PostgreSQL Flexible Server");
        v.section("redis", redis, "Azure Managed Redis");
        v.section("search", search, "Elasticsearch in the cluster (ECK operator)");
        v.section("storage", storage, "storage account (bucket = account name), Front Door and its managed certificate");
        v.text("keyVaultName", keyVaultName, "Key Vault name (globally unique)");
        v.texts("secrets", secrets, "Key Vault secrets to create (values are set outside Git)");
        v.section("addons", addons, "cluster add-ons synced by Argo CD");
    }

    static AzureAnswers preset(Preset preset);
};

} // namespace studio::cloud
