// SPDX-License-Identifier: MIT
// `deploy-studio-cli scan` as CI runs it: exit codes, masked findings in text and JSON, SARIF checked
// by the independent validator (tests/peers/validate-sarif.mjs), and `promote --allow-secrets`.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ProcessRun.h"

namespace {

const QString kCli = QStringLiteral(DEPLOY_STUDIO_CLI);
const QString kPeersDir = QDir::cleanPath(QStringLiteral(STUDIO_TEST_DATA_DIR "/../peers"));
// Assembled at run time so this source holds no secret a scanner would flag.
const QByteArray kAwsKey = QByteArray("AKIA") + "Z7QWERTYUIOPLKJH";
const QByteArray kGithubToken = QByteArray("ghp_") + "4Jr8Qm2ZtXw9LcV1bN7pK3sYhD6fE0aGuT5i";

Run cli(const QStringList &arguments)
{
    return runProcess(kCli, arguments);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestScanCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_tree;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_tree = m_tmp.filePath(QStringLiteral("tree"));
        QVERIFY(writeFile(m_tree + QStringLiteral("/env/prod/values.yaml"), "replicas: 3\naws:\n  accessKeyId: " + kAwsKey + "\n"));
        QVERIFY(writeFile(m_tree + QStringLiteral("/ci/release.env"), "GITHUB_TOKEN=" + kGithubToken + "\n"));
        QVERIFY(writeFile(m_tree + QStringLiteral("/env/dev/values.yaml"), "replicas: 1\npassword: ${DB_PASSWORD}\n"));
        QVERIFY(writeFile(m_tree + QStringLiteral("/.git/config"), "token=" + kGithubToken + "\n"));
    }

    void textNamesFileLineRuleAndMasksTheSecret()
    {
        const Run r = cli({QStringLiteral("scan"), m_tree});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("ci/release.env:1:14: error: GitHub personal access token in plain text: "
                                               "GITHUB_TOKEN=ghp_****")),
                 qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("env/prod/values.yaml:3:16: error: AWS access key ID")), qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("[aws-access-key-id]")));
        QVERIFY(r.out.contains(QStringLiteral("2 error(s)")));
        QVERIFY(!r.out.contains(QString::fromLatin1(kAwsKey)));
        QVERIFY(!r.out.contains(QString::fromLatin1(kGithubToken)));
        QVERIFY2(!r.out.contains(QStringLiteral(".git")), qPrintable(r.out));
    }

    void cleanFilesExitZero()
    {
        const Run r = cli({QStringLiteral("scan"), m_tree + QStringLiteral("/env/dev")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("0 error(s)")));
    }

    void jsonCarriesEachField()
    {
        const Run r = cli({QStringLiteral("scan"), m_tree, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(root.value(QLatin1String("summary")).toObject().value(QLatin1String("findings")).toInt(), 2);
        const QJsonObject first = root.value(QLatin1String("findings")).toArray().at(0).toObject();
        QCOMPARE(first.value(QLatin1String("file")).toString(), QStringLiteral("ci/release.env"));
        QCOMPARE(first.value(QLatin1String("line")).toInt(), 1);
        QCOMPARE(first.value(QLatin1String("column")).toInt(), 14);
        QCOMPARE(first.value(QLatin1String("rule")).toString(), QStringLiteral("github-pat"));
        QCOMPARE(first.value(QLatin1String("description")).toString(), QStringLiteral("GitHub personal access token"));
        QCOMPARE(first.value(QLatin1String("excerpt")).toString(), QStringLiteral("GITHUB_TOKEN=ghp_****"));
    }

    void sarifIsValidSarif()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QFAIL("node (Node.js >= 20) is not on PATH: install it, then run `npm ci` in tests/peers");
        const QString validator = kPeersDir + QStringLiteral("/validate-sarif.mjs");
        if (!QFileInfo(kPeersDir + QStringLiteral("/node_modules/ajv")).isDir())
            QFAIL(qPrintable(QStringLiteral("the SARIF validator's packages are not installed: run `npm ci` in %1").arg(kPeersDir)));
        const Run r = cli({QStringLiteral("scan"), m_tree, QStringLiteral("--format"), QStringLiteral("sarif")});
        QCOMPARE(r.exitCode, 1);
        const QString file = m_tmp.filePath(QStringLiteral("scan.sarif"));
        QVERIFY(writeFile(file, r.out.toUtf8()));
        const Run validated = runProcess(node, {validator, file});
        QVERIFY2(validated.exitCode == 0, qPrintable(validated.describe()));

        const QJsonObject run = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("runs")).toArray().at(0).toObject();
        const QJsonArray rules = run.value(QLatin1String("tool")).toObject().value(QLatin1String("driver")).toObject().value(QLatin1String("rules")).toArray();
        QCOMPARE(rules.size(), 2);
        QCOMPARE(rules.at(0).toObject().value(QLatin1String("id")).toString(), QStringLiteral("aws-access-key-id"));
        QCOMPARE(rules.at(0).toObject().value(QLatin1String("shortDescription")).toObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("AWS access key ID."));
        QCOMPARE(run.value(QLatin1String("results")).toArray().size(), 2);
    }

    void listRulesAsJson()
    {
        const Run r = cli({QStringLiteral("scan"), QStringLiteral("--list-rules"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rules = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("rules")).toArray();
        QVERIFY(rules.size() >= 18);
        QStringList ids;
        for (const QJsonValue &rule : rules)
            ids << rule.toObject().value(QLatin1String("id")).toString();
        for (const char *id : {"aws-access-key-id", "aws-secret-access-key", "github-pat", "gitlab-pat", "slack-webhook-url",
                               "stripe-access-token", "gcp-api-key", "private-key", "jwt", "generic-secret",
                               "database-url-password", "azure-storage-key"})
            QVERIFY2(ids.contains(QString::fromLatin1(id)), id);
    }

    void usageErrors()
    {
        QCOMPARE(cli({QStringLiteral("scan")}).exitCode, 2);
        const Run missing = cli({QStringLiteral("scan"), m_tmp.filePath(QStringLiteral("nope"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("does not exist")));
        QCOMPARE(cli({QStringLiteral("scan"), m_tree, QStringLiteral("--format"), QStringLiteral("xml")}).exitCode, 2);
    }

    void promoteRefusesSecretsUnlessAllowed()
    {
        const QString repo = m_tmp.filePath(QStringLiteral("demo"));
        QCOMPARE(cli({QStringLiteral("demo"), repo}).exitCode, 0);
        auto git = [&](const QStringList &arguments) { return runProcess(QStringLiteral("git"), QStringList{QStringLiteral("-C"), repo} + arguments); };
        git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Dev")});
        git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("dev@example.com")});
        QFile dev(repo + QStringLiteral("/charts/tunemantra/values-dev.yaml"));
        QVERIFY(dev.open(QIODevice::Append));
        dev.write("\nextraEnv:\n  - name: AWS_ACCESS_KEY_ID\n    value: " + kAwsKey + "\n");
        dev.close();
        QCOMPARE(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("dev key")}).exitCode, 0);
        const QString head = git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out;
        const QStringList promote{QStringLiteral("promote"), repo, QStringLiteral("--from"), QStringLiteral("dev"),
                                  QStringLiteral("--to"), QStringLiteral("staging"), QStringLiteral("--only"),
                                  QStringLiteral("extraEnv"), QStringLiteral("--commit")};
        const Run refused = cli(promote);
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains(QStringLiteral("charts/tunemantra/values-staging.yaml:")) && refused.err.contains(QStringLiteral("aws-access-key-id")),
                 qPrintable(refused.describe()));
        QCOMPARE(git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out, head);
        QCOMPARE(git({QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());

        const Run allowed = cli(promote + QStringList{QStringLiteral("--allow-secrets")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.describe()));
        QCOMPARE(git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%(trailers:key=Secrets-Override,valueonly)")}).out.trimmed(),
                 QStringLiteral("aws-access-key-id"));
    }

    void rollbackRefusesSecretsItBringsBack()
    {
        const QString repo = m_tmp.filePath(QStringLiteral("rollback"));
        QCOMPARE(cli({QStringLiteral("demo"), repo}).exitCode, 0);
        auto git = [&](const QStringList &arguments) { return runProcess(QStringLiteral("git"), QStringList{QStringLiteral("-C"), repo} + arguments); };
        git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Dev")});
        git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("dev@example.com")});
        // A key committed by hand (no gate), then removed: rolling back the removal would bring it back.
        const QString values = repo + QStringLiteral("/charts/tunemantra/values-staging.yaml");
        QFile file(values);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray clean = file.readAll();
        file.close();
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(clean + "\nextraEnv:\n  - name: AWS_ACCESS_KEY_ID\n    value: " + kAwsKey + "\n");
        file.close();
        QCOMPARE(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("add a key")}).exitCode, 0);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(clean);
        file.close();
        QCOMPARE(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("remove the key")}).exitCode, 0);
        const QString head = git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out;

        const QStringList rollback{QStringLiteral("rollback"), repo, head.trimmed()};
        const Run refused = cli(rollback);
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains(QStringLiteral("charts/tunemantra/values-staging.yaml:")) && refused.err.contains(QStringLiteral("aws-access-key-id")),
                 qPrintable(refused.describe()));
        QCOMPARE(git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).out, head);
        QCOMPARE(git({QStringLiteral("status"), QStringLiteral("--porcelain")}).out, QString());

        const Run allowed = cli(rollback + QStringList{QStringLiteral("--allow-secrets")});
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.describe()));
        QCOMPARE(git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%(trailers:key=Secrets-Override,valueonly)")}).out.trimmed(),
                 QStringLiteral("aws-access-key-id"));
        QVERIFY(git({QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}).out.startsWith(QStringLiteral("Revert \"remove the key\"")));
    }
};

QTEST_GUILESS_MAIN(TestScanCli)
#include "tst_scancli.moc"
