// SPDX-License-Identifier: MIT
#include "spec/AnswerRules.h"

#include "spec/KubernetesVersions.h"

#include <QRegularExpression>
#include <QSet>

namespace studio::cloud {

void AnswerRules::require(bool holds, const QString &field, const QString &rule, const QString &message)
{
    if (holds)
        return;
    Diagnostic d;
    d.file = m_file;
    d.rule = rule;
    d.jsonPath = field;
    d.message = message;
    m_problems.append(d);
}

void AnswerRules::name(const QString &field, const QString &value, NameKind kind)
{
    const QString problem = nameProblem(kind, value);
    require(problem.isEmpty(), field, nameRuleId(kind), QStringLiteral("%1 '%2' %3").arg(field, value, problem));
}

std::optional<Cidr> AnswerRules::cidr(const QString &field, const QString &value)
{
    QString why;
    auto parsed = Cidr::parse(value, &why);
    require(parsed.has_value(), field, QStringLiteral("cidr-syntax"), QStringLiteral("%1: %2").arg(field, why));
    return parsed;
}

void AnswerRules::range(const QString &field, int value, int min, int max, const QString &rule)
{
    require(value >= min && value <= max, field, rule,
            QStringLiteral("%1 must be between %2 and %3 (it is %4)").arg(field).arg(min).arg(max).arg(value));
}

void AnswerRules::oneOf(const QString &field, const QString &value, const QStringList &allowed, const QString &rule)
{
    require(allowed.contains(value), field, rule,
            QStringLiteral("%1 must be one of %2 (it is '%3')").arg(field, allowed.join(QStringLiteral(", ")), value));
}

void AnswerRules::kubernetesVersion(const QString &field, CloudProvider provider, const QString &version)
{
    QStringList offered;
    for (const KubernetesVersion &v : KubernetesVersions::supported(provider))
        offered.append(v.version);
    require(offered.contains(version), field, QStringLiteral("kubernetes-version"),
            QStringLiteral("%1 '%2' is not a version %3 supports; choose one of %4")
                .arg(field, version, providerDisplayName(provider), offered.join(QStringLiteral(", "))));
}

void AnswerRules::zones(const QString &field, const QStringList &zones, int minimum, const QString &why)
{
    const qsizetype distinct = QSet<QString>(zones.begin(), zones.end()).size();
    require(distinct == zones.size(), field, QStringLiteral("zones-distinct"),
            QStringLiteral("%1 lists a zone more than once").arg(field));
    require(distinct >= minimum, field, QStringLiteral("zones-minimum"),
            QStringLiteral("%1 needs at least %2 distinct zones (%3); it has %4").arg(field).arg(minimum).arg(why).arg(distinct));
}

void AnswerRules::nodePools(const QString &field, const QList<NodePoolAnswers> &pools, NameKind nameKind)
{
    require(!pools.isEmpty(), field, QStringLiteral("node-pools-minimum"), QStringLiteral("%1 needs at least one node pool").arg(field));
    QSet<QString> names;
    for (qsizetype i = 0; i < pools.size(); ++i) {
        const NodePoolAnswers &pool = pools[i];
        const QString at = QStringLiteral("%1[%2]").arg(field).arg(i);
        name(at + QStringLiteral(".name"), pool.name, nameKind);
        require(!names.contains(pool.name), at + QStringLiteral(".name"), QStringLiteral("node-pool-unique"),
                QStringLiteral("%1.name '%2' is used by another node pool").arg(at, pool.name));
        names.insert(pool.name);
        require(!pool.machineType.trimmed().isEmpty(), at + QStringLiteral(".machineType"), QStringLiteral("required"),
                QStringLiteral("%1.machineType is empty; name an instance type").arg(at));
        require(pool.minNodes >= 0, at + QStringLiteral(".minNodes"), QStringLiteral("node-count-order"),
                QStringLiteral("%1.minNodes must not be negative").arg(at));
        require(pool.minNodes <= pool.desiredNodes && pool.desiredNodes <= pool.maxNodes, at + QStringLiteral(".desiredNodes"),
                QStringLiteral("node-count-order"),
                QStringLiteral("%1 needs minNodes <= desiredNodes <= maxNodes (it has %2 <= %3 <= %4)")
                    .arg(at).arg(pool.minNodes).arg(pool.desiredNodes).arg(pool.maxNodes));
        require(pool.maxNodes >= 1, at + QStringLiteral(".maxNodes"), QStringLiteral("node-count-order"),
                QStringLiteral("%1.maxNodes must be at least 1").arg(at));
        range(at + QStringLiteral(".diskGb"), pool.diskGb, 20, 2048, QStringLiteral("disk-size"));
    }
}

void AnswerRules::inClusterSearch(const QString &field, const InClusterSearchAnswers &search)
{
    if (!search.enabled)
        return;
    range(field + QStringLiteral(".nodes"), search.nodes, 1, 50, QStringLiteral("search-nodes"));
    require(search.nodes != 2, field + QStringLiteral(".nodes"), QStringLiteral("search-quorum"),
            QStringLiteral("%1.nodes must be 1 or at least 3: two master-eligible Elasticsearch nodes lose their quorum when one fails").arg(field));
    range(field + QStringLiteral(".storageGb"), search.storageGb, 1, 16384, QStringLiteral("disk-size"));
    range(field + QStringLiteral(".memoryGb"), search.memoryGb, 1, 64, QStringLiteral("search-memory"));
    require(search.version.contains(QRegularExpression(QStringLiteral("^[0-9]+\\.[0-9]+\\.[0-9]+$"))),
            field + QStringLiteral(".version"), QStringLiteral("search-version"),
            QStringLiteral("%1.version '%2' must be a full Elasticsearch version such as 8.17.0").arg(field, search.version));
}

void AnswerRules::storage(const QString &field, const StorageAnswers &storage, NameKind bucketKind)
{
    name(field + QStringLiteral(".bucket"), storage.bucket, bucketKind);
    if (!storage.cdnDomain.isEmpty()) {
        name(field + QStringLiteral(".cdnDomain"), storage.cdnDomain, NameKind::DnsName);
        require(storage.cdn, field + QStringLiteral(".cdnDomain"), QStringLiteral("cdn-domain-needs-cdn"),
                QStringLiteral("%1.cdnDomain is set but %1.cdn is false; turn the CDN on or clear the domain").arg(field));
    }
}

void AnswerRules::addons(const QString &field, const AddonAnswers &addons)
{
    require(addons.gitRepoUrl.startsWith(QLatin1String("https://")) || addons.gitRepoUrl.startsWith(QLatin1String("git@"))
                || addons.gitRepoUrl.startsWith(QLatin1String("ssh://")),
            field + QStringLiteral(".gitRepoUrl"), QStringLiteral("git-url"),
            QStringLiteral("%1.gitRepoUrl '%2' must be an https://, ssh:// or git@ repository URL").arg(field, addons.gitRepoUrl));
    require(!addons.gitRevision.trimmed().isEmpty() && !addons.gitRevision.contains(QRegularExpression(QStringLiteral("[\\s~^:?*\\[\\\\]"))),
            field + QStringLiteral(".gitRevision"), QStringLiteral("git-revision"),
            QStringLiteral("%1.gitRevision '%2' is not a valid branch or tag name").arg(field, addons.gitRevision));
    name(field + QStringLiteral(".acmeEmail"), addons.acmeEmail, NameKind::Email);
    name(field + QStringLiteral(".dnsZone"), addons.dnsZone, NameKind::DnsName);
}

void AnswerRules::secretNames(const QString &field, const QStringList &names)
{
    for (qsizetype i = 0; i < names.size(); ++i)
        name(QStringLiteral("%1[%2]").arg(field).arg(i), names[i], NameKind::SecretName);
    require(QSet<QString>(names.begin(), names.end()).size() == names.size(), field, QStringLiteral("secret-unique"),
            QStringLiteral("%1 lists a secret more than once").arg(field));
}

void AnswerRules::noOverlap(const QString &fieldA, const std::optional<Cidr> &a, const QString &fieldB,
                            const std::optional<Cidr> &b)
{
    if (!a || !b)
        return;
    require(!a->overlaps(*b), fieldA, QStringLiteral("cidr-overlap"),
            QStringLiteral("%1 %2 overlaps %3 %4; the ranges must be disjoint").arg(fieldA, a->toString(), fieldB, b->toString()));
}

void AnswerRules::inside(const QString &innerField, const std::optional<Cidr> &inner, const QString &outerField,
                         const std::optional<Cidr> &outer)
{
    if (!inner || !outer)
        return;
    require(outer->contains(*inner), innerField, QStringLiteral("cidr-containment"),
            QStringLiteral("%1 %2 is not inside %3 %4").arg(innerField, inner->toString(), outerField, outer->toString()));
}

} // namespace studio::cloud
