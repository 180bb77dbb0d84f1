// SPDX-License-Identifier: MIT
#include "spec/GeneratedFile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace studio::cloud {

Status writeGeneratedFiles(const QString &root, const GeneratedFiles &files)
{
    const QDir rootDir(root);
    for (const GeneratedFile &file : files) {
        const QString target = rootDir.filePath(file.path);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return Status::failure(Error::Code::Io, QStringLiteral("cannot create the folder of %1").arg(target));
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.content.toUtf8()) < 0 || !out.commit())
            return Status::failure(Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(target, out.errorString()));
    }
    return success();
}

} // namespace studio::cloud
