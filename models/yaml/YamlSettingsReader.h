// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "yaml/YamlNode.h"

#include <QString>
#include <QStringList>

#include <initializer_list>

namespace studio::yaml {

/// Reads typed settings out of a parsed YAML file (the repository config, a dashboard) and reports
/// what does not fit as diagnostics that point at the offending value: a list where a text belongs, a
/// number out of range, a misspelt key. Every finding names the setting and says what it must be.
class YamlSettingsReader
{
public:
    /// Findings go to `out`, each with `file` and `rule`.
    YamlSettingsReader(QString file, QString rule, Diagnostics &out);

    void report(const YamlNode *node, Severity severity, const QString &message);

    /// A scalar's text; empty when absent or null; an error when a list or mapping stands there.
    QString text(const YamlNode *node, const QString &what);
    /// A list of texts; a single text counts as a list of one.
    QStringList texts(const YamlNode *node, const QString &what);
    /// true or false; false (and an error) for anything else.
    bool boolean(const YamlNode *node, const QString &what);
    /// A whole number within [min, max]; `fallback` when absent, or (with an error) when it is not one.
    int integer(const YamlNode *node, const QString &what, int fallback, int min, int max);
    /// Warns about every key of `map` that is not in `known`: it is ignored, most likely misspelt.
    void checkKeys(const YamlNode *map, std::initializer_list<QStringView> known, const QString &where);

private:
    QString m_file;
    QString m_rule;
    Diagnostics &m_out;
};

} // namespace studio::yaml
