// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CloudProvider.h"
#include "spec/CommonAnswers.h"

namespace studio::cloud {

/// The answers of the Google Cloud wizard: location and network first (the GKE console warns they
/// cannot change later), then the regional cluster and its node pools, then the data services.
struct GcpAnswers {
    struct Network {
        QString subnetCidr;
        QString podsRangeName;
        QString podsCidr;
        QString servicesRangeName;
        QString servicesCidr;
        QString privateServicesCidr;

        template<typename V>
        void describe(V &v)
        {
            v.text("subnetCidr", subnetCidr, "node subnet");
            v.text("podsRangeName", podsRangeName, "secondary range name for pods");
            v.text("podsCidr", podsCidr, "pod range: every node takes a /24 of it");
            v.text("servicesRangeName", servicesRangeName, "secondary range name for services");
            v.text("servicesCidr", servicesCidr, "service range");
            v.text("privateServicesCidr", privateServicesCidr, "range reserved for Cloud SQL and Memorystore private access");
        }
    };
    struct Cluster {
        QString name;
        QString kubernetesVersion;
        QString releaseChannel;
        QList<NodePoolAnswers> nodePools;

        template<typename V>
        void describe(V &v)
        {
            v.text("name", name, "GKE cluster name");
            v.text("kubernetesVersion", kubernetesVersion, "minimum Kubernetes version from the GKE versions table");
            v.text("releaseChannel", releaseChannel, "RAPID, REGULAR or STABLE");
            v.list("nodePools", nodePools, "node pools; node counts are per zone");
        }
    };
    struct Postgres {
        QString instanceName;
        QString databaseVersion;
        QString tier;
        int diskGb = 10;
        QString availabilityType; ///< ZONAL or REGIONAL
        bool backups = true;
        bool pointInTimeRecovery = false;
        int retainedBackups = 7;
        int transactionLogRetentionDays = 7;
        bool deletionProtection = false;

        template<typename V>
        void describe(V &v)
        {
            v.text("instanceName", instanceName, "Cloud SQL instance name (cannot be reused for a week after deletion)");
            v.text("databaseVersion", databaseVersion, "e.g. POSTGRES_16");
            v.text("tier", tier, "machine tier, e.g. db-custom-2-7680");
            v.number("diskGb", diskGb, "disk size in GB (grows automatically)");
            v.text("availabilityType", availabilityType, "ZONAL or REGIONAL (a standby in another zone)");
            v.flag("backups", backups, "automated backups");
            v.flag("pointInTimeRecovery", pointInTimeRecovery, "point-in-time recovery (needs backups)");
            v.number("retainedBackups", retainedBackups, "automated backups kept");
            v.number("transactionLogRetentionDays", transactionLogRetentionDays, "days of transaction logs (1-7)");
            v.flag("deletionProtection", deletionProtection, "refuse deletion until turned off");
        }
    };
    struct Redis {
        QString name;
        QString tier; ///< BASIC or STANDARD_HA
        int memoryGb = 1;
        int readReplicas = 0;

        template<typename V>
        void describe(V &v)
        {
            v.text("name", name, "Memorystore instance name");
            v.text("tier", tier, "BASIC or STANDARD_HA");
            v.number("memoryGb", memoryGb, "memory in GB");
            v.number("readReplicas", readReplicas, "read replicas (STANDARD_HA only)");
        }
    };

    QString environment;
    QString projectId;
    QString region;
    QStringList zones;
    Network network;
    Cluster cluster;
    Postgres postgres;
    Redis redis;
    InClusterSearchAnswers search;
    StorageAnswers storage;
    QStringList secrets;
    AddonAnswers addons;

    template<typename V>
    void describe(V &v)
    {
        v.text("environment", environment, "environment name: infra/gcp/<environment>, clusters/<environment>");
        v.text("projectId", projectId, "Google Cloud project id");
        v.text("region", region, "region of the regional cluster, e.g. us-central1");
        v.texts("zones", zones, "zones the node pools use (at least two)");
        v.section("network", network, "VPC subnet and its secondary ranges");
        v.section("cluster", cluster, "regional GKE cluster");
        v.section("postgres", postgres, "Cloud SQL for PostgreSQL");
        v.section("redis", redis, "Memorystore for Redis");
        v.section("search", search, "Elasticsearch in the cluster (ECK operator)");
        v.section("storage", storage, "Cloud Storage bucket, Cloud CDN and its managed certificate");
        v.texts("secrets", secrets, "Secret Manager secrets to create (values are set outside Git)");
        v.section("addons", addons, "cluster add-ons synced by Argo CD");
    }

    static GcpAnswers preset(Preset preset);
};

} // namespace studio::cloud
