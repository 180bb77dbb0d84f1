// SPDX-License-Identifier: MIT
#include "credentials/CredentialStore.h"

#include <QSettings>

#include <qt6keychain/keychain.h>

#include <algorithm>

namespace studio {

namespace {

constexpr auto kGroup = "credentials";

QString keyOf(CredentialKind kind, const QString &name)
{
    return CredentialStore::kindName(kind) + u'/' + name;
}

QString jobError(const QKeychain::Job *job, const QString &what)
{
    return QStringLiteral("%1: the OS keychain says: %2").arg(what, job->errorString());
}

} // namespace

CredentialStore::CredentialStore(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(settingsFile.isEmpty() ? std::make_unique<QSettings>()
                                        : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::kindName(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::GitHttps:
        return QStringLiteral("git-https");
    case CredentialKind::Prometheus:
        return QStringLiteral("prometheus");
    case CredentialKind::Cloud:
        return QStringLiteral("cloud");
    }
    return {};
}

QString CredentialStore::kindLabel(CredentialKind kind)
{
    switch (kind) {
    case CredentialKind::GitHttps:
        return QStringLiteral("Git HTTPS token");
    case CredentialKind::Prometheus:
        return QStringLiteral("Prometheus");
    case CredentialKind::Cloud:
        return QStringLiteral("Cloud");
    }
    return {};
}

QList<CredentialEntry> CredentialStore::entries() const
{
    QList<CredentialEntry> out;
    const int count = m_settings->beginReadArray(QLatin1String(kGroup));
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        const QString kind = m_settings->value(QStringLiteral("kind")).toString();
        for (CredentialKind k : {CredentialKind::GitHttps, CredentialKind::Prometheus, CredentialKind::Cloud}) {
            if (kindName(k) == kind)
                out.push_back({k, m_settings->value(QStringLiteral("name")).toString(), m_settings->value(QStringLiteral("user")).toString()});
        }
    }
    m_settings->endArray();
    std::sort(out.begin(), out.end(), [](const CredentialEntry &a, const CredentialEntry &b) {
        return std::tie(a.kind, a.name) < std::tie(b.kind, b.name);
    });
    return out;
}

void CredentialStore::save(const CredentialEntry &entry, const QString &secret, std::function<void(Status)> done)
{
    if (entry.name.trimmed().isEmpty()) {
        done(Error{Error::Code::Usage, QStringLiteral("a credential needs a name (a host, an environment or a cloud profile)")});
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(QLatin1String(kService), this);
    job->setInsecureFallback(false);
    job->setKey(keyOf(entry.kind, entry.name));
    // The user name travels with the secret, so reading a credential needs only the keychain.
    job->setTextData(entry.user + u'\n' + secret);
    connect(job, &QKeychain::Job::finished, this, [this, entry, done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            done(Error{Error::Code::Io, jobError(finished, QStringLiteral("cannot store %1").arg(entry.name))});
            return;
        }
        storeEntry(entry);
        done(success());
    });
    job->start();
}

void CredentialStore::read(CredentialKind kind, const QString &name, std::function<void(Result<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(QLatin1String(kService), this);
    job->setInsecureFallback(false);
    job->setKey(keyOf(kind, name));
    connect(job, &QKeychain::Job::finished, this, [name, done](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::EntryNotFound) {
            done(Error{Error::Code::NotFound, QStringLiteral("no credential '%1' in the OS keychain; add it in Settings → Credentials").arg(name)});
            return;
        }
        if (finished->error() != QKeychain::NoError) {
            done(Error{Error::Code::Io, jobError(finished, QStringLiteral("cannot read %1").arg(name))});
            return;
        }
        const QString stored = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        done(stored.section(u'\n', 1));
    });
    job->start();
}

void CredentialStore::remove(CredentialKind kind, const QString &name, std::function<void(Status)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(QLatin1String(kService), this);
    job->setInsecureFallback(false);
    job->setKey(keyOf(kind, name));
    connect(job, &QKeychain::Job::finished, this, [this, kind, name, done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound) {
            done(Error{Error::Code::Io, jobError(finished, QStringLiteral("cannot remove %1").arg(name))});
            return;
        }
        forgetEntry(kind, name);
        done(success());
    });
    job->start();
}

void CredentialStore::storeEntry(const CredentialEntry &entry)
{
    QList<CredentialEntry> list = entries();
    list.removeIf([&](const CredentialEntry &e) { return e.kind == entry.kind && e.name == entry.name; });
    list.push_back(entry);
    writeEntries(list);
}

void CredentialStore::forgetEntry(CredentialKind kind, const QString &name)
{
    QList<CredentialEntry> list = entries();
    list.removeIf([&](const CredentialEntry &e) { return e.kind == kind && e.name == name; });
    writeEntries(list);
}

void CredentialStore::writeEntries(const QList<CredentialEntry> &list)
{
    m_settings->remove(QLatin1String(kGroup));
    m_settings->beginWriteArray(QLatin1String(kGroup), int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("kind"), kindName(list.at(i).kind));
        m_settings->setValue(QStringLiteral("name"), list.at(i).name);
        m_settings->setValue(QStringLiteral("user"), list.at(i).user);
    }
    m_settings->endArray();
    m_settings->sync();
    emit entriesChanged();
}

} // namespace studio
