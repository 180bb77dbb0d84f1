// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace studio {

/// What a file on disk looked like when it was read or written, to notice changes made behind
/// the studio's back (another editor, a git checkout).
struct FileFingerprint {
    qint64 size = -1;
    QDateTime modified;
    QByteArray sha256;

    static FileFingerprint of(const QString &path);
    static FileFingerprint ofBytes(const QByteArray &bytes, const QString &path);
    bool exists() const { return size >= 0; }
    /// Same content (the hash decides; size and time only make the check cheap).
    bool sameContent(const FileFingerprint &other) const { return size == other.size && sha256 == other.sha256; }
};

/// A text file opened for editing: its text, and the fingerprint it had on disk, so that saving
/// never silently overwrites a change made meanwhile. Saves are atomic (QSaveFile).
class DocumentFile
{
public:
    /// Reads `path` as UTF-8 text; non-UTF-8 or binary files are refused (their bytes are never rewritten).
    static Result<DocumentFile> load(const QString &path);

    const QString &path() const { return m_path; }
    const QString &text() const { return m_text; }
    const FileFingerprint &fingerprint() const { return m_fingerprint; }
    bool isWritable() const;

    /// True when the file on disk no longer has the content this document was loaded from or last saved.
    bool changedOnDisk() const;

    /// Writes `text` atomically. Refused (Error::Code::Refused) when the file changed on disk since it
    /// was loaded or saved, unless `overwriteExternalChanges`.
    Status save(const QString &text, bool overwriteExternalChanges = false);

private:
    QString m_path;
    QString m_text;
    FileFingerprint m_fingerprint;
};

} // namespace studio
