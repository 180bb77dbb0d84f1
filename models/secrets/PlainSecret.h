// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

namespace studio {

/// A Kubernetes Secret in memory, before sealing: never written to disk as it is.
struct PlainSecret {
    QString name;
    QString namespaceName;
    QString type = QStringLiteral("Opaque");
    QMap<QString, QByteArray> data; ///< key → decoded value (stringData and base64 data alike)

    /// Reads a Secret manifest (kind: Secret, data base64-decoded, stringData taken as is; stringData
    /// wins like the API server). `file` names it in errors.
    static Result<PlainSecret> fromManifest(const QString &yaml, const QString &file);

    /// Kubernetes' rules for names, namespaces and data keys, as errors naming the field.
    static QString checkName(const QString &name, const QString &field);
    static QString checkKey(const QString &key);

    /// Overwrites the values in memory before they are released.
    void wipe();
};

} // namespace studio
