// SPDX-License-Identifier: MIT
// Small helpers the model tests share: writing hand-made workspaces into temporary folders and
// finding what a user would look for in a list of diagnostics.
#pragma once

#include "core/Diagnostic.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

namespace studio::test {

/// Writes `content` to `root/relativePath`, creating the folders on the way. False on any failure.
inline bool writeFile(const QString &root, const QString &relativePath, const QByteArray &content)
{
    const QString path = root + u'/' + relativePath;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

inline bool writeFile(const QString &root, const QString &relativePath, const char *content)
{
    return writeFile(root, relativePath, QByteArray(content));
}

/// The 1-based line of the first line of `text` that contains `needle`; 0 when none does.
inline int lineContaining(const QByteArray &text, const QByteArray &needle)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(needle))
            return int(i + 1);
    }
    return 0;
}

inline int lineContainingInFile(const QString &path, const QByteArray &needle)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return lineContaining(file.readAll(), needle);
}

/// Diagnostics with this rule (and, when given, this file).
inline Diagnostics withRule(const Diagnostics &all, const QString &rule, const QString &file = QString())
{
    Diagnostics out;
    for (const Diagnostic &d : all) {
        if (d.rule == rule && (file.isNull() || d.file == file))
            out << d;
    }
    return out;
}

/// "file:line:col: severity: message [rule]" for every diagnostic, for failure messages.
inline QString describe(const Diagnostics &all)
{
    QStringList lines;
    for (const Diagnostic &d : all)
        lines << QStringLiteral("%1:%2:%3: %4: %5 [%6]")
                     .arg(d.file)
                     .arg(d.line)
                     .arg(d.column)
                     .arg(severityName(d.severity), d.message, d.rule);
    return lines.isEmpty() ? QStringLiteral("(no diagnostics)") : lines.join(u'\n');
}

/// True when `path` can be opened for reading by this process even though its permissions say
/// otherwise (the tests run as root in some containers, and root ignores file modes).
inline bool permissionsAreIgnored(const QString &path)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    return opened;
}

} // namespace studio::test
