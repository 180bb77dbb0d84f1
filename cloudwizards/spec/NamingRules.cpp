// SPDX-License-Identifier: MIT
#include "spec/NamingRules.h"

#include "spec/Cidr.h"

#include <QRegularExpression>

namespace studio::cloud {

namespace {

bool matches(const QString &value, const char *pattern)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(QString::fromLatin1(pattern)));
    return re.match(value).hasMatch();
}

QString lengthProblem(const QString &value, int min, int max)
{
    if (value.size() < min || value.size() > max)
        return QStringLiteral("must be %1 to %2 characters long (it has %3)").arg(min).arg(max).arg(value.size());
    return {};
}

QString s3Bucket(const QString &v)
{
    // docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    if (auto p = lengthProblem(v, 3, 63); !p.isEmpty())
        return p;
    if (!matches(v, "[a-z0-9][a-z0-9.-]*[a-z0-9]"))
        return QStringLiteral("may contain only lowercase letters, digits, '.' and '-', and must start and end with a letter or digit");
    if (v.contains(QStringLiteral("..")))
        return QStringLiteral("must not contain two adjacent periods");
    if (Cidr::parseAddress(v))
        return QStringLiteral("must not be formatted as an IP address");
    for (const char *prefix : {"xn--", "sthree-", "amzn-s3-demo-"})
        if (v.startsWith(QLatin1String(prefix)))
            return QStringLiteral("must not start with '%1'").arg(QLatin1String(prefix));
    for (const char *suffix : {"-s3alias", "--ol-s3", ".mrap", "--x-s3"})
        if (v.endsWith(QLatin1String(suffix)))
            return QStringLiteral("must not end with '%1'").arg(QLatin1String(suffix));
    return {};
}

QString gcsBucket(const QString &v)
{
    // cloud.google.com/storage/docs/naming-buckets
    if (auto p = lengthProblem(v, 3, v.contains(u'.') ? 222 : 63); !p.isEmpty())
        return p;
    if (!matches(v, "[a-z0-9][a-z0-9._-]*[a-z0-9]"))
        return QStringLiteral("may contain only lowercase letters, digits, '-', '_' and '.', and must start and end with a letter or digit");
    for (const QString &part : v.split(u'.'))
        if (part.size() > 63)
            return QStringLiteral("has a dot-separated part longer than 63 characters");
    if (Cidr::parseAddress(v))
        return QStringLiteral("must not be formatted as an IP address");
    if (v.startsWith(QLatin1String("goog")))
        return QStringLiteral("must not start with 'goog'");
    if (matches(v, ".*(google|g00gle|go0gle|g0ogle).*"))
        return QStringLiteral("must not contain 'google' or a close misspelling of it");
    return {};
}

QString hyphenatedIdentifier(const QString &v, int max, bool allowUpper)
{
    if (auto p = lengthProblem(v, 1, max); !p.isEmpty())
        return p;
    if (!matches(v, allowUpper ? "[A-Za-z][A-Za-z0-9-]*" : "[a-z][a-z0-9-]*"))
        return allowUpper ? QStringLiteral("must start with a letter and contain only letters, digits and hyphens")
                          : QStringLiteral("must start with a lowercase letter and contain only lowercase letters, digits and hyphens");
    if (v.endsWith(u'-'))
        return QStringLiteral("must not end with a hyphen");
    if (v.contains(QStringLiteral("--")))
        return QStringLiteral("must not contain two consecutive hyphens");
    return {};
}

} // namespace

QString nameRuleId(NameKind kind)
{
    switch (kind) {
    case NameKind::Environment: return QStringLiteral("environment-name");
    case NameKind::S3Bucket: return QStringLiteral("aws-s3-bucket-name");
    case NameKind::RdsIdentifier: return QStringLiteral("aws-rds-identifier");
    case NameKind::EksClusterName: return QStringLiteral("aws-eks-cluster-name");
    case NameKind::EksNodeGroupName: return QStringLiteral("aws-eks-node-group-name");
    case NameKind::ElastiCacheId: return QStringLiteral("aws-elasticache-id");
    case NameKind::OpenSearchDomain: return QStringLiteral("aws-opensearch-domain-name");
    case NameKind::AzureResourceGroup: return QStringLiteral("azure-resource-group-name");
    case NameKind::AksName: return QStringLiteral("azure-aks-name");
    case NameKind::AksNodePoolName: return QStringLiteral("azure-aks-node-pool-name");
    case NameKind::AzureStorageAccount: return QStringLiteral("azure-storage-account-name");
    case NameKind::AzureKeyVault: return QStringLiteral("azure-key-vault-name");
    case NameKind::AzurePostgresServer: return QStringLiteral("azure-postgres-server-name");
    case NameKind::AzureManagedRedis: return QStringLiteral("azure-managed-redis-name");
    case NameKind::GcpProjectId: return QStringLiteral("gcp-project-id");
    case NameKind::GkeName: return QStringLiteral("gcp-gke-name");
    case NameKind::GcsBucket: return QStringLiteral("gcp-gcs-bucket-name");
    case NameKind::CloudSqlInstance: return QStringLiteral("gcp-cloud-sql-instance-name");
    case NameKind::MemorystoreInstance: return QStringLiteral("gcp-memorystore-instance-name");
    case NameKind::GcpNetworkName: return QStringLiteral("gcp-network-name");
    case NameKind::SecretName: return QStringLiteral("secret-name");
    case NameKind::DnsName: return QStringLiteral("dns-name");
    case NameKind::Email: return QStringLiteral("email");
    }
    return {};
}

QString nameProblem(NameKind kind, const QString &v)
{
    switch (kind) {
    case NameKind::Environment:
        if (!matches(v, "[a-z][a-z0-9-]{0,18}[a-z0-9]"))
            return QStringLiteral("must be 2 to 20 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen");
        return {};
    case NameKind::S3Bucket:
        return s3Bucket(v);
    case NameKind::RdsIdentifier: // AWS SDK CreateDBInstance
        return hyphenatedIdentifier(v, 63, true);
    case NameKind::EksClusterName: // AWS SDK CreateCluster
        if (auto p = lengthProblem(v, 1, 100); !p.isEmpty())
            return p;
        if (!matches(v, "[A-Za-z0-9][A-Za-z0-9_-]*"))
            return QStringLiteral("must start with a letter or digit and contain only letters, digits, hyphens and underscores");
        return {};
    case NameKind::EksNodeGroupName:
        if (!matches(v, "[A-Za-z0-9][A-Za-z0-9_-]{0,62}"))
            return QStringLiteral("must be 1 to 63 letters, digits, hyphens or underscores, starting with a letter or digit");
        return {};
    case NameKind::ElastiCacheId: // ElastiCache CreateReplicationGroup: 1-40, letter first, no "--" or trailing '-'
        return hyphenatedIdentifier(v, 40, false);
    case NameKind::OpenSearchDomain: // OpenSearch CreateDomain: 3-28, lowercase letter first
        if (!matches(v, "[a-z][a-z0-9-]{2,27}"))
            return QStringLiteral("must be 3 to 28 lowercase letters, digits or hyphens, starting with a lowercase letter");
        return {};
    case NameKind::AzureResourceGroup:
        if (auto p = lengthProblem(v, 1, 90); !p.isEmpty())
            return p;
        if (!matches(v, "[\\w().-]+"))
            return QStringLiteral("may contain only letters, digits, '_', '(', ')', '-' and '.'");
        if (v.endsWith(u'.'))
            return QStringLiteral("must not end with a period");
        return {};
    case NameKind::AksName:
        if (!matches(v, "[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?"))
            return QStringLiteral("must be 1 to 63 letters, digits, '_' or '-', starting and ending with a letter or digit");
        return {};
    case NameKind::AksNodePoolName: // Linux node pools: 1-12 lowercase alphanumerics, letter first
        if (!matches(v, "[a-z][a-z0-9]{0,11}"))
            return QStringLiteral("must be 1 to 12 lowercase letters or digits, starting with a letter");
        return {};
    case NameKind::AzureStorageAccount:
        if (!matches(v, "[a-z0-9]{3,24}"))
            return QStringLiteral("must be 3 to 24 lowercase letters or digits (no hyphens)");
        return {};
    case NameKind::AzureKeyVault:
        if (!matches(v, "[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]"))
            return QStringLiteral("must be 3 to 24 letters, digits or hyphens, starting with a letter and ending with a letter or digit");
        if (v.contains(QStringLiteral("--")))
            return QStringLiteral("must not contain two consecutive hyphens");
        return {};
    case NameKind::AzurePostgresServer: // 3-63 lowercase letters, digits, hyphens; not starting or ending with '-'
        if (!matches(v, "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]"))
            return QStringLiteral("must be 3 to 63 lowercase letters, digits or hyphens, not starting or ending with a hyphen");
        return {};
    case NameKind::AzureManagedRedis:
        if (!matches(v, "[A-Za-z0-9]([A-Za-z0-9-]{0,58}[A-Za-z0-9])?") || v.contains(QStringLiteral("--")))
            return QStringLiteral("must be 1 to 60 letters, digits or single hyphens, starting and ending with a letter or digit");
        return {};
    case NameKind::GcpProjectId: // gcloud projects create
        if (!matches(v, "[a-z][a-z0-9-]{4,28}[a-z0-9]"))
            return QStringLiteral("must be 6 to 30 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen");
        return {};
    case NameKind::GkeName:
        if (!matches(v, "[a-z]([a-z0-9-]{0,39})") || v.endsWith(u'-'))
            return QStringLiteral("must start with a lowercase letter, be at most 40 lowercase letters, digits or hyphens, and not end with a hyphen");
        return {};
    case NameKind::GcsBucket:
        return gcsBucket(v);
    case NameKind::CloudSqlInstance:
        return hyphenatedIdentifier(v, 98, false);
    case NameKind::MemorystoreInstance:
        if (!matches(v, "[a-z]([a-z0-9-]{0,38}[a-z0-9])?"))
            return QStringLiteral("must be 1 to 40 lowercase letters, digits or hyphens, starting with a letter and ending with a letter or digit");
        return {};
    case NameKind::GcpNetworkName:
        if (!matches(v, "[a-z]([a-z0-9-]{0,61}[a-z0-9])?"))
            return QStringLiteral("must be 1 to 63 lowercase letters, digits or hyphens, starting with a letter and ending with a letter or digit");
        return {};
    case NameKind::SecretName:
        if (!matches(v, "[A-Za-z0-9][A-Za-z0-9-]{0,126}"))
            return QStringLiteral("must be 1 to 127 letters, digits or hyphens, starting with a letter or digit (valid in every provider's secret store)");
        return {};
    case NameKind::DnsName:
        if (v.size() > 253 || !matches(v, "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}"))
            return QStringLiteral("must be a lowercase DNS name such as static.example.com");
        return {};
    case NameKind::Email:
        if (!matches(v, "[^@\\s\"\\\\]+@[^@\\s\"\\\\]+\\.[^@\\s\"\\\\]+"))
            return QStringLiteral("must be an e-mail address such as ops@example.com");
        return {};
    }
    return {};
}

} // namespace studio::cloud
