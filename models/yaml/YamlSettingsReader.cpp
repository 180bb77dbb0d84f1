// SPDX-License-Identifier: MIT
#include "yaml/YamlSettingsReader.h"

#include <algorithm>

namespace studio::yaml {

YamlSettingsReader::YamlSettingsReader(QString file, QString rule, Diagnostics &out)
    : m_file(std::move(file))
    , m_rule(std::move(rule))
    , m_out(out)
{
}

void YamlSettingsReader::report(const YamlNode *node, Severity severity, const QString &message)
{
    Diagnostic d;
    d.file = m_file;
    d.line = node ? node->span.start.line : 1;
    d.column = node ? node->span.start.column : 1;
    d.severity = severity;
    d.rule = m_rule;
    d.message = message;
    m_out.append(d);
}

QString YamlSettingsReader::text(const YamlNode *node, const QString &what)
{
    if (!node || node->isNull())
        return {};
    if (!node->isScalar()) {
        report(node, Severity::Error, QStringLiteral("'%1' must be a text value").arg(what));
        return {};
    }
    return node->scalar();
}

QStringList YamlSettingsReader::texts(const YamlNode *node, const QString &what)
{
    QStringList result;
    if (!node || node->isNull())
        return result;
    if (node->isScalar())
        return {node->scalar()};
    if (!node->isSequence()) {
        report(node, Severity::Error, QStringLiteral("'%1' must be a list of text values").arg(what));
        return result;
    }
    for (const YamlNode *item : node->resolved()->items)
        result << text(item, what);
    return result;
}

bool YamlSettingsReader::boolean(const YamlNode *node, const QString &what)
{
    if (!node || node->isNull())
        return false;
    if (node->scalarType() != ScalarType::Bool) {
        report(node, Severity::Error, QStringLiteral("'%1' must be true or false").arg(what));
        return false;
    }
    return node->scalar().compare(u"true", Qt::CaseInsensitive) == 0;
}

int YamlSettingsReader::integer(const YamlNode *node, const QString &what, int fallback, int min, int max)
{
    if (!node)
        return fallback;
    bool ok = false;
    const int value = node->isScalar() ? node->scalar().toInt(&ok) : 0;
    if (!ok || value < min || value > max) {
        report(node, Severity::Error, QStringLiteral("'%1' must be a whole number from %2 to %3").arg(what).arg(min).arg(max));
        return fallback;
    }
    return value;
}

void YamlSettingsReader::checkKeys(const YamlNode *map, std::initializer_list<QStringView> known, const QString &where)
{
    for (const YamlPair &p : map->resolved()->pairs) {
        const QString key = p.key->scalar();
        if (std::find(known.begin(), known.end(), key) == known.end())
            report(p.key, Severity::Warning,
                   QStringLiteral("unknown setting '%1' in %2; it is ignored (check the spelling)").arg(key, where));
    }
}

} // namespace studio::yaml
