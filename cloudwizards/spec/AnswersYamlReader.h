// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "yaml/YamlNode.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace studio::cloud {

/// Fills an answers struct from one YAML mapping. Answers structs list their fields once in
/// `describe(visitor)`; this visitor reads them, AnswersYamlWriter writes them. A field that is
/// absent keeps its preset value; a value of the wrong type or an unknown key becomes a Diagnostic
/// naming the field path and its line.
class AnswersYamlReader
{
public:
    AnswersYamlReader(const yaml::YamlNode *mapping, QString path, QString file, Diagnostics &problems);

    void text(const char *key, QString &value, const char *help);
    void number(const char *key, int &value, const char *help);
    void flag(const char *key, bool &value, const char *help);
    void texts(const char *key, QStringList &values, const char *help);

    template<typename T>
    void section(const char *key, T &value, const char *)
    {
        const yaml::YamlNode *node = take(key);
        if (!node)
            return;
        if (!node->isMapping()) {
            wrongType(node, key, QStringLiteral("a mapping of fields"));
            return;
        }
        AnswersYamlReader inner(node->resolved(), fieldPath(key), m_file, m_problems);
        value.describe(inner);
        inner.reportUnknownKeys();
    }

    template<typename T>
    void list(const char *key, QList<T> &values, const char *)
    {
        const yaml::YamlNode *node = take(key);
        if (!node)
            return;
        if (!node->isSequence()) {
            wrongType(node, key, QStringLiteral("a list of entries"));
            return;
        }
        values.clear();
        const auto &items = node->resolved()->items;
        for (size_t i = 0; i < items.size(); ++i) {
            const QString itemPath = QStringLiteral("%1[%2]").arg(fieldPath(key)).arg(i);
            T entry;
            if (!items[i]->isMapping()) {
                report(items[i], itemPath, QStringLiteral("%1 must be a mapping of fields").arg(itemPath));
                continue;
            }
            AnswersYamlReader inner(items[i]->resolved(), itemPath, m_file, m_problems);
            entry.describe(inner);
            inner.reportUnknownKeys();
            values.append(entry);
        }
    }

    /// Reports keys of the mapping that no field asked for (typos such as "regoin").
    void reportUnknownKeys();

private:
    const yaml::YamlNode *take(const char *key);
    QString fieldPath(const char *key) const;
    void wrongType(const yaml::YamlNode *node, const char *key, const QString &expected);
    void report(const yaml::YamlNode *node, const QString &path, const QString &message);

    const yaml::YamlNode *m_mapping;
    QString m_path;
    QString m_file;
    Diagnostics &m_problems;
    QStringList m_known;
};

} // namespace studio::cloud
