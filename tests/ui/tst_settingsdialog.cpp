// SPDX-License-Identifier: MIT
// Tools → Settings against real tools: credentials go to a real Secret Service (gnome-keyring in a
// private D-Bus session, started by tests/models/with-secret-service.sh) and never into the settings
// file; the SSH page shows the fingerprint `ssh-keygen -lf` shows and writes an allowed_signers file.

#include "CredentialsPage.h"
#include "SettingsDialog.h"
#include "SshKeysPage.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("no D-Bus session: run this test through tests/models/with-secret-service.sh (ctest does)");
    }

    void credentialsAreListedAddedAndRemoved()
    {
        const QString settings = m_dir.filePath(QStringLiteral("settings.ini"));
        SettingsDialog dialog(m_dir.path(), nullptr, settings);
        dialog.show();
        CredentialsPage *page = dialog.credentialsPage();
        QSignalSpy finished(page, &CredentialsPage::jobFinished);
        const QString token = QStringLiteral("ghp_") + QStringLiteral("Zq8Lm3Vt7Rw2Xy6Pb4Nc1Hd9Kf5Sg0Ja2Ue7Oi");
        page->add(CredentialKind::GitHttps, QStringLiteral("github.com"), QStringLiteral("deploy-bot"), token);
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(page->statusText()));
        page->add(CredentialKind::Prometheus, QStringLiteral("prod"), QStringLiteral("grafana"), QStringLiteral("pr0m-secret"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(page->list()->rowCount(), 2);
        QCOMPARE(page->list()->item(0, 0)->text(), QStringLiteral("Git HTTPS token"));
        QCOMPARE(page->list()->item(0, 1)->text(), QStringLiteral("github.com"));
        QCOMPARE(page->list()->item(0, 2)->text(), QStringLiteral("deploy-bot"));
        QCOMPARE(page->list()->item(1, 1)->text(), QStringLiteral("prod"));

        QFile file(settings);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("github.com"));
        QVERIFY2(!stored.contains(token.toUtf8()) && !stored.contains("pr0m-secret"), stored.constData());
        if (const QString shots = qEnvironmentVariable("STUDIO_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog.grab().save(shots + QStringLiteral("/settings-credentials.png"));

        page->list()->selectRow(0);
        page->removeSelected();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(page->statusText()));
        QCOMPARE(page->list()->rowCount(), 1);
        QCOMPARE(page->list()->item(0, 1)->text(), QStringLiteral("prod"));
    }

    void sshPageShowsFingerprintAndWritesAllowedSigners()
    {
        const QString key = m_dir.filePath(QStringLiteral("id_ed25519"));
        run(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                                           QString(), QStringLiteral("-C"), QStringLiteral("dev@laptop"), QStringLiteral("-f"), key});
        const QString expected = run(QStringLiteral("ssh-keygen"), {QStringLiteral("-lf"), key + QStringLiteral(".pub")}).section(u' ', 1, 1);
        QVERIFY(expected.startsWith(QStringLiteral("SHA256:")));

        SettingsDialog dialog(m_dir.path(), nullptr, m_dir.filePath(QStringLiteral("settings2.ini")));
        dialog.tabs()->setCurrentIndex(1);
        dialog.show();
        SshKeysPage *page = dialog.sshKeysPage();
        QSignalSpy shown(page, &SshKeysPage::keyShown);
        page->showKey(key + QStringLiteral(".pub"));
        QVERIFY(shown.wait(20000));
        QVERIFY2(page->fingerprintText().contains(expected), qPrintable(page->fingerprintText()));
        QVERIFY(page->fingerprintText().contains(QStringLiteral("dev@laptop")));

        page->addSigner(QStringLiteral("dev@example.com"), key + QStringLiteral(".pub"));
        QSignalSpy written(page, &SshKeysPage::allowedSignersWritten);
        const QString allowed = m_dir.filePath(QStringLiteral("allowed_signers"));
        page->writeAllowedSigners(allowed);
        QVERIFY(written.wait(20000));
        QVERIFY2(written.last().at(0).toBool(), qPrintable(page->statusText()));
        QFile file(allowed);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith("dev@example.com namespaces=\"git\" ssh-ed25519 AAAA"));
        if (const QString shots = qEnvironmentVariable("STUDIO_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog.grab().save(shots + QStringLiteral("/settings-ssh.png"));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
