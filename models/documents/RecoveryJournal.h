// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace studio {

/// Unsaved editor buffers kept on disk, so that a crash or a kill loses nothing: every modified
/// buffer is recorded (atomically) shortly after each edit and forgotten when it is saved or
/// deliberately discarded. On the next start the studio offers the recorded edits back.
class RecoveryJournal
{
public:
    struct Entry {
        QString path;        ///< absolute path of the edited file
        QString text;        ///< the unsaved buffer
        QDateTime recorded;
    };

    /// `directory` empty = the user's data folder ("…/deploy-studio/recovery").
    explicit RecoveryJournal(QString directory = QString());

    const QString &directory() const { return m_directory; }
    bool record(const QString &path, const QString &text);
    void discard(const QString &path);
    QList<Entry> entries() const;
    /// Entries for files under `root`.
    QList<Entry> entriesUnder(const QString &root) const;

private:
    QString fileFor(const QString &path) const;
    QString m_directory;
};

} // namespace studio
