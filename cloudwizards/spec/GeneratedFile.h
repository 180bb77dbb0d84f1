// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

namespace studio::cloud {

/// One file a wizard writes, with its path relative to the repository root
/// ("infra/aws/dev/versions.tf", "clusters/dev/addons/apps/cert-manager.yaml").
struct GeneratedFile {
    QString path;
    QString content;
};

using GeneratedFiles = QList<GeneratedFile>;

/// Writes every file under `root` atomically (QSaveFile), creating folders; the first failure
/// stops and names the file.
Status writeGeneratedFiles(const QString &root, const GeneratedFiles &files);

} // namespace studio::cloud
