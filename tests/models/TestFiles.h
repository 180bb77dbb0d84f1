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

#ifdef Q_OS_LINUX
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

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

/// Makes root obey file modes, as every other user does: drops CAP_DAC_OVERRIDE and
/// CAP_DAC_READ_SEARCH from the calling thread's effective capabilities. Threads started afterwards
/// inherit that, so call it in initTestCase, before any worker thread exists. CI runs the tests as
/// root; without this, a file with mode 000 cannot be made unreadable there. Does nothing for other
/// users; false when the capabilities could not be changed.
inline bool honourFilePermissions()
{
#ifdef Q_OS_LINUX
    if (::geteuid() != 0)
        return true;
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
    if (::syscall(SYS_capget, &header, data) != 0)
        return false;
    for (const int capability : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH})
        data[capability / 32].effective &= ~(1u << (capability % 32));
    return ::syscall(SYS_capset, &header, data) == 0;
#else
    return true;
#endif
}

/// True when `path` can be opened for reading by this process even though its permissions say
/// otherwise (root ignores file modes unless honourFilePermissions() dropped its capabilities).
inline bool permissionsAreIgnored(const QString &path)
{
    QFile file(path);
    const bool opened = file.open(QIODevice::ReadOnly);
    return opened;
}

} // namespace studio::test
