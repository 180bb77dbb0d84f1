// SPDX-License-Identifier: MIT
#include "schema/SchemaLocation.h"

#include <QDir>

namespace studio {

QString ResourceType::group() const
{
    const qsizetype slash = apiVersion.indexOf(u'/');
    return slash < 0 ? QString() : apiVersion.left(slash);
}

QString ResourceType::version() const
{
    const qsizetype slash = apiVersion.indexOf(u'/');
    return slash < 0 ? apiVersion : apiVersion.mid(slash + 1);
}

QString ResourceType::displayName() const
{
    return QStringLiteral("%1 (%2)").arg(kind, apiVersion);
}

SchemaLocation SchemaLocation::parse(const QString &location, const QString &baseDir)
{
    SchemaLocation result;
    result.m_text = location;
    const QString trimmed = location.trimmed();
    if (trimmed == u"default") {
        result.m_patterns << QLatin1String(kDefaultTemplate);
        return result;
    }
    const bool remote = trimmed.startsWith(u"http://") || trimmed.startsWith(u"https://");
    QString base = trimmed;
    if (!remote && QDir::isRelativePath(base) && !baseDir.isEmpty())
        base = QDir(baseDir).filePath(base);
    if (base.endsWith(u".json")) {
        result.m_patterns << base; // a template
        return result;
    }
    while (base.endsWith(u'/'))
        base.chop(1);
    // A folder: kubeconform's version tree, a flat folder of Kubernetes schemas, or a CRD catalog.
    result.m_patterns << base + QStringLiteral("/{{.NormalizedKubernetesVersion}}-standalone{{.StrictSuffix}}/"
                                               "{{.ResourceKind}}{{.KindSuffix}}.json")
                      << base + QStringLiteral("/{{.ResourceKind}}{{.KindSuffix}}.json")
                      << base + QStringLiteral("/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json");
    return result;
}

bool SchemaLocation::isRemote() const
{
    return !m_patterns.isEmpty() && (m_patterns.front().startsWith(u"http://") || m_patterns.front().startsWith(u"https://"));
}

QStringList SchemaLocation::candidates(const ResourceType &type, const QString &kubernetesVersion, bool strict) const
{
    QStringList out;
    for (const QString &pattern : m_patterns)
        out << expand(pattern, type, kubernetesVersion, strict);
    return out;
}

QString SchemaLocation::expand(const QString &pattern, const ResourceType &type, const QString &kubernetesVersion,
                               bool strict)
{
    const QString group = type.group();
    const QString version = type.version();
    // kubeconform: "-<first label of the group>-<version>", or "-<version>" for the core group.
    const QString kindSuffix = group.isEmpty() ? u'-' + version.toLower()
                                               : u'-' + group.section(u'.', 0, 0).toLower() + u'-' + version.toLower();
    QString normalizedVersion = kubernetesVersion;
    if (normalizedVersion.isEmpty() || normalizedVersion == u"master")
        normalizedVersion = QStringLiteral("master");
    else if (!normalizedVersion.startsWith(u'v'))
        normalizedVersion.prepend(u'v');

    QString out = pattern;
    // Both spellings kubeconform documents: "{{.X}}" and "{{ .X }}".
    auto replace = [&out](const char *name, const QString &value) {
        out.replace(QStringLiteral("{{.%1}}").arg(QLatin1String(name)), value);
        out.replace(QStringLiteral("{{ .%1 }}").arg(QLatin1String(name)), value);
    };
    replace("NormalizedKubernetesVersion", normalizedVersion);
    replace("StrictSuffix", strict ? QStringLiteral("-strict") : QString());
    replace("ResourceKind", type.kind.toLower());
    replace("KindSuffix", kindSuffix);
    replace("Group", group);
    replace("ResourceAPIVersion", version);
    return out;
}

} // namespace studio
