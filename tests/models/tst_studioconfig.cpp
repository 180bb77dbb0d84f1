// SPDX-License-Identifier: MIT
// The repository config, .deploy-studio.yaml: every setting parsed, environments that override the
// conventions, paths that leave the repository refused, and each mistake (unknown keys, wrong types,
// duplicates, syntax errors) reported at its line with what to change.
#include "TestFiles.h"

#include "workspace/StudioConfig.h"
#include "workspace/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using studio::test::describe;
using studio::test::withRule;
using studio::test::writeFile;

namespace {

QStringList names(const QList<Environment> &environments)
{
    QStringList out;
    for (const Environment &env : environments)
        out << env.name;
    return out;
}

const char *const kChart = "apiVersion: v2\nname: web\nversion: 0.1.0\n";

} // namespace

class TestStudioConfig : public QObject
{
    Q_OBJECT

private slots:
    void configValuesPathOutsideTheRepositoryIsRefused()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QLatin1String(StudioConfig::kFileName),
                          "environments:\n"
                          "  - name: dev\n"
                          "    values: [chart/values.yaml, ../../etc/passwd]\n"
                          "  - name: prod\n"
                          "    values: [/etc/passwd]\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(writeFile(root, QStringLiteral("chart/values.yaml"), "a: 1\n"));
        const Workspace ws = Workspace::discover(root);
        const Diagnostics problems = withRule(ws.diagnostics, QStringLiteral("studio-config"));
        QCOMPARE(problems.size(), 2);
        for (const Diagnostic &d : problems) {
            QCOMPARE(d.file, QLatin1String(StudioConfig::kFileName));
            QCOMPARE(d.severity, Severity::Error);
            QVERIFY2(d.message.contains(QStringLiteral("outside the repository")), qPrintable(d.message));
        }
        QVERIFY(problems.at(0).message.contains(QStringLiteral("../../etc/passwd"))
                || problems.at(1).message.contains(QStringLiteral("../../etc/passwd")));
        QCOMPARE(names(ws.environments), (QStringList{"dev", "prod"}));
        QCOMPARE(ws.environment(QStringLiteral("dev"))->valuesFiles, QStringList{"chart/values.yaml"});
        QVERIFY(ws.environment(QStringLiteral("prod"))->valuesFiles.isEmpty());
    }

    void configValuesLinkLeavingTheRepositoryIsRefused()
    {
        QTemporaryDir outside;
        QVERIFY(writeFile(outside.path(), QStringLiteral("values.yaml"), "a: 1\n"));
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QLatin1String(StudioConfig::kFileName),
                          "environments:\n  - name: dev\n    values: [chart/values-dev.yaml]\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(QFile::link(outside.path() + QStringLiteral("/values.yaml"),
                            root + QStringLiteral("/chart/values-dev.yaml")));
        const Workspace ws = Workspace::discover(root);
        const Diagnostics problems = withRule(ws.diagnostics, QStringLiteral("studio-config"));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.front().message.contains(QStringLiteral("outside the repository")),
                 qPrintable(problems.front().message));
        QVERIFY(ws.environment(QStringLiteral("dev"))->valuesFiles.isEmpty());
    }

    void configValuesPathThatIsAFolderIsReported()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QLatin1String(StudioConfig::kFileName),
                          "environments:\n  - name: dev\n    values: [chart, chart/values.yaml, chart/nope.yaml]\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(writeFile(root, QStringLiteral("chart/values.yaml"), "a: 1\n"));
        const Workspace ws = Workspace::discover(root);
        const Diagnostics problems = withRule(ws.diagnostics, QStringLiteral("studio-config"));
        // The missing file is reported...
        QVERIFY2(std::any_of(problems.begin(), problems.end(),
                             [](const Diagnostic &d) { return d.message.contains(QStringLiteral("'chart/nope.yaml'")); }),
                 qPrintable(describe(ws.diagnostics)));
        // ...and so must be the folder, which cannot be a values file.
        QCOMPARE(problems.size(), 2);
        QCOMPARE(ws.environment(QStringLiteral("dev"))->valuesFiles, QStringList{"chart/values.yaml"});
    }

    void malformedConfigFallsBackToConventions()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QLatin1String(StudioConfig::kFileName),
                          "# promotion order\n"
                          "environments:\n"
                          "  - name: dev\n"
                          "    values: [chart/values.yaml, chart/values-dev.yaml\n"
                          "  - name: prod\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(writeFile(root, QStringLiteral("chart/values.yaml"), "a: 1\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/values-dev.yaml"), "a: 2\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/values-staging.yaml"), "a: 3\n"));
        const Workspace ws = Workspace::discover(root);
        QVERIFY(ws.config.present);
        Diagnostics syntax = withRule(ws.diagnostics, QStringLiteral("yaml-syntax"), QLatin1String(StudioConfig::kFileName));
        QCOMPARE(syntax.size(), 1);
        QCOMPARE(syntax.front().severity, Severity::Error);
        QVERIFY2(syntax.front().line >= 4 && syntax.front().line <= 5, qPrintable(describe(ws.diagnostics)));
        QVERIFY(syntax.front().column > 0);
        QVERIFY(!syntax.front().message.isEmpty());
        QCOMPARE(names(ws.environments), (QStringList{"dev", "staging"}));
        QCOMPARE(ws.environment(QStringLiteral("dev"))->valuesFiles,
                 (QStringList{"chart/values.yaml", "chart/values-dev.yaml"}));
    }

    void configEnvironmentsOverrideConventions()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QLatin1String(StudioConfig::kFileName),
                          "environments:\n"
                          "  - name: canary\n"
                          "    values: [chart/values.yaml, chart/values-canary.yaml]\n"
                          "  - name: dev\n"
                          "    values: [chart/values.yaml, chart/values-dev.yaml]\n"
                          "    kustomize: deploy/overlays/missing\n"
                          "    protected: true\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(writeFile(root, QStringLiteral("chart/values.yaml"), "a: 1\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/values-canary.yaml"), "a: 2\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/values-dev.yaml"), "a: 3\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/values-prod.yaml"), "a: 4\n"));
        const Workspace ws = Workspace::discover(root);
        // The configured order wins over the conventional one, and unlisted environments are not added.
        QCOMPARE(names(ws.environments), (QStringList{"canary", "dev"}));
        QVERIFY(ws.environment(QStringLiteral("dev"))->isProtected);
        QCOMPARE(ws.environment(QStringLiteral("canary"))->chart, QStringLiteral("chart"));
        const Diagnostics problems = withRule(ws.diagnostics, QStringLiteral("studio-config"));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.front().message.contains(QStringLiteral("deploy/overlays/missing")),
                 qPrintable(problems.front().message));
    }

    // --- StudioConfig::parse --------------------------------------------------------------------

    void configParsesEverySetting()
    {
        const StudioConfig config = StudioConfig::parse(QStringLiteral(
            "environments:\n"
            "  - name: staging\n"
            "    values: [c/values.yaml, c/values-staging.yaml]\n"
            "    kustomize: deploy/overlays/staging\n"
            "    argocd: argocd/staging.yaml\n"
            "    prometheus: http://127.0.0.1:9090\n"
            "    sealedSecretsCert: certs/staging.pem\n"
            "  - name: prod\n"
            "    protected: true\n"
            "promotion:\n"
            "  exclude: [ingress.hosts, replicaCount]\n"
            "schemas:\n"
            "  kubernetesVersion: 1.30.2\n"
            "  locations: [default, ./schemas]\n"));
        QVERIFY2(config.diagnostics.isEmpty(), qPrintable(describe(config.diagnostics)));
        QVERIFY(config.present);
        QCOMPARE(names(config.environments), (QStringList{"staging", "prod"}));
        const Environment &staging = config.environments.front();
        QCOMPARE(staging.valuesFiles, (QStringList{"c/values.yaml", "c/values-staging.yaml"}));
        QCOMPARE(staging.kustomizeOverlay, QStringLiteral("deploy/overlays/staging"));
        QCOMPARE(staging.argocdApplication, QStringLiteral("argocd/staging.yaml"));
        QCOMPARE(staging.prometheusUrl, QStringLiteral("http://127.0.0.1:9090"));
        QCOMPARE(staging.sealedSecretsCert, QStringLiteral("certs/staging.pem"));
        QVERIFY(!staging.isProtected);
        QVERIFY(config.environments.back().isProtected);
        QCOMPARE(config.promotionExclude, (QStringList{"ingress.hosts", "replicaCount"}));
        QCOMPARE(config.kubernetesVersion, QStringLiteral("1.30.2"));
        QCOMPARE(config.schemaLocations, (QStringList{"default", "./schemas"}));
    }

    void configUnknownKeyIsAWarningWithItsLine()
    {
        const StudioConfig config = StudioConfig::parse(QStringLiteral("environmnets:\n"
                                                                       "  - name: dev\n"
                                                                       "schemas:\n"
                                                                       "  locations: [default]\n"
                                                                       "  kubernetesVersoin: 1.29.0\n"));
        QCOMPARE(config.diagnostics.size(), 2);
        const Diagnostic &top = config.diagnostics.at(0);
        QCOMPARE(top.severity, Severity::Warning);
        QCOMPARE(top.file, QLatin1String(StudioConfig::kFileName));
        QCOMPARE(top.line, 1);
        QCOMPARE(top.column, 1);
        QCOMPARE(top.rule, QStringLiteral("studio-config"));
        QVERIFY2(top.message.contains(QStringLiteral("'environmnets'")), qPrintable(top.message));
        const Diagnostic &nested = config.diagnostics.at(1);
        QCOMPARE(nested.severity, Severity::Warning);
        QCOMPARE(nested.line, 5);
        QCOMPARE(nested.column, 3);
        QVERIFY2(nested.message.contains(QStringLiteral("'kubernetesVersoin'")), qPrintable(nested.message));
        // Unknown keys are ignored, not fatal: the rest is still read.
        QVERIFY(config.environments.isEmpty());
        QCOMPARE(config.schemaLocations, QStringList{"default"});
        QCOMPARE(config.kubernetesVersion, QStringLiteral("1.31.6"));
    }

    void configUnknownEnvironmentKeyIsAWarning()
    {
        const StudioConfig config = StudioConfig::parse(
            QStringLiteral("environments:\n  - name: dev\n    valuse: [values-dev.yaml]\n"), QStringLiteral("x.yaml"));
        QCOMPARE(config.diagnostics.size(), 1);
        QCOMPARE(config.diagnostics.front().file, QStringLiteral("x.yaml"));
        QCOMPARE(config.diagnostics.front().line, 3);
        QCOMPARE(config.diagnostics.front().severity, Severity::Warning);
        QVERIFY(config.diagnostics.front().message.contains(QStringLiteral("'valuse'")));
        QCOMPARE(names(config.environments), QStringList{"dev"});
    }

    void configEnvironmentsMustBeAList()
    {
        const StudioConfig config = StudioConfig::parse(QStringLiteral("# order\n"
                                                                       "environments:\n"
                                                                       "  dev: {values: [values-dev.yaml]}\n"
                                                                       "  prod: {}\n"));
        QCOMPARE(config.diagnostics.size(), 1);
        const Diagnostic &d = config.diagnostics.front();
        QCOMPARE(d.severity, Severity::Error);
        QCOMPARE(d.line, 3);
        QVERIFY2(d.message.contains(QStringLiteral("'environments' must be a list")), qPrintable(d.message));
        QVERIFY(config.environments.isEmpty());
    }

    void configDuplicateEnvironmentIsAnError()
    {
        const StudioConfig config = StudioConfig::parse(QStringLiteral("environments:\n"
                                                                       "  - name: dev\n"
                                                                       "    values: [a.yaml]\n"
                                                                       "  - name: prod\n"
                                                                       "  - name: dev\n"
                                                                       "    values: [b.yaml]\n"));
        QCOMPARE(config.diagnostics.size(), 1);
        const Diagnostic &d = config.diagnostics.front();
        QCOMPARE(d.severity, Severity::Error);
        QCOMPARE(d.line, 5);
        QVERIFY2(d.message.contains(QStringLiteral("'dev'")) && d.message.contains(QStringLiteral("twice")),
                 qPrintable(d.message));
        QCOMPARE(names(config.environments), (QStringList{"dev", "prod"}));
        QCOMPARE(config.environments.front().valuesFiles, QStringList{"a.yaml"});
    }

    void configWrongValueTypesAreErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("protected yes") << QStringLiteral("environments:\n  - name: prod\n    protected: yes\n") << 3
                                       << QStringLiteral("true or false");
        QTest::newRow("name is a list") << QStringLiteral("environments:\n  - name: [a, b]\n") << 2
                                        << QStringLiteral("'name' must be a text value");
        QTest::newRow("values is a mapping") << QStringLiteral("environments:\n  - name: dev\n    values: {a: 1}\n")
                                             << 3 << QStringLiteral("list of text values");
        QTest::newRow("environment is text") << QStringLiteral("environments:\n  - dev\n") << 2
                                             << QStringLiteral("must be a mapping");
        QTest::newRow("config is a list") << QStringLiteral("- dev\n- prod\n") << 1 << QStringLiteral("mapping");
    }

    void configWrongValueTypesAreErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, messagePart);
        const StudioConfig config = StudioConfig::parse(text);
        const Diagnostics errors = [&] {
            Diagnostics out;
            for (const Diagnostic &d : config.diagnostics) {
                if (d.severity == Severity::Error)
                    out << d;
            }
            return out;
        }();
        QVERIFY2(!errors.isEmpty(), qPrintable(describe(config.diagnostics)));
        QCOMPARE(errors.front().line, line);
        QVERIFY2(errors.front().message.contains(messagePart), qPrintable(errors.front().message));
    }

    void configSyntaxErrorHasALine()
    {
        const StudioConfig config = StudioConfig::parse(QStringLiteral("environments:\n  - name: dev\n   bad: indent\n"));
        QVERIFY(config.present);
        QVERIFY(!config.diagnostics.isEmpty());
        QCOMPARE(config.diagnostics.front().rule, QStringLiteral("yaml-syntax"));
        QCOMPARE(config.diagnostics.front().file, QLatin1String(StudioConfig::kFileName));
        QCOMPARE(config.diagnostics.front().line, 3);
        QVERIFY(config.environments.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStudioConfig)
#include "tst_studioconfig.moc"
