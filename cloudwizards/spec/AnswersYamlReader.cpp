// SPDX-License-Identifier: MIT
#include "spec/AnswersYamlReader.h"

namespace studio::cloud {

AnswersYamlReader::AnswersYamlReader(const yaml::YamlNode *mapping, QString path, QString file, Diagnostics &problems)
    : m_mapping(mapping), m_path(std::move(path)), m_file(std::move(file)), m_problems(problems)
{
}

const yaml::YamlNode *AnswersYamlReader::take(const char *key)
{
    const QString name = QString::fromLatin1(key);
    m_known.append(name);
    const yaml::YamlNode *node = m_mapping->value(name);
    return node && !node->isNull() ? node : nullptr;
}

QString AnswersYamlReader::fieldPath(const char *key) const
{
    const QString name = QString::fromLatin1(key);
    return m_path.isEmpty() ? name : m_path + u'.' + name;
}

void AnswersYamlReader::report(const yaml::YamlNode *node, const QString &path, const QString &message)
{
    Diagnostic d;
    d.file = m_file;
    d.line = node ? node->span.start.line : 0;
    d.column = node ? node->span.start.column : 0;
    d.rule = QStringLiteral("answers-format");
    d.jsonPath = path;
    d.message = message;
    m_problems.append(d);
}

void AnswersYamlReader::wrongType(const yaml::YamlNode *node, const char *key, const QString &expected)
{
    report(node, fieldPath(key), QStringLiteral("%1 must be %2").arg(fieldPath(key), expected));
}

void AnswersYamlReader::text(const char *key, QString &value, const char *)
{
    const yaml::YamlNode *node = take(key);
    if (!node)
        return;
    if (!node->isScalar())
        return wrongType(node, key, QStringLiteral("text"));
    value = node->resolved()->scalar();
}

void AnswersYamlReader::number(const char *key, int &value, const char *)
{
    const yaml::YamlNode *node = take(key);
    if (!node)
        return;
    bool ok = node->isScalar() && node->scalarType() == yaml::ScalarType::Int;
    const int parsed = ok ? node->resolved()->scalar().toInt(&ok) : 0;
    if (!ok)
        return wrongType(node, key, QStringLiteral("a whole number, found '%1'").arg(node->resolved()->scalar()));
    value = parsed;
}

void AnswersYamlReader::flag(const char *key, bool &value, const char *)
{
    const yaml::YamlNode *node = take(key);
    if (!node)
        return;
    if (!node->isScalar() || node->scalarType() != yaml::ScalarType::Bool)
        return wrongType(node, key, QStringLiteral("true or false, found '%1'").arg(node->resolved()->scalar()));
    value = node->resolved()->scalar().toLower() == u"true";
}

void AnswersYamlReader::texts(const char *key, QStringList &values, const char *)
{
    const yaml::YamlNode *node = take(key);
    if (!node)
        return;
    if (!node->isSequence())
        return wrongType(node, key, QStringLiteral("a list of text values"));
    values.clear();
    for (const yaml::YamlNode *item : node->resolved()->items) {
        if (!item->isScalar())
            return wrongType(item, key, QStringLiteral("a list of text values"));
        values.append(item->resolved()->scalar());
    }
}

void AnswersYamlReader::reportUnknownKeys()
{
    for (const yaml::YamlPair &pair : m_mapping->pairs) {
        if (yaml::YamlNode::isMergeKey(pair.key))
            continue;
        const QString key = pair.key->resolved()->scalar();
        if (!m_known.contains(key)) {
            const QString path = m_path.isEmpty() ? key : m_path + u'.' + key;
            report(pair.key, path,
                   QStringLiteral("%1 is not a known field; known fields here: %2").arg(path, m_known.join(QStringLiteral(", "))));
        }
    }
}

} // namespace studio::cloud
