// SPDX-License-Identifier: MIT
// deploy-studio-cli as a user and a CI job run it: the real binary through QProcess, its exit codes,
// what it prints on stdout and stderr, and its SARIF checked by an independent validator
// (tests/peers/validate-sarif.mjs, the SARIF 2.1.0 schema from Microsoft's SARIF SDK).

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ProcessRun.h"

namespace {

const QString kCli = QStringLiteral(DEPLOY_STUDIO_CLI);
const QString kKubernetesSchemas = QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes");
const QString kCrdTemplate =
    QStringLiteral(STUDIO_SHARED_DIR "/schemas/crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json");
const QString kPeersDir = QDir::cleanPath(QStringLiteral(STUDIO_TEST_DATA_DIR "/../peers"));

Run run(const QString &program, const QStringList &arguments, const QString &workingDirectory = QString())
{
    return runProcess(program, arguments, workingDirectory);
}

Run cli(const QStringList &arguments, const QString &workingDirectory = QString())
{
    return run(kCli, arguments, workingDirectory);
}

QStringList schemaArguments()
{
    return {QStringLiteral("--schema-location"), kKubernetesSchemas, QStringLiteral("--schema-location"), kCrdTemplate};
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// "file:line:col: severity: message [rule]"
const QRegularExpression kCompilerLine(QStringLiteral(R"(^([^:\s]+):(\d+):(\d+): (error|warning|note): (.+) \[([a-z-]+)\]$)"));

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_demo;
    Run m_demoRun;

    Run check(const QStringList &extra)
    {
        return cli(QStringList{QStringLiteral("check"), m_demo} + schemaArguments() + extra, m_tmp.path());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(kCli).isExecutable(), qPrintable(kCli));
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.path() + QStringLiteral("/demo");
        m_demoRun = cli({QStringLiteral("demo"), m_demo});
    }

    void version()
    {
        const Run r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("deploy-studio-cli 0.1.0\n"));
        QVERIFY(r.err.isEmpty());
    }

    void noArgumentsIsAUsageError()
    {
        const Run r = cli({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2((r.out + r.err).contains(QStringLiteral("usage: deploy-studio-cli")), qPrintable(r.describe()));
    }

    void unknownCommandIsAUsageError()
    {
        const Run r = cli({QStringLiteral("frobnicate"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("unknown command 'frobnicate'")), qPrintable(r.describe()));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    }

    void demoCreatesARepositoryAndItsRemote()
    {
        QVERIFY2(m_demoRun.exitCode == 0, qPrintable(m_demoRun.describe()));
        QVERIFY(QFileInfo(m_demo).isDir());
        QVERIFY(QFileInfo(m_demo + QStringLiteral("/.git")).isDir());
        QVERIFY(QFileInfo::exists(m_demo + QStringLiteral("/.deploy-studio.yaml")));
        QVERIFY(QFileInfo(m_demo + QStringLiteral(".git")).isDir());
        QVERIFY(QFileInfo::exists(m_demo + QStringLiteral(".git/HEAD")));
        QVERIFY2(m_demoRun.out.contains(m_demo), qPrintable(m_demoRun.describe()));
        // The remote really has the branch: git agrees.
        const Run remoteLog = run(QStringLiteral("git"), {QStringLiteral("--git-dir"), m_demo + QStringLiteral(".git"),
                                                          QStringLiteral("log"), QStringLiteral("--oneline"),
                                                          QStringLiteral("main")});
        QCOMPARE(remoteLog.exitCode, 0);
        QVERIFY(remoteLog.out.count(u'\n') >= 5);
    }

    void demoIntoANonEmptyFolderIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + QStringLiteral("/keep.txt"), "mine\n"));
        const Run r = cli({QStringLiteral("demo"), dir.path()});
        QVERIFY2(r.exitCode != 0, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(dir.path()) && r.err.contains(QStringLiteral("not empty")), qPrintable(r.describe()));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("keep.txt")});
        QCOMPARE(r.exitCode, 1);
    }

    void envsJsonListsEnvironmentsInOrder()
    {
        const Run r = cli({QStringLiteral("envs"), m_demo, QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray envs = doc.object().value(QLatin1String("environments")).toArray();
        QStringList names;
        for (const QJsonValue &env : envs)
            names << env.toObject().value(QLatin1String("name")).toString();
        QCOMPARE(names, (QStringList{"dev", "staging", "prod"}));
        const QJsonObject prod = envs.at(2).toObject();
        QCOMPARE(prod.value(QLatin1String("protected")).toBool(), true);
        QCOMPARE(envs.at(0).toObject().value(QLatin1String("protected")).toBool(), false);
        QCOMPARE(prod.value(QLatin1String("values")).toArray().last().toString(),
                 QStringLiteral("charts/tunemantra/values-prod.yaml"));
        QCOMPARE(prod.value(QLatin1String("argocd")).toString(), QStringLiteral("argocd/tunemantra-prod.yaml"));
        QCOMPARE(prod.value(QLatin1String("namespace")).toString(), QStringLiteral("tunemantra-prod"));
        QVERIFY(doc.object().value(QLatin1String("problems")).toArray().isEmpty());
    }

    void envsText()
    {
        const Run r = cli({QStringLiteral("envs"), m_demo});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QStringList headings = r.out.split(u'\n').filter(QRegularExpression(QStringLiteral("^\\d+\\. ")));
        QCOMPARE(headings, (QStringList{"1. dev", "2. staging", "3. prod (protected)"}));
    }

    void checkPrintsCompilerStyleFindings()
    {
        const Run r = check({});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 4, qPrintable(r.describe()));
        QCOMPARE(lines.takeLast(), QStringLiteral("2 error(s), 1 warning(s)"));
        QStringList found;
        for (const QString &line : std::as_const(lines)) {
            const QRegularExpressionMatch m = kCompilerLine.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            found << QStringLiteral("%1:%2:%3 %4 %5").arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4),
                                                          m.captured(6));
        }
        QCOMPARE(found, (QStringList{"charts/tunemantra/values-dev.yaml:29:3 error values-schema",
                                     "charts/tunemantra/values-prod.yaml:10:3 warning latest-tag",
                                     "deploy/base/service.yaml:18:3 error schema"}));
        QVERIFY2(lines.at(0).contains(QStringLiteral("targetCPUUtilizationPercentage")), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(2).contains(QStringLiteral("unknown field 'sessionAfinity'")), qPrintable(lines.at(2)));
        QVERIFY(r.err.isEmpty());
    }

    void checkOneEnvironment()
    {
        const Run r = check({QStringLiteral("--env"), QStringLiteral("staging")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.out.startsWith(QStringLiteral("deploy/base/service.yaml:18:3: error: ")), qPrintable(r.out));
        QVERIFY2(r.out.endsWith(QStringLiteral("1 error(s), 0 warning(s)\n")), qPrintable(r.out));
    }

    void checkJson()
    {
        const Run r = check({QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("errors")).toInt(-1), 2);
        QCOMPARE(summary.value(QLatin1String("warnings")).toInt(-1), 1);
        const QJsonArray diagnostics = root.value(QLatin1String("diagnostics")).toArray();
        QCOMPARE(diagnostics.size(), 3);
        for (const QJsonValue &value : diagnostics) {
            const QJsonObject d = value.toObject();
            for (const char *key : {"file", "severity", "rule", "path", "message", "environment"})
                QVERIFY2(d.value(QLatin1String(key)).isString(), key);
            for (const char *key : {"line", "column"})
                QVERIFY2(d.value(QLatin1String(key)).isDouble() && d.value(QLatin1String(key)).toInt() > 0, key);
            QVERIFY(!d.value(QLatin1String("message")).toString().isEmpty());
        }
        const QJsonObject cpu = diagnostics.at(0).toObject();
        QCOMPARE(cpu.value(QLatin1String("file")).toString(), QStringLiteral("charts/tunemantra/values-dev.yaml"));
        QCOMPARE(cpu.value(QLatin1String("line")).toInt(), 29);
        QCOMPARE(cpu.value(QLatin1String("column")).toInt(), 3);
        QCOMPARE(cpu.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(cpu.value(QLatin1String("rule")).toString(), QStringLiteral("values-schema"));
        QCOMPARE(cpu.value(QLatin1String("path")).toString(),
                 QStringLiteral("autoscaling.targetCPUUtilizationPercentage"));
        QCOMPARE(cpu.value(QLatin1String("environment")).toString(), QStringLiteral("dev"));
        const QJsonObject latest = diagnostics.at(1).toObject();
        QCOMPARE(latest.value(QLatin1String("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(latest.value(QLatin1String("environment")).toString(), QStringLiteral("prod"));
        const QJsonObject typo = diagnostics.at(2).toObject();
        QCOMPARE(typo.value(QLatin1String("path")).toString(), QStringLiteral("spec.sessionAfinity"));
        QCOMPARE(typo.value(QLatin1String("environment")).toString(), QString());
    }

    void checkSarifIsValidSarif()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QFAIL("node (Node.js >= 20) is not on PATH: install it, then run `npm ci` in tests/peers");
        const QString validator = kPeersDir + QStringLiteral("/validate-sarif.mjs");
        QVERIFY2(QFileInfo::exists(validator), qPrintable(validator));
        if (!QFileInfo(kPeersDir + QStringLiteral("/node_modules/@microsoft/sarif-multitool-ts")).isDir()
            || !QFileInfo(kPeersDir + QStringLiteral("/node_modules/ajv")).isDir())
            QFAIL(qPrintable(QStringLiteral("the SARIF validator's packages are not installed: run `npm ci` in %1")
                                 .arg(kPeersDir)));

        // The validator is not a rubber stamp: it rejects a broken log.
        const Run rejected = run(node, {validator, kPeersDir + QStringLiteral("/examples/invalid-level.sarif")});
        QVERIFY2(rejected.exitCode == 1, qPrintable(rejected.describe()));

        const Run r = check({QStringLiteral("--format"), QStringLiteral("sarif")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        const QString file = m_tmp.path() + QStringLiteral("/check.sarif");
        QVERIFY(writeFile(file, r.out.toUtf8()));
        const Run validated = run(node, {validator, file});
        QVERIFY2(validated.exitCode == 0, qPrintable(validated.describe()));

        const QJsonObject log = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(log.value(QLatin1String("version")).toString(), QStringLiteral("2.1.0"));
        const QJsonObject runObject = log.value(QLatin1String("runs")).toArray().at(0).toObject();
        const QJsonArray results = runObject.value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 3);
        const QJsonObject first = results.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("ruleId")).toString(), QStringLiteral("values-schema"));
        QCOMPARE(first.value(QLatin1String("level")).toString(), QStringLiteral("error"));
        const QJsonObject location =
            first.value(QLatin1String("locations")).toArray().at(0).toObject().value(QLatin1String("physicalLocation")).toObject();
        QCOMPARE(location.value(QLatin1String("artifactLocation")).toObject().value(QLatin1String("uri")).toString(),
                 QStringLiteral("charts/tunemantra/values-dev.yaml"));
        QCOMPARE(location.value(QLatin1String("region")).toObject().value(QLatin1String("startLine")).toInt(), 29);
        // Each result's ruleIndex points at its rule (the schema cannot check this).
        const QJsonArray rules =
            runObject.value(QLatin1String("tool")).toObject().value(QLatin1String("driver")).toObject().value(QLatin1String("rules")).toArray();
        for (const QJsonValue &result : results) {
            const int index = result.toObject().value(QLatin1String("ruleIndex")).toInt(-1);
            QVERIFY(index >= 0 && index < rules.size());
            QCOMPARE(rules.at(index).toObject().value(QLatin1String("id")).toString(),
                     result.toObject().value(QLatin1String("ruleId")).toString());
        }
    }

    void checkCleanWorkspaceExitsZero()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path() + QStringLiteral("/configmap.yaml"), "apiVersion: v1\n"
                                                                           "kind: ConfigMap\n"
                                                                           "metadata:\n"
                                                                           "  name: settings\n"
                                                                           "data:\n"
                                                                           "  LOG_LEVEL: info\n"));
        const Run r = cli(QStringList{QStringLiteral("check"), dir.path()} + schemaArguments(), m_tmp.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QStringLiteral("0 error(s), 0 warning(s)\n"));
        // The schema really was applied: the same file with a typo is a finding.
        QVERIFY(writeFile(dir.path() + QStringLiteral("/configmap.yaml"),
                          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndat:\n  LOG_LEVEL: info\n"));
        const Run typo = cli(QStringList{QStringLiteral("check"), dir.path()} + schemaArguments(), m_tmp.path());
        QVERIFY2(typo.exitCode == 1, qPrintable(typo.describe()));
        QVERIFY2(typo.out.startsWith(QStringLiteral("configmap.yaml:5:1: error: unknown field 'dat'")),
                 qPrintable(typo.out));
    }

    void checkMissingFolder()
    {
        const QString missing = m_tmp.path() + QStringLiteral("/no-such-repo");
        const Run r = cli(QStringList{QStringLiteral("check"), missing} + schemaArguments());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 1, qPrintable(r.describe()));
        QVERIFY2(lines.front().contains(missing), qPrintable(r.describe()));
    }

    void checkUnknownEnvironmentNamesTheAvailableOnes()
    {
        const Run r = check({QStringLiteral("--env"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("'nope'")), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("dev, staging, prod")), qPrintable(r.describe()));
    }

    void checkUnknownFormat()
    {
        const Run r = check({QStringLiteral("--format"), QStringLiteral("xml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("'xml'")) && r.err.contains(QStringLiteral("text, json or sarif")),
                 qPrintable(r.describe()));
    }

    void setChangesExactlyTheLineOfTheValue()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(cli({QStringLiteral("demo"), repo}).exitCode, 0);
        const Run r = cli({QStringLiteral("set"), repo, QStringLiteral("--env"), QStringLiteral("prod"),
                           QStringLiteral("image.tag=1.8.0")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("charts/tunemantra/values-prod.yaml")));
        const Run numstat = run(QStringLiteral("git"), {QStringLiteral("-C"), repo, QStringLiteral("diff"),
                                                        QStringLiteral("--numstat")});
        QCOMPARE(numstat.out.trimmed(), QStringLiteral("1\t1\tcharts/tunemantra/values-prod.yaml"));
        const Run diff = run(QStringLiteral("git"), {QStringLiteral("-C"), repo, QStringLiteral("diff"), QStringLiteral("-U0")});
        QVERIFY2(diff.out.contains(QStringLiteral("\n-  tag: latest\n+  tag: 1.8.0\n")), qPrintable(diff.out));
    }

    void setTypesValuesByTheSchemaAndRefusesWhatItRejects()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(cli({QStringLiteral("demo"), repo}).exitCode, 0);
        const QStringList set{QStringLiteral("set"), repo, QStringLiteral("--env"), QStringLiteral("staging")};

        Run r = cli(set + QStringList{QStringLiteral("replicaCount=three")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("replicaCount")) && r.err.contains(QStringLiteral("integer")), qPrintable(r.describe()));
        r = cli(set + QStringList{QStringLiteral("autoscaling.targetCPUUtilizationPercentage=150")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("100")) && r.err.contains(QStringLiteral("nothing was written")), qPrintable(r.describe()));
        QCOMPARE(run(QStringLiteral("git"), {QStringLiteral("-C"), repo, QStringLiteral("status"), QStringLiteral("--porcelain")}).out,
                 QString());

        // A string setting given a number-like value is quoted so it stays a string.
        r = cli(set + QStringList{QStringLiteral("image.tag=2.0"), QStringLiteral("replicaCount=4")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QFile values(repo + QStringLiteral("/charts/tunemantra/values-staging.yaml"));
        QVERIFY(values.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(values.readAll());
        QVERIFY2(text.contains(QStringLiteral("tag: \"2.0\"")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("replicaCount: 4\n")));
    }

    void setUnknownEnvironmentIsAUsageError()
    {
        const Run r = cli({QStringLiteral("set"), m_demo, QStringLiteral("--env"), QStringLiteral("qa"), QStringLiteral("a=b")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("dev, staging, prod")));
    }

    void checkWithoutRepoIsAUsageError()
    {
        const Run r = cli({QStringLiteral("check")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("REPO")), qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
