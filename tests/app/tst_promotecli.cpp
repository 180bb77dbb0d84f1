// SPDX-License-Identifier: MIT
// promote, history and rollback through the real CLI, on a real Git repository with a file:// bare
// remote, checked with the git CLI (log, show, status, fsck, verify-commit) and ssh-keygen keys.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "ProcessRun.h"

namespace {

const QString kCli = QStringLiteral(DEPLOY_STUDIO_CLI);

/// Runs a program with HOME pointing at `home` (so no developer's global Git config leaks in).
Run run(const QString &program, const QStringList &arguments, const QString &home, const QString &cwd = QString())
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.remove(QStringLiteral("GIT_CONFIG_GLOBAL"));
    env.insert(QStringLiteral("GIT_AUTHOR_DATE"), QString()); // let git use now
    return runProcess(program, arguments, cwd, env);
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestPromoteCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_home;
    QString m_key;

    Run cli(const QStringList &arguments) { return run(kCli, arguments, m_home); }
    Run git(const QString &repo, const QStringList &arguments) { return run(QStringLiteral("git"), QStringList{QStringLiteral("-C"), repo} + arguments, m_home); }

    /// A fresh demo with a Git identity in its own config.
    QString demo(const QString &name)
    {
        const QString repo = m_tmp.filePath(name);
        if (cli({QStringLiteral("demo"), repo}).exitCode != 0)
            return {};
        git(repo, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Release Bot")});
        git(repo, {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("release@example.com")});
        return repo;
    }

    QStringList promoteTagToProd(const QString &repo)
    {
        return {QStringLiteral("promote"), repo, QStringLiteral("--from"), QStringLiteral("staging"), QStringLiteral("--to"),
                QStringLiteral("prod"), QStringLiteral("--only"), QStringLiteral("image.tag"), QStringLiteral("--only"),
                QStringLiteral("images")};
    }

private slots:
    void initTestCase()
    {
        m_home = m_tmp.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(m_home));
        m_key = m_tmp.filePath(QStringLiteral("release_key"));
        const Run keygen = run(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                              QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                                                              QStringLiteral("release@example.com"), QStringLiteral("-f"), m_key},
                               m_home);
        QVERIFY2(keygen.exitCode == 0, qPrintable(keygen.describe()));
    }

    void dryRunPrintsTheFileDiffAndWritesNothing()
    {
        const QString repo = demo(QStringLiteral("dry"));
        const Run r = cli(promoteTagToProd(repo) << QStringLiteral("--dry-run"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("--- a/charts/tunemantra/values-prod.yaml\n+++ b/charts/tunemantra/values-prod.yaml\n")));
        QVERIFY(r.out.contains(QStringLiteral("\n-  tag: latest\n+  tag: 1.8.0\n")));
        QVERIFY(r.out.contains(QStringLiteral("\n-    newTag: 1.7.2\n+    newTag: 1.8.0\n")));
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    }

    void aProtectedEnvironmentNeedsASignedCommit()
    {
        const QString repo = demo(QStringLiteral("unsigned"));
        const Run r = cli(promoteTagToProd(repo) << QStringLiteral("--commit"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("protected")) && r.err.contains(QStringLiteral("--sign-key")), qPrintable(r.describe()));
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    }

    void signedPromotionLandsOnTheRemote()
    {
        const QString repo = demo(QStringLiteral("signed"));
        const QString sourceHead = git(repo, {QStringLiteral("rev-parse"), QStringLiteral("--short=7"), QStringLiteral("HEAD")}).out.trimmed();
        const Run r = cli(promoteTagToProd(repo) << QStringLiteral("--push") << QStringLiteral("--sign-key") << m_key);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("(signed)")));
        QVERIFY(r.out.contains(QStringLiteral("pushed to origin")));

        const QString message = git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%B")}).out;
        QVERIFY2(message.startsWith(QStringLiteral("promote(staging→prod): image.tag latest → 1.8.0, image tunemantra/app 1.7.2 → 1.8.0\n")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Promoted-From: staging@") + sourceHead), qPrintable(message));
        QCOMPARE(git(repo, {QStringLiteral("show"), QStringLiteral("--stat"), QStringLiteral("--format="), QStringLiteral("HEAD")}).out,
                 QStringLiteral(" charts/tunemantra/values-prod.yaml      | 2 +-\n deploy/overlays/prod/kustomization.yaml | 2 +-\n"
                                " 2 files changed, 2 insertions(+), 2 deletions(-)\n"));

        // git verifies the SSH signature against an allowed-signers file.
        const QString allowed = m_tmp.filePath(QStringLiteral("allowed_signers"));
        QFile file(allowed);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("release@example.com " + readFile(m_key + QStringLiteral(".pub")).toUtf8());
        file.close();
        const Run verify = git(repo, {QStringLiteral("-c"), QStringLiteral("gpg.format=ssh"), QStringLiteral("-c"),
                                      QStringLiteral("gpg.ssh.allowedSignersFile=") + allowed, QStringLiteral("verify-commit"),
                                      QStringLiteral("HEAD")});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));

        // The bare remote has the commit; the work tree is clean; the repository is sound.
        const QString local = git(repo, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out;
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("--git-dir"), repo + QStringLiteral(".git"), QStringLiteral("rev-parse"),
                                             QStringLiteral("main")}, m_home).out, local);
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
        QCOMPARE(git(repo, {QStringLiteral("fsck"), QStringLiteral("--no-progress")}).exitCode, 0);

        // History marks it; rollback reverts it as a new signed commit and pushes.
        const Run history = cli({QStringLiteral("history"), repo, QStringLiteral("--env"), QStringLiteral("prod"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(history.exitCode == 0, qPrintable(history.describe()));
        const QJsonArray entries = QJsonDocument::fromJson(history.out.toUtf8()).array();
        QVERIFY(entries.size() >= 3);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("promotion")).toBool(), true);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("promotedFrom")).toString(), QStringLiteral("staging@") + sourceHead);
        bool earlierPromotion = false;
        for (const QJsonValue &e : entries)
            earlierPromotion = earlierPromotion || e.toObject().value(QLatin1String("subject")).toString().startsWith(QStringLiteral("Promote 1.7.2"));
        QVERIFY(earlierPromotion);

        const Run rollback = cli({QStringLiteral("rollback"), repo, QStringLiteral("HEAD"), QStringLiteral("--push"),
                                  QStringLiteral("--sign-key"), m_key});
        QVERIFY2(rollback.exitCode == 0, qPrintable(rollback.describe()));
        QVERIFY(readFile(repo + QStringLiteral("/charts/tunemantra/values-prod.yaml")).contains(QStringLiteral("tag: latest")));
        QVERIFY(git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}).out.startsWith(QStringLiteral("Revert \"promote(")));
        QCOMPARE(git(repo, {QStringLiteral("diff"), QStringLiteral("HEAD~2"), QStringLiteral("--stat")}).out, QString());
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    }

    void aPromotionThatBreaksTheTargetIsRefused()
    {
        const QString repo = demo(QStringLiteral("breaks"));
        const Run r = cli({QStringLiteral("promote"), repo, QStringLiteral("--from"), QStringLiteral("dev"), QStringLiteral("--to"),
                           QStringLiteral("staging"), QStringLiteral("--only"),
                           QStringLiteral("autoscaling.targetCPUUtilizationPercentage"), QStringLiteral("--commit")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("refused")) && r.err.contains(QStringLiteral("values-staging.yaml")), qPrintable(r.describe()));
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    }

    void aRejectedPushKeepsTheCommitAndSaysWhy()
    {
        const QString repo = demo(QStringLiteral("rejected"));
        // Someone else pushes first.
        const QString other = m_tmp.filePath(QStringLiteral("other"));
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("clone"), QStringLiteral("-q"), repo + QStringLiteral(".git"), other}, m_home).exitCode, 0);
        QFile readme(other + QStringLiteral("/README.md"));
        QVERIFY(readme.open(QIODevice::Append));
        readme.write("\nEdited elsewhere.\n");
        readme.close();
        QCOMPARE(git(other, {QStringLiteral("-c"), QStringLiteral("user.name=O"), QStringLiteral("-c"), QStringLiteral("user.email=o@example.com"),
                             QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("docs")}).exitCode, 0);
        QCOMPARE(git(other, {QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), QStringLiteral("main")}).exitCode, 0);

        const Run r = cli(promoteTagToProd(repo) << QStringLiteral("--push") << QStringLiteral("--sign-key") << m_key);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("push refused")) && r.err.contains(QStringLiteral("kept locally")), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("fetch"), Qt::CaseInsensitive), qPrintable(r.describe()));
        // The promotion commit is still the local HEAD.
        QVERIFY(git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}).out.startsWith(QStringLiteral("promote(staging→prod)")));
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    }

    void aMissingIdentitySaysHowToSetIt()
    {
        const QString repo = m_tmp.filePath(QStringLiteral("anonymous"));
        QCOMPARE(cli({QStringLiteral("demo"), repo}).exitCode, 0);
        const Run r = cli(promoteTagToProd(repo) << QStringLiteral("--commit") << QStringLiteral("--sign-key") << m_key);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("git config")) && r.err.contains(QStringLiteral("user.name")), qPrintable(r.describe()));
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());
    }
};

QTEST_GUILESS_MAIN(TestPromoteCli)
#include "tst_promotecli.moc"
