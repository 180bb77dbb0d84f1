// SPDX-License-Identifier: MIT
#include "documents/FileReplacement.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstdio>
#include <cstring>
#endif

namespace studio {

FileReplacement::FileReplacement(QString path)
    : m_path(std::move(path))
{
}

FileReplacement::~FileReplacement() = default; // an uncommitted temporary file removes itself

#ifdef Q_OS_UNIX

Status FileReplacement::prepare(const QByteArray &bytes)
{
    const QFileInfo target(m_path);
    m_temporary = std::make_unique<QTemporaryFile>(target.absolutePath() + QStringLiteral("/.") + target.fileName()
                                                   + QStringLiteral(".XXXXXX"));
    if (!m_temporary->open() || m_temporary->write(bytes) != bytes.size() || !m_temporary->flush())
        return Status::failure(Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(m_path, m_temporary->errorString()));
    // The file's own permissions; a new file gets rw-r--r-- rather than the temporary file's rw-------.
    const QFile::Permissions permissions = target.exists()
        ? QFile::permissions(m_path)
        : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    if (!m_temporary->setPermissions(permissions))
        return Status::failure(Error::Code::Io,
                               QStringLiteral("cannot give the new %1 its permissions: %2").arg(m_path, m_temporary->errorString()));
    m_temporary->close();
    return success();
}

Status FileReplacement::commit()
{
    if (!m_temporary)
        return Status::failure(Error::Code::Internal, QStringLiteral("%1 was not prepared").arg(m_path));
    // rename(2) replaces the file in one step; QFile::rename refuses an existing target.
    if (std::rename(QFile::encodeName(m_temporary->fileName()).constData(), QFile::encodeName(m_path).constData()) != 0)
        return Status::failure(Error::Code::Io, QStringLiteral("cannot replace %1: %2")
                                                    .arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
    m_temporary->setAutoRemove(false); // its name is now the file's
    m_temporary.reset();
    return success();
}

#else

Status FileReplacement::prepare(const QByteArray &bytes)
{
    m_saveFile = std::make_unique<QSaveFile>(m_path);
    if (!m_saveFile->open(QIODevice::WriteOnly) || m_saveFile->write(bytes) != bytes.size())
        return Status::failure(Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(m_path, m_saveFile->errorString()));
    return success();
}

Status FileReplacement::commit()
{
    if (!m_saveFile || !m_saveFile->commit())
        return Status::failure(Error::Code::Io, QStringLiteral("cannot replace %1: %2")
                                                    .arg(m_path, m_saveFile ? m_saveFile->errorString() : QString()));
    m_saveFile.reset();
    return success();
}

#endif

} // namespace studio
