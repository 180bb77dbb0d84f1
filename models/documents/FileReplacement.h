// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QSaveFile;
class QTemporaryFile;

namespace studio {

/// Replaces a file atomically in two steps, so that several files can be written all or none:
/// prepare() writes the new content to a temporary file beside it, commit() renames that into place.
/// A replacement that is never committed leaves the file untouched and removes its temporary file.
/// The file keeps its permissions.
///
/// Unlike QSaveFile (which the editors use), it does not fsync. A promotion's files are committed to
/// Git at once, and libgit2 writes its objects without fsync too, so syncing the work tree alone
/// would not make the promotion durable. The rename still gives readers the old or the new content,
/// never a mix.
class FileReplacement
{
public:
    explicit FileReplacement(QString path);
    ~FileReplacement();
    FileReplacement(const FileReplacement &) = delete;
    FileReplacement &operator=(const FileReplacement &) = delete;

    /// Writes `bytes` beside the file. Errors name the file and the reason.
    Status prepare(const QByteArray &bytes);
    /// Puts the prepared content in place.
    Status commit();

private:
    QString m_path;
#ifdef Q_OS_UNIX
    std::unique_ptr<QTemporaryFile> m_temporary;
#else
    std::unique_ptr<QSaveFile> m_saveFile;
#endif
};

} // namespace studio
