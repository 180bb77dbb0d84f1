// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace studio::cloud {

/// The provider naming rules the wizards enforce (sources in ../shared/reference/cloud-wizards.md
/// and the provider docs each function names).
enum class NameKind {
    Environment,       ///< our own: a DNS label used in paths, branches and resource names
    S3Bucket,
    RdsIdentifier,
    EksClusterName,
    EksNodeGroupName,
    ElastiCacheId,
    OpenSearchDomain,
    AzureResourceGroup,
    AksName,
    AksNodePoolName,
    AzureStorageAccount,
    AzureKeyVault,
    AzurePostgresServer,
    AzureManagedRedis,
    GcpProjectId,
    GkeName,            ///< clusters and node pools
    GcsBucket,
    CloudSqlInstance,
    MemorystoreInstance,
    GcpNetworkName,     ///< RFC 1035 labels: subnet secondary range names
    SecretName,         ///< Secrets Manager / Key Vault secret / Secret Manager ids (the strictest common subset)
    DnsName,
    Email,
};

/// Stable rule id for diagnostics, e.g. "aws-s3-bucket-name".
QString nameRuleId(NameKind kind);

/// Empty when `value` is a valid name of that kind; otherwise one sentence saying what is wrong,
/// without the field name (the caller prefixes it).
QString nameProblem(NameKind kind, const QString &value);

} // namespace studio::cloud
