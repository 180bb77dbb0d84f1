// SPDX-License-Identifier: MIT
#include "documents/DocumentFile.h"

#include "workspace/TextFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

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
    return QFileInfo(m_path).isWritable();
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
