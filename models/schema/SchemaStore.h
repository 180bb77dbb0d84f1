// SPDX-License-Identifier: MIT
#pragma once

#include "schema/CompiledSchema.h"
#include "schema/SchemaLocation.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

namespace studio {

/// Finds, downloads, caches and compiles the JSON schema of each Kubernetes kind, like kubeconform:
/// locations are tried in order; remote schemas are cached on disk (one file per URL) so the
/// studio works offline afterwards. Thread-safe: each schema is compiled once, whichever thread asks.
class SchemaStore
{
public:
    struct Options {
        QStringList locations;              ///< empty = {"default"}
        QString kubernetesVersion = QStringLiteral("1.31.6");
        QString baseDir;                    ///< for relative folder locations
        QString cacheDir;                   ///< empty = no disk cache
        bool strict = true;                 ///< strict schemas reject unknown fields
        bool offline = false;               ///< never download; use the cache and folders only
        int downloadTimeoutMs = 15000;
    };

    struct Lookup {
        CompiledSchemaPtr schema;  ///< null when none was found
        QStringList tried;         ///< every file/URL tried, for the "no schema" message
        QString error;             ///< a schema was found but is unusable, or a download failed
    };

    explicit SchemaStore(Options options);
    ~SchemaStore();

    Lookup lookup(const ResourceType &type);
    /// The schema if it was already resolved by an earlier lookup; never reads disk or network
    /// (for the GUI thread).
    CompiledSchemaPtr cached(const ResourceType &type);
    const Options &options() const { return m_options; }

    /// The default on-disk cache folder of this user.
    static QString defaultCacheDir();

private:
    struct Entry;
    Lookup resolve(const ResourceType &type);
    Result<QByteArray> fetch(const QString &url);

    Options m_options;
    QList<SchemaLocation> m_locations;
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};

} // namespace studio
