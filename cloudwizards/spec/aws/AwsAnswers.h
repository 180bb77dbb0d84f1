// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CloudProvider.h"
#include "spec/CommonAnswers.h"

namespace studio::cloud {

/// The answers of the AWS wizard, in the order of its pages (the EKS console's order: names and
/// region, network, cluster, node groups, then the data services).
struct AwsAnswers {
    struct Network {
        QString vpcCidr;
        QStringList privateSubnets;
        QStringList publicSubnets;
        QStringList databaseSubnets;
        QString serviceCidr;
        QString natGateway; ///< "single" or "perZone"

        template<typename V>
        void describe(V &v)
        {
            v.text("vpcCidr", vpcCidr, "VPC address range");
            v.texts("privateSubnets", privateSubnets, "one private subnet per zone (nodes)");
            v.texts("publicSubnets", publicSubnets, "one public subnet per zone (load balancers, NAT)");
            v.texts("databaseSubnets", databaseSubnets, "one database subnet per zone (RDS, ElastiCache, OpenSearch)");
            v.text("serviceCidr", serviceCidr, "Kubernetes service range; must not overlap the VPC");
            v.text("natGateway", natGateway, "single (cheaper) or perZone (survives a zone outage)");
        }
    };
    struct Cluster {
        QString name;
        QString kubernetesVersion;
        bool publicEndpoint = true;
        QList<NodePoolAnswers> nodePools;

        template<typename V>
        void describe(V &v)
        {
            v.text("name", name, "EKS cluster name");
            v.text("kubernetesVersion", kubernetesVersion, "Kubernetes minor version from the EKS versions table");
            v.flag("publicEndpoint", publicEndpoint, "reach the API server from the internet");
            v.list("nodePools", nodePools, "EKS managed node groups");
        }
    };
    struct Postgres {
        QString identifier;
        QString engineVersion;
        QString instanceClass;
        int storageGb = 20;
        int maxStorageGb = 100;
        bool multiAz = false;
        int readReplicas = 0;
        int backupRetentionDays = 7;
        bool deletionProtection = false;

        template<typename V>
        void describe(V &v)
        {
            v.text("identifier", identifier, "RDS instance identifier");
            v.text("engineVersion", engineVersion, "PostgreSQL major version");
            v.text("instanceClass", instanceClass, "RDS instance class");
            v.number("storageGb", storageGb, "allocated storage in GB");
            v.number("maxStorageGb", maxStorageGb, "storage autoscaling limit in GB");
            v.flag("multiAz", multiAz, "a synchronous standby in another zone");
            v.number("readReplicas", readReplicas, "read replicas (0-5)");
            v.number("backupRetentionDays", backupRetentionDays, "automated backups kept (0-35 days)");
            v.flag("deletionProtection", deletionProtection, "refuse deletion until turned off");
        }
    };
    struct Redis {
        QString replicationGroupId;
        QString engine;
        QString nodeType;
        int nodes = 1;
        bool automaticFailover = false;
        bool multiAz = false;

        template<typename V>
        void describe(V &v)
        {
            v.text("replicationGroupId", replicationGroupId, "ElastiCache replication group id");
            v.text("engine", engine, "valkey or redis");
            v.text("nodeType", nodeType, "cache node type");
            v.number("nodes", nodes, "cache nodes (primary + replicas, 1-6)");
            v.flag("automaticFailover", automaticFailover, "promote a replica when the primary fails");
            v.flag("multiAz", multiAz, "spread nodes over zones (needs automatic failover)");
        }
    };
    struct Search {
        bool enabled = true;
        QString domainName;
        QString engineVersion;
        QString instanceType;
        int instanceCount = 1;
        int volumeGb = 10;
        bool zoneAwareness = false;

        template<typename V>
        void describe(V &v)
        {
            v.flag("enabled", enabled, "create an OpenSearch domain for the search layer");
            v.text("domainName", domainName, "OpenSearch domain name");
            v.text("engineVersion", engineVersion, "e.g. OpenSearch_2.19");
            v.text("instanceType", instanceType, "data node instance type");
            v.number("instanceCount", instanceCount, "data nodes");
            v.number("volumeGb", volumeGb, "EBS volume per node in GB");
            v.flag("zoneAwareness", zoneAwareness, "spread data nodes over two zones");
        }
    };

    QString environment;
    QString region;
    QStringList zones;
    Network network;
    Cluster cluster;
    Postgres postgres;
    Redis redis;
    Search search;
    StorageAnswers storage;
    QStringList secrets;
    AddonAnswers addons;

    template<typename V>
    void describe(V &v)
    {
        v.text("environment", environment, "environment name: infra/aws/<environment>, clusters/<environment>");
        v.text("region", region, "AWS region");
        v.texts("zones", zones, "availability zones (at least two)");
        v.section("network", network, "VPC and subnets");
        v.section("cluster", cluster, "EKS cluster");
        v.section("postgres", postgres, "RDS for PostgreSQL");
        v.section("redis", redis, "ElastiCache replication group");
        v.section("search", search, "OpenSearch domain");
        v.section("storage", storage, "S3 bucket, CloudFront and its ACM certificate (us-east-1)");
        v.texts("secrets", secrets, "Secrets Manager secrets to create (values are set outside Git)");
        v.section("addons", addons, "cluster add-ons synced by Argo CD");
    }

    static AwsAnswers preset(Preset preset);
};

} // namespace studio::cloud
