// SPDX-License-Identifier: MIT
// The Git panel stops a commit that would add a plaintext secret (checked with the git CLI: nothing
// committed), names file, line and rule, and offers "Commit with secrets", which commits with a
// Secrets-Override trailer.

#include "GitPanel.h"

#include "git/GitStatusModel.h"

#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

QString git(const QString &repo, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("git"), QStringList{QStringLiteral("-C"), repo} + arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

QPushButton *button(const QWidget &parent, const QString &text)
{
    for (QPushButton *candidate : parent.findChildren<QPushButton *>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

} // namespace

class TestGitPanelSecrets : public QObject
{
    Q_OBJECT

private slots:
    void secretIsStoppedUntilOverridden()
    {
        QTemporaryDir dir;
        const QString repo = dir.path();
        git(repo, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")});
        git(repo, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Dev")});
        git(repo, {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("dev@example.com")});
        QFile values(repo + QStringLiteral("/values-prod.yaml"));
        QVERIFY(values.open(QIODevice::WriteOnly));
        values.write("replicas: 3\ndatabase:\n  url: postgresql://app:" + QByteArray("Xq7rT2vLp9Wm") + "@db:5432/app\n");
        values.close();
        git(repo, {QStringLiteral("add"), QStringLiteral("values-prod.yaml")});

        GitPanel panel;
        panel.show();
        panel.setRepository(repo);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy() && panel.model()->rowCount() == 1, 20000);
        QPushButton *override = button(panel, QStringLiteral("Commit with secrets"));
        QVERIFY(override);
        QVERIFY(!override->isVisible());

        QSignalSpy finished(&panel, &GitPanel::operationFinished);
        panel.commit(QStringLiteral("prod: point at the new database"));
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY2(panel.statusText().contains(QStringLiteral("values-prod.yaml:3:")) && panel.statusText().contains(QStringLiteral("database-url-password")),
                 qPrintable(panel.statusText()));
        QVERIFY(!panel.statusText().contains(QStringLiteral("Xq7rT2vLp9Wm")));
        QVERIFY(override->isVisible());
        QPushButton *seal = button(panel, QStringLiteral("Seal secrets…"));
        QVERIFY(seal && seal->isVisible());
        QSignalSpy sealRequested(&panel, &GitPanel::sealRequested);
        seal->click();
        QCOMPARE(sealRequested.size(), 1);
        QCOMPARE(git(repo, {QStringLiteral("rev-list"), QStringLiteral("--all"), QStringLiteral("--count")}), QStringLiteral("0"));

        override->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(panel.statusText()));
        QVERIFY(!override->isVisible());
        QVERIFY(!seal->isVisible());
        QCOMPARE(git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}), QStringLiteral("prod: point at the new database"));
        QCOMPARE(git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%(trailers:key=Secrets-Override,valueonly)")}),
                 QStringLiteral("database-url-password"));
    }
};

QTEST_MAIN(TestGitPanelSecrets)
#include "tst_gitpanelsecrets.moc"
