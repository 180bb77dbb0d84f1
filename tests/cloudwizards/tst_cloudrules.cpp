// SPDX-License-Identifier: MIT
// The cloud wizards' answers and rules: CIDR arithmetic, the provider naming rules, every
// validation rule with an answer that breaks it and one that passes, and answers files read from
// YAML with their format errors located by line and field.

#include "spec/Cidr.h"
#include "spec/CloudSetup.h"
#include "spec/NamingRules.h"
#include "spec/aws/AwsSetup.h"
#include "spec/azure/AzureSetup.h"
#include "spec/gcp/GcpSetup.h"

#include <QTest>

#include <functional>

using namespace studio;
using namespace studio::cloud;

namespace {

QString operator""_t(const char16_t *text, size_t size)
{
    return QString::fromUtf16(text, qsizetype(size));
}

QString describe(const Diagnostics &problems)
{
    QStringList lines;
    for (const Diagnostic &d : problems)
        lines.append(QStringLiteral("%1:%2 %3 [%4] %5").arg(d.file).arg(d.line).arg(d.jsonPath, d.rule, d.message));
    return lines.join(u'\n');
}

const Diagnostic *find(const Diagnostics &problems, const QString &rule, const QString &field)
{
    for (const Diagnostic &d : problems)
        if (d.rule == rule && d.jsonPath == field)
            return &d;
    return nullptr;
}

/// One rule, an edit of a valid preset that breaks it, and one that stays valid at its boundary.
struct RuleCase {
    CloudProvider provider;
    Preset preset;
    QString rule;
    QString field;
    std::function<void(CloudSetup &)> breakIt;
    std::function<void(CloudSetup &)> keepValid;
};

AwsAnswers &aws(CloudSetup &s) { return static_cast<AwsSetup &>(s).answers(); }
AzureAnswers &azure(CloudSetup &s) { return static_cast<AzureSetup &>(s).answers(); }
GcpAnswers &gcp(CloudSetup &s) { return static_cast<GcpSetup &>(s).answers(); }

const auto noChange = [](CloudSetup &) {};

QList<RuleCase> ruleCases()
{
    using P = CloudProvider;
    const Preset dev = Preset::Dev;
    const Preset prod = Preset::Production;
    return {
        // Names
        {P::Aws, dev, u"environment-name"_t, u"environment"_t, [](CloudSetup &s) { aws(s).environment = u"Dev"_t; },
         [](CloudSetup &s) { aws(s).environment = u"qa-2"_t; }},
        {P::Aws, dev, u"aws-s3-bucket-name"_t, u"storage.bucket"_t, [](CloudSetup &s) { aws(s).storage.bucket = u"my..bucket"_t; },
         [](CloudSetup &s) { aws(s).storage.bucket = u"my.bucket-1"_t; }},
        {P::Aws, dev, u"aws-s3-bucket-name"_t, u"storage.bucket"_t, [](CloudSetup &s) { aws(s).storage.bucket = u"xn--bucket"_t; }, noChange},
        {P::Aws, dev, u"aws-s3-bucket-name"_t, u"storage.bucket"_t, [](CloudSetup &s) { aws(s).storage.bucket = u"192.168.5.4"_t; }, noChange},
        {P::Aws, dev, u"aws-s3-bucket-name"_t, u"storage.bucket"_t, [](CloudSetup &s) { aws(s).storage.bucket = u"assets--x-s3"_t; }, noChange},
        {P::Aws, dev, u"aws-rds-identifier"_t, u"postgres.identifier"_t, [](CloudSetup &s) { aws(s).postgres.identifier = u"db--main"_t; },
         [](CloudSetup &s) { aws(s).postgres.identifier = u"Db-main-1"_t; }},
        {P::Aws, dev, u"aws-rds-identifier"_t, u"postgres.identifier"_t, [](CloudSetup &s) { aws(s).postgres.identifier = u"1db"_t; }, noChange},
        {P::Aws, prod, u"aws-rds-identifier"_t, u"postgres.identifier"_t,
         [](CloudSetup &s) { aws(s).postgres.identifier = QString(60, u'a'); },
         [](CloudSetup &s) { aws(s).postgres.identifier = QString(52, u'a'); }},
        {P::Aws, dev, u"aws-eks-cluster-name"_t, u"cluster.name"_t, [](CloudSetup &s) { aws(s).cluster.name = u"_eks"_t; },
         [](CloudSetup &s) { aws(s).cluster.name = u"Eks_main-1"_t; }},
        {P::Aws, dev, u"aws-eks-node-group-name"_t, u"cluster.nodePools[0].name"_t,
         [](CloudSetup &s) { aws(s).cluster.nodePools[0].name = u"-general"_t; }, noChange},
        {P::Aws, dev, u"aws-elasticache-id"_t, u"redis.replicationGroupId"_t,
         [](CloudSetup &s) { aws(s).redis.replicationGroupId = u"cache-"_t; }, noChange},
        {P::Aws, dev, u"aws-opensearch-domain-name"_t, u"search.domainName"_t, [](CloudSetup &s) { aws(s).search.domainName = u"Search"_t; },
         [](CloudSetup &s) { aws(s).search.domainName = u"abc"_t; }},
        {P::Azure, dev, u"azure-resource-group-name"_t, u"resourceGroup"_t, [](CloudSetup &s) { azure(s).resourceGroup = u"rg."_t; },
         [](CloudSetup &s) { azure(s).resourceGroup = u"rg_(main).x"_t; }},
        {P::Azure, dev, u"azure-aks-name"_t, u"cluster.name"_t, [](CloudSetup &s) { azure(s).cluster.name = u"aks-"_t; },
         [](CloudSetup &s) { azure(s).cluster.name = u"a"_t; }},
        {P::Azure, dev, u"azure-aks-node-pool-name"_t, u"cluster.nodePools[1].name"_t,
         [](CloudSetup &s) { azure(s).cluster.nodePools[1].name = u"applications1"_t; },
         [](CloudSetup &s) { azure(s).cluster.nodePools[1].name = u"applications"_t; }},
        {P::Azure, dev, u"azure-storage-account-name"_t, u"storage.bucket"_t, [](CloudSetup &s) { azure(s).storage.bucket = u"st-assets"_t; },
         [](CloudSetup &s) { azure(s).storage.bucket = u"st1"_t; }},
        {P::Azure, dev, u"azure-key-vault-name"_t, u"keyVaultName"_t, [](CloudSetup &s) { azure(s).keyVaultName = u"kv--main"_t; },
         [](CloudSetup &s) { azure(s).keyVaultName = u"kv-main-2"_t; }},
        {P::Azure, dev, u"azure-key-vault-name"_t, u"keyVaultName"_t, [](CloudSetup &s) { azure(s).keyVaultName = u"1vault"_t; }, noChange},
        {P::Azure, dev, u"azure-postgres-server-name"_t, u"postgres.serverName"_t,
         [](CloudSetup &s) { azure(s).postgres.serverName = u"PSQL"_t; }, noChange},
        {P::Azure, dev, u"azure-managed-redis-name"_t, u"redis.name"_t, [](CloudSetup &s) { azure(s).redis.name = u"redis--x"_t; }, noChange},
        {P::Gcp, dev, u"gcp-project-id"_t, u"projectId"_t, [](CloudSetup &s) { gcp(s).projectId = u"proj"_t; },
         [](CloudSetup &s) { gcp(s).projectId = u"proj-1"_t; }},
        {P::Gcp, dev, u"gcp-project-id"_t, u"projectId"_t, [](CloudSetup &s) { gcp(s).projectId = u"project-"_t; }, noChange},
        {P::Gcp, dev, u"gcp-gke-name"_t, u"cluster.name"_t, [](CloudSetup &s) { gcp(s).cluster.name = u"gke-"_t + QString(40, u'a'); },
         [](CloudSetup &s) { gcp(s).cluster.name = u"g"_t + QString(39, u'a'); }},
        {P::Gcp, dev, u"gcp-gcs-bucket-name"_t, u"storage.bucket"_t, [](CloudSetup &s) { gcp(s).storage.bucket = u"my-google-assets"_t; },
         [](CloudSetup &s) { gcp(s).storage.bucket = u"my_assets.example"_t; }},
        {P::Gcp, dev, u"gcp-gcs-bucket-name"_t, u"storage.bucket"_t, [](CloudSetup &s) { gcp(s).storage.bucket = u"goog-assets"_t; }, noChange},
        {P::Gcp, dev, u"gcp-cloud-sql-instance-name"_t, u"postgres.instanceName"_t,
         [](CloudSetup &s) { gcp(s).postgres.instanceName = u"sql_main"_t; }, noChange},
        {P::Gcp, dev, u"gcp-memorystore-instance-name"_t, u"redis.name"_t, [](CloudSetup &s) { gcp(s).redis.name = u"Redis"_t; }, noChange},
        {P::Gcp, dev, u"gcp-network-name"_t, u"network.podsRangeName"_t, [](CloudSetup &s) { gcp(s).network.podsRangeName = u"pods_"_t; },
         noChange},
        {P::Gcp, dev, u"gcp-range-names-distinct"_t, u"network.servicesRangeName"_t,
         [](CloudSetup &s) { gcp(s).network.servicesRangeName = u"pods"_t; }, noChange},
        {P::Aws, dev, u"secret-name"_t, u"secrets[1]"_t, [](CloudSetup &s) { aws(s).secrets[1] = u"stripe/api"_t; }, noChange},
        {P::Aws, dev, u"secret-unique"_t, u"secrets"_t, [](CloudSetup &s) { aws(s).secrets[1] = aws(s).secrets[0]; }, noChange},
        {P::Aws, prod, u"dns-name"_t, u"storage.cdnDomain"_t, [](CloudSetup &s) { aws(s).storage.cdnDomain = u"static example.com"_t; },
         noChange},
        {P::Aws, dev, u"cdn-domain-needs-cdn"_t, u"storage.cdnDomain"_t,
         [](CloudSetup &s) { aws(s).storage.cdnDomain = u"static.example.com"_t; },
         [](CloudSetup &s) {
             aws(s).storage.cdnDomain = u"static.example.com"_t;
             aws(s).storage.cdn = true;
         }},
        {P::Gcp, dev, u"email"_t, u"addons.acmeEmail"_t, [](CloudSetup &s) { gcp(s).addons.acmeEmail = u"ops at example.com"_t; }, noChange},
        {P::Gcp, dev, u"git-url"_t, u"addons.gitRepoUrl"_t, [](CloudSetup &s) { gcp(s).addons.gitRepoUrl = u"ftp://example.com/x.git"_t; },
         [](CloudSetup &s) { gcp(s).addons.gitRepoUrl = u"git@github.com:example/deploy.git"_t; }},
        {P::Gcp, dev, u"git-revision"_t, u"addons.gitRevision"_t, [](CloudSetup &s) { gcp(s).addons.gitRevision = u"main branch"_t; }, noChange},

        // Networks
        {P::Aws, dev, u"cidr-syntax"_t, u"network.vpcCidr"_t, [](CloudSetup &s) { aws(s).network.vpcCidr = u"10.1.0.0/33"_t; }, noChange},
        {P::Aws, dev, u"cidr-syntax"_t, u"network.vpcCidr"_t, [](CloudSetup &s) { aws(s).network.vpcCidr = u"10.1.0.1/16"_t; }, noChange},
        {P::Aws, dev, u"cidr-syntax"_t, u"network.privateSubnets[0]"_t,
         [](CloudSetup &s) { aws(s).network.privateSubnets[0] = u"10.1.0/20"_t; }, noChange},
        {P::Aws, dev, u"aws-vpc-size"_t, u"network.vpcCidr"_t, [](CloudSetup &s) { aws(s).network.vpcCidr = u"10.0.0.0/8"_t; }, noChange},
        {P::Aws, dev, u"cidr-containment"_t, u"network.publicSubnets[1]"_t,
         [](CloudSetup &s) { aws(s).network.publicSubnets[1] = u"10.2.129.0/24"_t; }, noChange},
        {P::Aws, dev, u"cidr-overlap"_t, u"network.publicSubnets[0]"_t,
         [](CloudSetup &s) { aws(s).network.publicSubnets[0] = u"10.1.8.0/24"_t; },
         [](CloudSetup &s) { aws(s).network.publicSubnets[0] = u"10.1.32.0/24"_t; }},
        {P::Aws, dev, u"cidr-overlap"_t, u"network.serviceCidr"_t, [](CloudSetup &s) { aws(s).network.serviceCidr = u"10.1.0.0/16"_t; },
         noChange},
        {P::Aws, dev, u"aws-service-cidr-size"_t, u"network.serviceCidr"_t,
         [](CloudSetup &s) { aws(s).network.serviceCidr = u"172.20.0.0/25"_t; }, noChange},
        {P::Aws, dev, u"aws-subnet-size"_t, u"network.databaseSubnets[0]"_t,
         [](CloudSetup &s) { aws(s).network.databaseSubnets[0] = u"10.1.160.0/29"_t; },
         [](CloudSetup &s) { aws(s).network.databaseSubnets[0] = u"10.1.160.0/28"_t; }},
        {P::Aws, dev, u"subnets-per-zone"_t, u"network.privateSubnets"_t, [](CloudSetup &s) { aws(s).network.privateSubnets.removeLast(); },
         noChange},
        {P::Aws, dev, u"aws-nat-mode"_t, u"network.natGateway"_t, [](CloudSetup &s) { aws(s).network.natGateway = u"none"_t; }, noChange},
        {P::Azure, dev, u"azure-aks-reserved-range"_t, u"network.serviceCidr"_t,
         [](CloudSetup &s) {
             azure(s).network.serviceCidr = u"172.30.0.0/16"_t;
             azure(s).network.dnsServiceIp = u"172.30.0.10"_t;
         },
         [](CloudSetup &s) {
             azure(s).network.serviceCidr = u"172.29.0.0/16"_t;
             azure(s).network.dnsServiceIp = u"172.29.0.10"_t;
         }},
        {P::Azure, dev, u"azure-aks-reserved-range"_t, u"network.podCidr"_t,
         [](CloudSetup &s) { azure(s).network.podCidr = u"169.254.0.0/16"_t; }, noChange},
        {P::Azure, dev, u"azure-aks-reserved-range"_t, u"network.vnetCidr"_t,
         [](CloudSetup &s) {
             azure(s).network.vnetCidr = u"192.0.0.0/16"_t;
             azure(s).network.nodeSubnetCidr = u"192.0.0.0/24"_t;
             azure(s).network.databaseSubnetCidr = u"192.0.1.0/24"_t;
         },
         noChange},
        {P::Azure, dev, u"cidr-overlap"_t, u"network.podCidr"_t, [](CloudSetup &s) { azure(s).network.podCidr = u"10.11.128.0/17"_t; },
         noChange},
        {P::Azure, dev, u"cidr-overlap"_t, u"network.serviceCidr"_t,
         [](CloudSetup &s) {
             azure(s).network.serviceCidr = u"192.168.0.0/24"_t;
             azure(s).network.dnsServiceIp = u"192.168.0.10"_t;
         },
         noChange},
        {P::Azure, dev, u"cidr-overlap"_t, u"network.databaseSubnetCidr"_t,
         [](CloudSetup &s) { azure(s).network.databaseSubnetCidr = u"10.11.1.0/24"_t; }, noChange},
        {P::Azure, dev, u"cidr-containment"_t, u"network.nodeSubnetCidr"_t,
         [](CloudSetup &s) { azure(s).network.nodeSubnetCidr = u"10.12.0.0/20"_t; }, noChange},
        {P::Azure, dev, u"azure-dns-service-ip"_t, u"network.dnsServiceIp"_t,
         [](CloudSetup &s) { azure(s).network.dnsServiceIp = u"10.100.0.0"_t; },
         [](CloudSetup &s) { azure(s).network.dnsServiceIp = u"10.100.0.1"_t; }},
        {P::Azure, dev, u"azure-dns-service-ip"_t, u"network.dnsServiceIp"_t,
         [](CloudSetup &s) { azure(s).network.dnsServiceIp = u"10.101.0.10"_t; }, noChange},
        {P::Azure, dev, u"ip-syntax"_t, u"network.dnsServiceIp"_t, [](CloudSetup &s) { azure(s).network.dnsServiceIp = u"10.100.0"_t; },
         noChange},
        {P::Azure, dev, u"azure-outbound-type"_t, u"network.outboundType"_t,
         [](CloudSetup &s) { azure(s).network.outboundType = u"none"_t; }, noChange},
        {P::Gcp, dev, u"cidr-overlap"_t, u"network.servicesCidr"_t, [](CloudSetup &s) { gcp(s).network.servicesCidr = u"10.40.16.0/20"_t; },
         noChange},
        {P::Gcp, dev, u"cidr-overlap"_t, u"network.privateServicesCidr"_t,
         [](CloudSetup &s) { gcp(s).network.privateServicesCidr = u"10.21.0.0/16"_t; }, noChange},
        {P::Gcp, dev, u"gcp-pod-range-capacity"_t, u"network.podsCidr"_t,
         [](CloudSetup &s) { gcp(s).network.podsCidr = u"10.40.0.0/23"_t; },
         [](CloudSetup &s) { gcp(s).network.podsCidr = u"10.40.0.0/22"_t; }}, // 2 pools' max 2 × 2 zones = 4 nodes
        {P::Gcp, dev, u"gcp-private-services-size"_t, u"network.privateServicesCidr"_t,
         [](CloudSetup &s) { gcp(s).network.privateServicesCidr = u"10.61.0.0/25"_t; },
         [](CloudSetup &s) { gcp(s).network.privateServicesCidr = u"10.61.0.0/24"_t; }},

        // Zones and regions
        {P::Aws, dev, u"zones-minimum"_t, u"zones"_t,
         [](CloudSetup &s) {
             AwsAnswers &a = aws(s);
             a.zones = {u"us-east-1a"_t};
             a.network.privateSubnets.removeLast();
             a.network.publicSubnets.removeLast();
             a.network.databaseSubnets.removeLast();
         },
         noChange},
        {P::Aws, dev, u"zones-distinct"_t, u"zones"_t, [](CloudSetup &s) { aws(s).zones[1] = aws(s).zones[0]; }, noChange},
        {P::Aws, dev, u"aws-zone-in-region"_t, u"zones[1]"_t, [](CloudSetup &s) { aws(s).zones[1] = u"us-west-2b"_t; }, noChange},
        {P::Aws, dev, u"aws-region"_t, u"region"_t, [](CloudSetup &s) { aws(s).region = u"US East"_t; }, noChange},
        {P::Azure, dev, u"zones-minimum"_t, u"zones"_t, [](CloudSetup &s) { azure(s).zones = {u"1"_t}; }, noChange},
        {P::Azure, dev, u"azure-zone"_t, u"zones[1]"_t, [](CloudSetup &s) { azure(s).zones[1] = u"4"_t; }, noChange},
        {P::Azure, dev, u"azure-location"_t, u"location"_t, [](CloudSetup &s) { azure(s).location = u"East US"_t; }, noChange},
        {P::Gcp, dev, u"zones-minimum"_t, u"zones"_t, [](CloudSetup &s) { gcp(s).zones = {u"us-central1-a"_t}; }, noChange},
        {P::Gcp, dev, u"gcp-zone-in-region"_t, u"zones[0]"_t, [](CloudSetup &s) { gcp(s).zones[0] = u"europe-west1-b"_t; }, noChange},
        {P::Gcp, dev, u"gcp-region"_t, u"region"_t, [](CloudSetup &s) { gcp(s).region = u"central"_t; }, noChange},

        // Cluster and node pools
        {P::Aws, dev, u"kubernetes-version"_t, u"cluster.kubernetesVersion"_t,
         [](CloudSetup &s) { aws(s).cluster.kubernetesVersion = u"1.29"_t; },
         [](CloudSetup &s) { aws(s).cluster.kubernetesVersion = u"1.35"_t; }},
        {P::Azure, dev, u"kubernetes-version"_t, u"cluster.kubernetesVersion"_t,
         [](CloudSetup &s) { azure(s).cluster.kubernetesVersion = u"1.36"_t; },
         [](CloudSetup &s) { azure(s).cluster.kubernetesVersion = u"1.33"_t; }},
        {P::Gcp, dev, u"kubernetes-version"_t, u"cluster.kubernetesVersion"_t,
         [](CloudSetup &s) { gcp(s).cluster.kubernetesVersion = u"1.34.1"_t; }, noChange},
        {P::Aws, dev, u"node-count-order"_t, u"cluster.nodePools[0].desiredNodes"_t,
         [](CloudSetup &s) { aws(s).cluster.nodePools[0].desiredNodes = 4; },
         [](CloudSetup &s) { aws(s).cluster.nodePools[0].desiredNodes = 3; }},
        {P::Gcp, dev, u"node-count-order"_t, u"cluster.nodePools[0].desiredNodes"_t,
         [](CloudSetup &s) { gcp(s).cluster.nodePools[0].minNodes = 2; gcp(s).cluster.nodePools[0].desiredNodes = 1; },
         [](CloudSetup &s) { gcp(s).cluster.nodePools[0].minNodes = 1; gcp(s).cluster.nodePools[0].desiredNodes = 1; }},
        {P::Azure, dev, u"node-count-order"_t, u"cluster.nodePools[1].maxNodes"_t,
         [](CloudSetup &s) {
             azure(s).cluster.nodePools[1].minNodes = 0;
             azure(s).cluster.nodePools[1].desiredNodes = 0;
             azure(s).cluster.nodePools[1].maxNodes = 0;
         },
         noChange},
        {P::Aws, dev, u"node-pools-minimum"_t, u"cluster.nodePools"_t, [](CloudSetup &s) { aws(s).cluster.nodePools.clear(); }, noChange},
        {P::Azure, dev, u"node-pool-unique"_t, u"cluster.nodePools[1].name"_t,
         [](CloudSetup &s) { azure(s).cluster.nodePools[1].name = azure(s).cluster.nodePools[0].name; }, noChange},
        {P::Aws, dev, u"required"_t, u"cluster.nodePools[0].machineType"_t,
         [](CloudSetup &s) { aws(s).cluster.nodePools[0].machineType = u" "_t; }, noChange},
        {P::Aws, dev, u"disk-size"_t, u"cluster.nodePools[0].diskGb"_t, [](CloudSetup &s) { aws(s).cluster.nodePools[0].diskGb = 10; },
         [](CloudSetup &s) { aws(s).cluster.nodePools[0].diskGb = 20; }},
        {P::Azure, dev, u"azure-aks-sku-tier"_t, u"cluster.skuTier"_t, [](CloudSetup &s) { azure(s).cluster.skuTier = u"Paid"_t; },
         [](CloudSetup &s) { azure(s).cluster.skuTier = u"Premium"_t; }},
        {P::Gcp, dev, u"gcp-gke-release-channel"_t, u"cluster.releaseChannel"_t,
         [](CloudSetup &s) { gcp(s).cluster.releaseChannel = u"EXTENDED_X"_t; }, noChange},

        // Databases and caches
        {P::Aws, dev, u"aws-rds-backup-retention"_t, u"postgres.backupRetentionDays"_t,
         [](CloudSetup &s) { aws(s).postgres.backupRetentionDays = 36; },
         [](CloudSetup &s) { aws(s).postgres.backupRetentionDays = 35; }},
        {P::Aws, dev, u"aws-rds-replica-needs-backups"_t, u"postgres.backupRetentionDays"_t,
         [](CloudSetup &s) {
             aws(s).postgres.readReplicas = 1;
             aws(s).postgres.backupRetentionDays = 0;
         },
         [](CloudSetup &s) {
             aws(s).postgres.readReplicas = 1;
             aws(s).postgres.backupRetentionDays = 1;
         }},
        {P::Aws, dev, u"aws-rds-replicas"_t, u"postgres.readReplicas"_t, [](CloudSetup &s) { aws(s).postgres.readReplicas = 6; }, noChange},
        {P::Aws, dev, u"aws-rds-instance-class"_t, u"postgres.instanceClass"_t,
         [](CloudSetup &s) { aws(s).postgres.instanceClass = u"t4g.small"_t; }, noChange},
        {P::Aws, dev, u"aws-rds-storage-autoscaling"_t, u"postgres.maxStorageGb"_t,
         [](CloudSetup &s) { aws(s).postgres.maxStorageGb = 10; }, noChange},
        {P::Aws, dev, u"postgres-version"_t, u"postgres.engineVersion"_t, [](CloudSetup &s) { aws(s).postgres.engineVersion = u"9.6"_t; },
         noChange},
        {P::Aws, dev, u"aws-elasticache-ha-nodes"_t, u"redis.nodes"_t,
         [](CloudSetup &s) {
             aws(s).redis.automaticFailover = true;
             aws(s).redis.multiAz = true;
         },
         [](CloudSetup &s) {
             aws(s).redis.automaticFailover = true;
             aws(s).redis.multiAz = true;
             aws(s).redis.nodes = 2;
         }},
        {P::Aws, dev, u"aws-elasticache-multi-az-failover"_t, u"redis.multiAz"_t,
         [](CloudSetup &s) {
             aws(s).redis.multiAz = true;
             aws(s).redis.nodes = 2;
         },
         noChange},
        {P::Aws, dev, u"aws-elasticache-engine"_t, u"redis.engine"_t, [](CloudSetup &s) { aws(s).redis.engine = u"memcached"_t; }, noChange},
        {P::Aws, dev, u"aws-elasticache-node-type"_t, u"redis.nodeType"_t, [](CloudSetup &s) { aws(s).redis.nodeType = u"t4g.small"_t; },
         noChange},
        {P::Aws, dev, u"aws-elasticache-nodes"_t, u"redis.nodes"_t, [](CloudSetup &s) { aws(s).redis.nodes = 7; }, noChange},
        {P::Aws, dev, u"aws-opensearch-zone-awareness"_t, u"search.instanceCount"_t,
         [](CloudSetup &s) { aws(s).search.zoneAwareness = true; },
         [](CloudSetup &s) {
             aws(s).search.zoneAwareness = true;
             aws(s).search.instanceCount = 2;
         }},
        {P::Aws, dev, u"aws-opensearch-version"_t, u"search.engineVersion"_t,
         [](CloudSetup &s) { aws(s).search.engineVersion = u"Elasticsearch_7.10"_t; }, noChange},
        {P::Aws, dev, u"aws-opensearch-instance-type"_t, u"search.instanceType"_t,
         [](CloudSetup &s) { aws(s).search.instanceType = u"t3.small"_t; }, noChange},
        {P::Aws, dev, u"aws-opensearch-nodes"_t, u"search.instanceCount"_t, [](CloudSetup &s) { aws(s).search.instanceCount = 0; }, noChange},
        {P::Azure, dev, u"azure-postgres-ha-burstable"_t, u"postgres.highAvailability"_t,
         [](CloudSetup &s) { azure(s).postgres.highAvailability = u"SameZone"_t; },
         [](CloudSetup &s) {
             azure(s).postgres.highAvailability = u"SameZone"_t;
             azure(s).postgres.skuName = u"GP_Standard_D2s_v3"_t;
         }},
        {P::Azure, prod, u"azure-postgres-ha-zones"_t, u"postgres.highAvailability"_t, [](CloudSetup &s) { azure(s).zones = {u"1"_t}; },
         noChange},
        {P::Azure, dev, u"azure-postgres-private-access"_t, u"postgres.publicNetworkAccess"_t,
         [](CloudSetup &s) { azure(s).postgres.publicNetworkAccess = true; },
         [](CloudSetup &s) {
             azure(s).postgres.publicNetworkAccess = true;
             azure(s).postgres.privateAccess = false;
         }},
        {P::Azure, dev, u"azure-postgres-backup-retention"_t, u"postgres.backupRetentionDays"_t,
         [](CloudSetup &s) { azure(s).postgres.backupRetentionDays = 6; }, noChange},
        {P::Azure, dev, u"azure-postgres-storage"_t, u"postgres.storageMb"_t, [](CloudSetup &s) { azure(s).postgres.storageMb = 40000; },
         [](CloudSetup &s) { azure(s).postgres.storageMb = 65536; }},
        {P::Azure, dev, u"azure-postgres-sku"_t, u"postgres.skuName"_t, [](CloudSetup &s) { azure(s).postgres.skuName = u"Standard_D2s"_t; },
         noChange},
        {P::Azure, dev, u"azure-postgres-ha-mode"_t, u"postgres.highAvailability"_t,
         [](CloudSetup &s) { azure(s).postgres.highAvailability = u"Enabled"_t; }, noChange},
        {P::Azure, dev, u"azure-managed-redis-sku"_t, u"redis.skuName"_t, [](CloudSetup &s) { azure(s).redis.skuName = u"Standard_C0"_t; },
         noChange},
        {P::Gcp, prod, u"gcp-cloud-sql-regional-backups"_t, u"postgres.backups"_t,
         [](CloudSetup &s) {
             gcp(s).postgres.backups = false;
             gcp(s).postgres.pointInTimeRecovery = false;
         },
         noChange},
        {P::Gcp, dev, u"gcp-cloud-sql-regional-pitr"_t, u"postgres.pointInTimeRecovery"_t,
         [](CloudSetup &s) { gcp(s).postgres.availabilityType = u"REGIONAL"_t; },
         [](CloudSetup &s) {
             gcp(s).postgres.availabilityType = u"REGIONAL"_t;
             gcp(s).postgres.pointInTimeRecovery = true;
         }},
        {P::Gcp, dev, u"gcp-cloud-sql-pitr-backups"_t, u"postgres.pointInTimeRecovery"_t,
         [](CloudSetup &s) {
             gcp(s).postgres.pointInTimeRecovery = true;
             gcp(s).postgres.backups = false;
         },
         noChange},
        {P::Gcp, dev, u"gcp-cloud-sql-log-retention"_t, u"postgres.transactionLogRetentionDays"_t,
         [](CloudSetup &s) { gcp(s).postgres.transactionLogRetentionDays = 8; }, noChange},
        {P::Gcp, dev, u"gcp-cloud-sql-retained-backups"_t, u"postgres.retainedBackups"_t,
         [](CloudSetup &s) { gcp(s).postgres.retainedBackups = 0; }, noChange},
        {P::Gcp, dev, u"gcp-cloud-sql-tier"_t, u"postgres.tier"_t, [](CloudSetup &s) { gcp(s).postgres.tier = u"n1-standard-1"_t; }, noChange},
        {P::Gcp, dev, u"gcp-cloud-sql-availability"_t, u"postgres.availabilityType"_t,
         [](CloudSetup &s) { gcp(s).postgres.availabilityType = u"MULTI"_t; }, noChange},
        {P::Gcp, dev, u"gcp-memorystore-replicas-tier"_t, u"redis.readReplicas"_t,
         [](CloudSetup &s) {
             gcp(s).redis.readReplicas = 1;
             gcp(s).redis.memoryGb = 5;
         },
         [](CloudSetup &s) {
             gcp(s).redis.readReplicas = 1;
             gcp(s).redis.memoryGb = 5;
             gcp(s).redis.tier = u"STANDARD_HA"_t;
         }},
        {P::Gcp, prod, u"gcp-memorystore-replicas-memory"_t, u"redis.memoryGb"_t, [](CloudSetup &s) { gcp(s).redis.memoryGb = 4; }, noChange},
        {P::Gcp, dev, u"gcp-memorystore-tier"_t, u"redis.tier"_t, [](CloudSetup &s) { gcp(s).redis.tier = u"STANDARD"_t; }, noChange},
        {P::Gcp, dev, u"gcp-memorystore-memory"_t, u"redis.memoryGb"_t, [](CloudSetup &s) { gcp(s).redis.memoryGb = 0; }, noChange},
        {P::Gcp, dev, u"gcp-memorystore-replicas"_t, u"redis.readReplicas"_t, [](CloudSetup &s) { gcp(s).redis.readReplicas = -1; }, noChange},
        {P::Azure, dev, u"search-quorum"_t, u"search.nodes"_t, [](CloudSetup &s) { azure(s).search.nodes = 2; },
         [](CloudSetup &s) { azure(s).search.nodes = 3; }},
        {P::Gcp, dev, u"search-version"_t, u"search.version"_t, [](CloudSetup &s) { gcp(s).search.version = u"8"_t; }, noChange},
        {P::Gcp, dev, u"search-memory"_t, u"search.memoryGb"_t, [](CloudSetup &s) { gcp(s).search.memoryGb = 0; }, noChange},
        {P::Gcp, dev, u"search-nodes"_t, u"search.nodes"_t, [](CloudSetup &s) { gcp(s).search.nodes = 0; }, noChange},
    };
}

} // namespace

class TestCloudRules : public QObject
{
    Q_OBJECT

private slots:
    void cidrArithmetic()
    {
        QString why;
        const auto vpc = Cidr::parse(u"10.0.0.0/16"_t);
        QVERIFY(vpc);
        QCOMPARE(vpc->size(), quint64(65536));
        QCOMPARE(Cidr::addressToString(vpc->last()), u"10.0.255.255"_t);
        QVERIFY(vpc->contains(*Cidr::parse(u"10.0.16.0/20"_t)));
        QVERIFY(!vpc->contains(*Cidr::parse(u"10.0.0.0/15"_t)));
        QVERIFY(vpc->overlaps(*Cidr::parse(u"10.0.255.0/24"_t)));
        QVERIFY(!vpc->overlaps(*Cidr::parse(u"10.1.0.0/16"_t)));
        QVERIFY(Cidr::parse(u"0.0.0.0/0"_t)->contains(*vpc));
        QVERIFY(!Cidr::parse(u"10.0.0.1/16"_t, &why));
        QVERIFY2(why.contains(u"10.0.0.0/16"), qPrintable(why));
        for (const QString &bad : {u"10.0.0.0"_t, u"10.0.0/8"_t, u"256.0.0.0/8"_t, u"10.0.0.0/-1"_t, u"010.0.0.0/8"_t, u"a.b.c.d/8"_t})
            QVERIFY2(!Cidr::parse(bad), qPrintable(bad));
    }

    void presetsAreValid_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<int>("preset");
        for (CloudProvider p : {CloudProvider::Aws, CloudProvider::Azure, CloudProvider::Gcp})
            for (Preset preset : {Preset::Dev, Preset::Production})
                QTest::addRow("%s-%s", qPrintable(providerId(p)), qPrintable(presetId(preset))) << int(p) << int(preset);
    }
    void presetsAreValid()
    {
        QFETCH(int, provider);
        QFETCH(int, preset);
        const auto setup = CloudSetup::create(CloudProvider(provider), Preset(preset));
        const Diagnostics problems = setup->validate();
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
    }

    // Each rule: an answer that breaks it is reported at its field with its rule id and a message
    // naming the field; the boundary answer next to it passes that rule.
    void everyRuleFailsAndPasses()
    {
        const QList<RuleCase> cases = ruleCases();
        for (const RuleCase &c : cases) {
            const QString label = QStringLiteral("%1 %2 at %3").arg(providerId(c.provider), c.rule, c.field);
            auto broken = CloudSetup::create(c.provider, c.preset);
            c.breakIt(*broken);
            const Diagnostics problems = broken->validate();
            const Diagnostic *hit = find(problems, c.rule, c.field);
            QVERIFY2(hit, qPrintable(label + QStringLiteral(" was not reported; got:\n") + describe(problems)));
            QVERIFY2(hit->message.startsWith(c.field.section(u'[', 0, 0).section(u'.', 0, 0)), qPrintable(label + QStringLiteral(": ") + hit->message));

            auto valid = CloudSetup::create(c.provider, c.preset);
            c.keepValid(*valid);
            const Diagnostics stillValid = valid->validate();
            QVERIFY2(stillValid.isEmpty(), qPrintable(label + QStringLiteral(" passing case reported:\n") + describe(stillValid)));
        }
    }

    void answersFileRoundTrip_data() { presetsAreValid_data(); }
    void answersFileRoundTrip()
    {
        QFETCH(int, provider);
        QFETCH(int, preset);
        const auto setup = CloudSetup::create(CloudProvider(provider), Preset(preset));
        Diagnostics problems;
        const auto reread = CloudSetup::fromYaml(CloudProvider(provider), setup->toYaml(), u"answers.yaml"_t, problems);
        QVERIFY2(reread, qPrintable(describe(problems)));
        QCOMPARE(reread->toYaml(), setup->toYaml());
        const GeneratedFiles a = setup->generate();
        const GeneratedFiles b = reread->generate();
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].path, b[i].path);
            QCOMPARE(a[i].content, b[i].content);
        }
    }

    void answersFileLeavesOutFieldsOfItsPreset()
    {
        Diagnostics problems;
        const auto setup = CloudSetup::fromYaml(CloudProvider::Gcp, u"preset: production\nprojectId: acme-prod-1\n"_t, u"a.yaml"_t, problems);
        QVERIFY2(setup, qPrintable(describe(problems)));
        const GcpAnswers &a = static_cast<const GcpSetup &>(*setup).answers();
        QCOMPARE(a.projectId, u"acme-prod-1"_t);
        QCOMPARE(a.postgres.availabilityType, u"REGIONAL"_t);
        QVERIFY(setup->validate().isEmpty());
    }

    void answersFileFormatErrorsNameLineAndField()
    {
        const QString text = u"preset: dev\n"
                             "regoin: us-east-1\n"
                             "zones: us-east-1a\n"
                             "cluster:\n"
                             "  nodePools:\n"
                             "    - name: general\n"
                             "      maxNodes: three\n"
                             "postgres:\n"
                             "  multiAz: yes\n"_t;
        Diagnostics problems;
        const auto setup = CloudSetup::fromYaml(CloudProvider::Aws, text, u"answers.yaml"_t, problems);
        QVERIFY(!setup);
        const Diagnostic *unknown = find(problems, u"answers-format"_t, u"regoin"_t);
        QVERIFY2(unknown && unknown->line == 2 && unknown->message.contains(u"region"), qPrintable(describe(problems)));
        const Diagnostic *list = find(problems, u"answers-format"_t, u"zones"_t);
        QVERIFY2(list && list->line == 3, qPrintable(describe(problems)));
        const Diagnostic *number = find(problems, u"answers-format"_t, u"cluster.nodePools[0].maxNodes"_t);
        QVERIFY2(number && number->line == 7 && number->message.contains(u"three"), qPrintable(describe(problems)));
        // YAML 1.2: "yes" is a string, not a boolean.
        const Diagnostic *flag = find(problems, u"answers-format"_t, u"postgres.multiAz"_t);
        QVERIFY2(flag && flag->line == 9, qPrintable(describe(problems)));
        QCOMPARE(problems.size(), 4);
    }

    void brokenYamlIsADiagnosticNotACrash()
    {
        for (const QString &text : {u"zones: [us-east-1a\n"_t, u"- a\n- b\n"_t, u"just text"_t, QString(), u"a: &x [*x]\n"_t}) {
            Diagnostics problems;
            const auto setup = CloudSetup::fromYaml(CloudProvider::Azure, text, u"bad.yaml"_t, problems);
            if (!setup)
                QVERIFY2(!problems.isEmpty(), qPrintable(text));
        }
    }

    void costEstimateNamesItsSources()
    {
        const auto setup = CloudSetup::create(CloudProvider::Aws, Preset::Production);
        const CostEstimate cost = setup->estimateCost(PricingTable::builtIn());
        QVERIFY(cost.lines.size() >= 6);
        for (const CostLine &line : cost.lines) {
            QVERIFY2(line.status != u"missing", qPrintable(line.item));
            QVERIFY2(!line.source.isEmpty() && !line.date.isEmpty(), qPrintable(line.item));
            QVERIFY(line.monthlyUsd > 0);
        }
        // Multi-AZ doubles the instance: 2 × 0.065 USD × 730 h.
        QCOMPARE(cost.lines[3].priceKey, u"aws/rds/db.t4g.medium"_t);
        QCOMPARE(qRound(cost.lines[3].monthlyUsd * 100), qRound(2 * 0.065 * 730 * 100));
        QVERIFY(cost.hasUnconfirmed());

        auto custom = CloudSetup::create(CloudProvider::Aws, Preset::Dev);
        static_cast<AwsSetup &>(*custom).answers().cluster.nodePools[0].machineType = u"c7g.large"_t;
        const CostEstimate unpriced = custom->estimateCost(PricingTable::builtIn());
        QCOMPARE(unpriced.lines[1].status, u"missing"_t);
        QCOMPARE(unpriced.lines[1].monthlyUsd, 0.0);
    }

    void pricingTableRejectsFiguresWithoutSource()
    {
        const auto bad = PricingTable::parse(u"prices:\n  - key: x\n    usdPerHour: 1\n    date: \"2026\"\n    status: confirmed\n"_t, u"p.yaml"_t);
        QVERIFY(!bad);
        QVERIFY2(bad.errorMessage().contains(u"p.yaml:2"), qPrintable(bad.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestCloudRules)
#include "tst_cloudrules.moc"
