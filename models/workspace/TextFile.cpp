// SPDX-License-Identifier: MIT
#include "workspace/TextFile.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace studio {

Result<QString> TextFile::read(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir())
        return Result<QString>::failure(Error::Code::Io, QStringLiteral("is a folder, not a file"));
    if (info.size() > maxBytes)
        return Result<QString>::failure(
            Error::Code::Io, QStringLiteral("file is too large to check (%1 MB, the limit is %2 MB); split it into "
                                            "smaller files or exclude it")
                                 .arg(double(info.size()) / (1024 * 1024), 0, 'f', 1)
                                 .arg(maxBytes / (1024 * 1024)));
    if (!file.open(QIODevice::ReadOnly))
        return Result<QString>::failure(
            Error::Code::Io,
            QStringLiteral("cannot read the file (%1); check its permissions").arg(file.errorString()));
    // readAll() reads what is there (read(maxBytes + 1) would allocate the whole limit for every file).
    const QByteArray bytes = file.readAll();
    if (bytes.size() > maxBytes)
        return Result<QString>::failure(Error::Code::Io, QStringLiteral("file is too large to check"));
    if (bytes.left(8192).contains('\0'))
        return Result<QString>::failure(Error::Code::Parse,
                                        QStringLiteral("binary content (NUL bytes) in a file named like a text "
                                                       "file; remove it or rename it"));
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return Result<QString>::failure(Error::Code::Parse,
                                        QStringLiteral("the file is not valid UTF-8 text; convert it to UTF-8"));
    return text;
}

} // namespace studio
