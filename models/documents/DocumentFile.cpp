// SPDX-License-Identifier: MIT
#include "documents/DocumentFile.h"

#include "workspace/TextFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace studio {

FileFingerprint FileFingerprint::of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return ofBytes(file.readAll(), path);
}

FileFingerprint FileFingerprint::ofBytes(const QByteArray &bytes, const QString &path)
{
    FileFingerprint f;
    f.size = bytes.size();
    f.modified = QFileInfo(path).lastModified();
    f.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return f;
}

Result<DocumentFile> DocumentFile::load(const QString &path)
{
    Result<QString> text = TextFile::read(path);
    if (!text)
        return text.error();
    DocumentFile document;
    document.m_path = path;
    document.m_text = std::move(text).value();
    document.m_fingerprint = FileFingerprint::of(path);
    return document;
}

bool DocumentFile::isWritable() const
{
#ifdef Q_OS_UNIX
    // Asked for this process's effective identity and capabilities (AT_EACCESS): plain access(),
    // which QFileInfo uses, answers for the real user and tells a root process without
    // CAP_DAC_OVERRIDE that a read-only file is writable.
    return ::faccessat(AT_FDCWD, QFile::encodeName(m_path).constData(), W_OK, AT_EACCESS) == 0;
#else
    return QFileInfo(m_path).isWritable();
#endif
}

bool DocumentFile::changedOnDisk() const
{
    const QFileInfo info(m_path);
    if (!info.exists())
        return m_fingerprint.exists();
    // Cheap test first: same size and time means unchanged; otherwise compare the content.
    if (info.size() == m_fingerprint.size && info.lastModified() == m_fingerprint.modified)
        return false;
    return !FileFingerprint::of(m_path).sameContent(m_fingerprint);
}

Status DocumentFile::save(const QString &text, bool overwriteExternalChanges)
{
    if (!overwriteExternalChanges && changedOnDisk())
        return Status::failure(Error::Code::Refused,
                               QStringLiteral("%1 was changed on disk by another program; reload it or compare "
                                              "before saving")
                                   .arg(QFileInfo(m_path).fileName()));
    // QSaveFile replaces the file through its folder, and its own read-only test asks access():
    // a file this process may not write is refused here, as the editor's banner said.
    if (QFileInfo::exists(m_path) && !isWritable())
        return Status::failure(Error::Code::Io, QStringLiteral("cannot save %1: the file is read-only; make it writable "
                                                               "(chmod u+w) and save again; your edits are kept in the "
                                                               "editor")
                                                    .arg(m_path));
    const QByteArray bytes = text.toUtf8();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(Error::Code::Io, QStringLiteral("cannot save %1 (%2); your edits are kept in the "
                                                               "editor")
                                                    .arg(m_path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(Error::Code::Io, QStringLiteral("cannot save %1 (%2); your edits are kept in the "
                                                               "editor")
                                                    .arg(m_path, file.errorString()));
    m_text = text;
    m_fingerprint = FileFingerprint::ofBytes(bytes, m_path);
    return success();
}

} // namespace studio
