// SPDX-License-Identifier: MIT
// Secrets stopped at commit time in real Git repositories: what the index would commit is scanned, a
// finding refuses the commit (checked with the git CLI: no commit made), an override commits with a
// Secrets-Override trailer; a promotion is refused and its files restored.

#include "git/GitRepository.h"
#include "promote/Promoter.h"
#include "promote/PromotionPlan.h"
#include "secrets/CommitSecretGate.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Workspace.h"

#include "ProcessRunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using studio::test::git;

namespace {

// Assembled at run time so this source holds no secret a scanner would flag.
const QByteArray kAwsKey = QByteArray("AKIA") + "Z7QWERTYUIOPLKJH";
const QByteArray kKeyBody = "MIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmw";

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray privateKeyFile()
{
    QByteArray body;
    for (qsizetype i = 0; i < kKeyBody.size(); i += 64)
        body += kKeyBody.mid(i, 64) + '\n';
    return "-----BEGIN RSA " "PRIVATE KEY-----\n" + body + "-----END RSA " "PRIVATE KEY-----\n";
}

int commitCount(const QString &repo)
{
    return git(repo, {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("HEAD")}).text().toInt();
}

} // namespace

class TestCommitSecretGate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_dir;

    QString newRepository(const QString &name)
    {
        const QString repo = m_dir.filePath(name);
        if (git(m_dir.path(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main"), repo}).exitCode != 0)
            return {};
        git(repo, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Dev")});
        git(repo, {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("dev@example.com")});
        writeFile(repo + QStringLiteral("/README.md"), "# deploy\n");
        git(repo, {QStringLiteral("add"), QStringLiteral("README.md")});
        git(repo, {QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("start")});
        return repo;
    }

    /// Commits like the Git panel does: approve the message, then commit the index.
    static Result<QString> commitChecked(const QString &repo, const QString &message, bool allowSecrets)
    {
        const Result<QString> approved = CommitSecretGate::approve(repo, message, allowSecrets);
        if (!approved)
            return approved.error();
        Result<GitRepository> opened = GitRepository::open(repo);
        if (!opened)
            return opened.error();
        return opened.value().commit(approved.value());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid() && m_dir.isValid());
        studio::test::isolateGitConfiguration(m_home.path());
    }

    void plantedAwsKeyAndPrivateKeyAreRefused()
    {
        const QString repo = newRepository(QStringLiteral("refused"));
        QVERIFY(!repo.isEmpty());
        QVERIFY(writeFile(repo + QStringLiteral("/values-prod.yaml"), "replicas: 3\naws:\n  accessKeyId: " + kAwsKey + "\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/deploy/tls.key"), privateKeyFile()));
        QCOMPARE(git(repo, {QStringLiteral("add"), QStringLiteral(".")}).exitCode, 0);

        const Result<QString> committed = commitChecked(repo, QStringLiteral("Add prod values"), false);
        QVERIFY(!committed);
        QCOMPARE(committed.error().code, Error::Code::Refused);
        const QString message = committed.errorMessage();
        QVERIFY2(message.contains(QStringLiteral("values-prod.yaml:3:16 aws-access-key-id")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("deploy/tls.key:1:1 private-key")), qPrintable(message));
        QVERIFY2(!message.contains(QString::fromLatin1(kAwsKey)), qPrintable(message));
        QCOMPARE(commitCount(repo), 1);
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}).text(),
                 QStringLiteral("A  deploy/tls.key\nA  values-prod.yaml"));
    }

    void overrideCommitsWithTrailer()
    {
        const QString repo = newRepository(QStringLiteral("override"));
        QVERIFY(writeFile(repo + QStringLiteral("/values-prod.yaml"), "accessKeyId: " + kAwsKey + "\n"));
        QVERIFY(writeFile(repo + QStringLiteral("/deploy/tls.key"), privateKeyFile()));
        QCOMPARE(git(repo, {QStringLiteral("add"), QStringLiteral(".")}).exitCode, 0);

        const Result<QString> committed = commitChecked(repo, QStringLiteral("Add test fixtures"), true);
        QVERIFY2(committed.ok(), qPrintable(committed.errorMessage()));
        QCOMPARE(commitCount(repo), 2);
        QCOMPARE(git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%(trailers:key=Secrets-Override,valueonly)")})
                     .text(),
                 QStringLiteral("aws-access-key-id, private-key"));
        QCOMPARE(git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}).text(),
                 QStringLiteral("Add test fixtures"));
    }

    void theStagedVersionIsWhatCounts()
    {
        const QString repo = newRepository(QStringLiteral("staged"));
        const QString file = repo + QStringLiteral("/values.yaml");
        QVERIFY(writeFile(file, "accessKeyId: " + kAwsKey + "\n"));
        QCOMPARE(git(repo, {QStringLiteral("add"), QStringLiteral("values.yaml")}).exitCode, 0);
        QVERIFY(writeFile(file, "accessKeyId: from-the-vault\n")); // cleaned in the work tree only
        QVERIFY(!CommitSecretGate::approve(repo, QStringLiteral("x"), false));

        QCOMPARE(git(repo, {QStringLiteral("add"), QStringLiteral("values.yaml")}).exitCode, 0);
        QVERIFY(writeFile(file, "accessKeyId: " + kAwsKey + "\n")); // a secret not staged is not committed
        const Result<QString> approved = CommitSecretGate::approve(repo, QStringLiteral("Clean values"), false);
        QVERIFY2(approved.ok(), qPrintable(approved.errorMessage()));
        QCOMPARE(approved.value(), QStringLiteral("Clean values"));
    }

    void trailerJoinsAnExistingTrailerBlock()
    {
        const SecretFindings findings{{QStringLiteral("a"), 1, 1, QStringLiteral("jwt"), QString(), QString()}};
        QCOMPARE(CommitSecretGate::withOverrideTrailer(QStringLiteral("Subject\n\nBody\n\nPromoted-From: dev@abc"), findings),
                 QStringLiteral("Subject\n\nBody\n\nPromoted-From: dev@abc\nSecrets-Override: jwt\n"));
        QCOMPARE(CommitSecretGate::withOverrideTrailer(QStringLiteral("Subject"), findings),
                 QStringLiteral("Subject\n\nSecrets-Override: jwt\n"));
    }

    void promotionCarryingASecretIsRefusedAndRestored()
    {
        const QString repo = m_dir.filePath(QStringLiteral("demo"));
        const Status created = DemoWorkspace::create(repo);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        git(repo, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Dev")});
        git(repo, {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("dev@example.com")});
        QFile dev(repo + QStringLiteral("/charts/tunemantra/values-dev.yaml"));
        QVERIFY(dev.open(QIODevice::Append));
        dev.write("\nextraEnv:\n  - name: AWS_ACCESS_KEY_ID\n    value: " + kAwsKey + "\n");
        dev.close();
        QCOMPARE(git(repo, {QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("dev: a key for the importer")}).exitCode, 0);
        const int before = commitCount(repo);
        const QString staging = repo + QStringLiteral("/charts/tunemantra/values-staging.yaml");
        QFile original(staging);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray stagingBefore = original.readAll();
        original.close();

        const Workspace workspace = Workspace::discover(repo);
        const Result<PromotionPlan> plan = PromotionPlan::build(workspace, QStringLiteral("dev"), QStringLiteral("staging"));
        QVERIFY2(plan.ok(), qPrintable(plan.errorMessage()));
        PromotionOptions options;
        options.ids = {QStringLiteral("extraEnv")};
        options.commit = true;
        const Result<PromotionOutcome> refused = Promoter::run(workspace, plan.value(), options);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Refused);
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("charts/tunemantra/values-staging.yaml:")), qPrintable(refused.errorMessage()));
        QVERIFY2(refused.errorMessage().contains(QStringLiteral("aws-access-key-id")), qPrintable(refused.errorMessage()));
        QCOMPARE(commitCount(repo), before);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(original.readAll(), stagingBefore);
        original.close();
        QCOMPARE(git(repo, {QStringLiteral("status"), QStringLiteral("--porcelain")}).text(), QString());

        options.allowSecrets = true;
        const Result<PromotionOutcome> overridden = Promoter::run(workspace, plan.value(), options);
        QVERIFY2(overridden.ok(), qPrintable(overridden.errorMessage()));
        QCOMPARE(commitCount(repo), before + 1);
        const QString trailers = git(repo, {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%(trailers:only,unfold)")}).text();
        QVERIFY2(trailers.contains(QStringLiteral("Secrets-Override: aws-access-key-id")), qPrintable(trailers));
        QVERIFY2(trailers.contains(QStringLiteral("Promoted-From: dev@")), qPrintable(trailers));
    }
};

QTEST_GUILESS_MAIN(TestCommitSecretGate)
#include "tst_commitsecretgate.moc"
