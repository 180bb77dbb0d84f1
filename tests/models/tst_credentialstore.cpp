// SPDX-License-Identifier: MIT
// CredentialStore against a real Secret Service (gnome-keyring in a private D-Bus session started by
// with-secret-service.sh): credentials are saved, listed, read back by a new store, removed — and the
// settings file never holds a secret.

#include "credentials/CredentialStore.h"

#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

/// Runs one asynchronous store job to completion.
template<typename T, typename Start>
T wait(Start start)
{
    std::optional<T> result;
    QEventLoop loop;
    start([&](T value) {
        result = std::move(value);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

Status save(CredentialStore &store, const CredentialEntry &entry, const QString &secret)
{
    return wait<Status>([&](auto done) { store.save(entry, secret, done); });
}

Result<QString> read(CredentialStore &store, CredentialKind kind, const QString &name)
{
    return wait<Result<QString>>([&](auto done) { store.read(kind, name, done); });
}

Status remove(CredentialStore &store, CredentialKind kind, const QString &name)
{
    return wait<Status>([&](auto done) { store.remove(kind, name, done); });
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString settingsFile() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("no D-Bus session: run this test through tests/models/with-secret-service.sh (ctest does)");
    }

    void savesListsReadsAndRemoves()
    {
        const QString token = QStringLiteral("glpat-") + QStringLiteral("x7Hq2LmN9pRt4VwZ8bYc");
        const QString password = QStringLiteral("pr0m-p@ss w0rd");
        const QString cloudSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG/") + QStringLiteral("bPxRfiCYzzzKEY");
        {
            CredentialStore store(settingsFile());
            QSignalSpy changed(&store, &CredentialStore::entriesChanged);
            Status saved = save(store, {CredentialKind::GitHttps, QStringLiteral("gitlab.example.com"), QStringLiteral("ci")}, token);
            QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
            saved = save(store, {CredentialKind::Prometheus, QStringLiteral("prod"), QStringLiteral("grafana")}, password);
            QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
            saved = save(store, {CredentialKind::Cloud, QStringLiteral("aws:default"), QStringLiteral("AKIA-ID-IS-NOT-SECRET")}, cloudSecret);
            QVERIFY2(saved.ok(), qPrintable(saved.errorMessage()));
            QCOMPARE(changed.size(), 3);
        }

        // A new store (the next start of the studio) lists the entries and reads the secrets.
        CredentialStore store(settingsFile());
        const QList<CredentialEntry> expected{
            {CredentialKind::GitHttps, QStringLiteral("gitlab.example.com"), QStringLiteral("ci")},
            {CredentialKind::Prometheus, QStringLiteral("prod"), QStringLiteral("grafana")},
            {CredentialKind::Cloud, QStringLiteral("aws:default"), QStringLiteral("AKIA-ID-IS-NOT-SECRET")},
        };
        QCOMPARE(store.entries(), expected);
        QCOMPARE(read(store, CredentialKind::GitHttps, QStringLiteral("gitlab.example.com")).value_or(QString()), token);
        QCOMPARE(read(store, CredentialKind::Prometheus, QStringLiteral("prod")).value_or(QString()), password);
        QCOMPARE(read(store, CredentialKind::Cloud, QStringLiteral("aws:default")).value_or(QString()), cloudSecret);

        QFile settings(settingsFile());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QString stored = QString::fromUtf8(settings.readAll());
        QVERIFY(stored.contains(QStringLiteral("gitlab.example.com")));
        QVERIFY2(!stored.contains(token) && !stored.contains(QStringLiteral("pr0m")) && !stored.contains(cloudSecret), qPrintable(stored));

        // Saving again replaces the secret and keeps one entry.
        QVERIFY(save(store, {CredentialKind::Prometheus, QStringLiteral("prod"), QStringLiteral("grafana")}, QStringLiteral("rotated")).ok());
        QCOMPARE(store.entries().size(), 3);
        QCOMPARE(read(store, CredentialKind::Prometheus, QStringLiteral("prod")).value_or(QString()), QStringLiteral("rotated"));

        const Status removed = remove(store, CredentialKind::GitHttps, QStringLiteral("gitlab.example.com"));
        QVERIFY2(removed.ok(), qPrintable(removed.errorMessage()));
        QCOMPARE(store.entries().size(), 2);
        const Result<QString> gone = read(store, CredentialKind::GitHttps, QStringLiteral("gitlab.example.com"));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, Error::Code::NotFound);
        QVERIFY2(gone.errorMessage().contains(QStringLiteral("no credential 'gitlab.example.com'")), qPrintable(gone.errorMessage()));
    }

    void aNameIsRequired()
    {
        CredentialStore store(settingsFile());
        const Status saved = save(store, {CredentialKind::Cloud, QStringLiteral("  "), QString()}, QStringLiteral("x"));
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, Error::Code::Usage);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
