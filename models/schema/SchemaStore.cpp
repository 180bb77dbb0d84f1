// SPDX-License-Identifier: MIT
#include "schema/SchemaStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <atomic>
#include <mutex>

Q_LOGGING_CATEGORY(lcSchema, "studio.schema", QtInfoMsg)

namespace studio {

struct SchemaStore::Entry {
    std::once_flag once;
    Lookup lookup;
    std::atomic_bool resolved = false;
};

SchemaStore::SchemaStore(Options options) : m_options(std::move(options))
{
    if (m_options.locations.isEmpty())
        m_options.locations << QStringLiteral("default");
    for (const QString &location : std::as_const(m_options.locations))
        m_locations << SchemaLocation::parse(location, m_options.baseDir);
}

SchemaStore::~SchemaStore() = default;

QString SchemaStore::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/deploy-studio/schemas");
}

SchemaStore::Lookup SchemaStore::lookup(const ResourceType &type)
{
    const QString key = type.apiVersion + u'/' + type.kind;
    std::shared_ptr<Entry> entry;
    {
        QMutexLocker lock(&m_mutex);
        auto &slot = m_entries[key];
        if (!slot)
            slot = std::make_shared<Entry>();
        entry = slot;
    }
    std::call_once(entry->once, [&] {
        entry->lookup = resolve(type);
        entry->resolved = true;
    });
    return entry->lookup;
}

CompiledSchemaPtr SchemaStore::cached(const ResourceType &type)
{
    std::shared_ptr<Entry> entry;
    {
        QMutexLocker lock(&m_mutex);
        entry = m_entries.value(type.apiVersion + u'/' + type.kind);
    }
    if (!entry || !entry->resolved.load())
        return {};
    return entry->lookup.schema;
}

SchemaStore::Lookup SchemaStore::resolve(const ResourceType &type)
{
    Lookup result;
    for (const SchemaLocation &location : std::as_const(m_locations)) {
        for (const QString &candidate : location.candidates(type, m_options.kubernetesVersion, m_options.strict)) {
            result.tried << candidate;
            QByteArray bytes;
            if (candidate.startsWith(u"http://") || candidate.startsWith(u"https://")) {
                Result<QByteArray> fetched = fetch(candidate);
                if (!fetched) {
                    if (fetched.error().code != Error::Code::NotFound && result.error.isEmpty())
                        result.error = fetched.errorMessage();
                    continue;
                }
                bytes = std::move(fetched).value();
            } else {
                QFile file(candidate);
                if (!file.exists() || !file.open(QIODevice::ReadOnly))
                    continue;
                bytes = file.readAll();
            }
            Result<CompiledSchemaPtr> compiled = CompiledSchema::compile(bytes, candidate);
            if (!compiled) {
                result.error = compiled.errorMessage();
                continue;
            }
            qCDebug(lcSchema) << "schema for" << type.displayName() << "from" << candidate;
            result.schema = compiled.value();
            result.error.clear();
            return result;
        }
    }
    return result;
}

Result<QByteArray> SchemaStore::fetch(const QString &url)
{
    QString cacheFile;
    if (!m_options.cacheDir.isEmpty()) {
        const QByteArray hash = QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha256).toHex();
        cacheFile = m_options.cacheDir + u'/' + QString::fromLatin1(hash) + QStringLiteral(".json");
        QFile cached(cacheFile);
        if (cached.open(QIODevice::ReadOnly))
            return cached.readAll();
        if (QFile::exists(cacheFile + QStringLiteral(".missing")))
            return Result<QByteArray>::failure(Error::Code::NotFound, QStringLiteral("not found (cached)"));
    }
    if (m_options.offline)
        return Result<QByteArray>::failure(Error::Code::NotFound, QStringLiteral("offline and not in the cache"));

    // Runs on a worker thread: a private manager and event loop keep the download off the GUI thread.
    QNetworkAccessManager manager;
    manager.setTransferTimeout(m_options.downloadTimeoutMs);
    QNetworkRequest request{QUrl(url)};
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("deploy-studio/" STUDIO_VERSION));
    QNetworkReply *reply = manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 404) {
        if (!cacheFile.isEmpty() && QDir().mkpath(m_options.cacheDir)) {
            QFile marker(cacheFile + QStringLiteral(".missing"));
            (void)marker.open(QIODevice::WriteOnly);
        }
        return Result<QByteArray>::failure(Error::Code::NotFound, QStringLiteral("not found"));
    }
    if (reply->error() != QNetworkReply::NoError)
        return Result<QByteArray>::failure(
            Error::Code::Network,
            QStringLiteral("could not download %1 (%2); check the network or add a local schema folder with "
                           "--schema-location")
                .arg(url, reply->errorString()));
    const QByteArray bytes = reply->readAll();
    if (!cacheFile.isEmpty() && QDir().mkpath(m_options.cacheDir)) {
        QSaveFile out(cacheFile);
        if (out.open(QIODevice::WriteOnly)) {
            out.write(bytes);
            if (!out.commit())
                qCWarning(lcSchema) << "cannot write schema cache" << cacheFile << out.errorString();
        }
    }
    return bytes;
}

} // namespace studio
