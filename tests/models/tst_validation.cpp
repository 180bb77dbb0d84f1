// SPDX-License-Identifier: MIT
// Validation with the real Kubernetes and CRD schemas from ../shared/schemas: where schemas are
// looked up, golden outputs of `check` for small workspaces (data/validation/<case>/expected.txt),
// the demo's deliberate findings, and hostile input that must give a clear diagnostic, never a crash.
//
// STUDIO_REGENERATE_GOLDEN=1 rewrites the expected.txt files instead of comparing (see tests/README.md).

#include "TestFiles.h"

#include "checks/DiagnosticFormat.h"
#include "checks/WorkspaceChecker.h"
#include "schema/SchemaLocation.h"
#include "schema/SchemaStore.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace studio;
using studio::test::describe;
using studio::test::lineContaining;
using studio::test::lineContainingInFile;
using studio::test::withRule;
using studio::test::writeFile;

namespace {

const QString kSharedDir = QStringLiteral(STUDIO_SHARED_DIR);
const QString kKubernetesSchemas = QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes");
const QString kCrdTemplate =
    QStringLiteral(STUDIO_SHARED_DIR "/schemas/crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json");
const QString kGoldenDir = QStringLiteral(STUDIO_TEST_DATA_DIR "/data/validation");

CheckOptions checkOptions(const QString &environment = QString())
{
    CheckOptions options;
    options.environment = environment;
    options.schemaLocations = {kKubernetesSchemas, kCrdTemplate};
    options.cacheDir.clear(); // never touch the user's cache
    options.offline = true;   // and never the network
    return options;
}

Diagnostics check(const QString &root, const QString &environment = QString())
{
    return WorkspaceChecker(Workspace::discover(root), checkOptions(environment)).run();
}

/// Writes the files into a fresh temporary workspace and checks it.
struct TempWorkspace {
    QTemporaryDir dir;
    QString root() const { return dir.path(); }
    bool add(const QString &path, const QByteArray &content) { return writeFile(dir.path(), path, content); }
    Diagnostics check() const { return ::check(dir.path()); }
};

const Diagnostic *find(const Diagnostics &all, const QString &file, const QString &rule)
{
    for (const Diagnostic &d : all) {
        if (d.file == file && d.rule == rule)
            return &d;
    }
    return nullptr;
}

QByteArray billionLaughs(const QByteArray &head)
{
    QByteArray text = head;
    text += "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    const char names[] = "abcdefghi";
    for (int i = 1; i < 9; ++i) {
        const QByteArray previous(1, names[i - 1]);
        const QByteArray name(1, names[i]);
        QByteArrayList refs;
        for (int j = 0; j < 9; ++j)
            refs << '*' + previous;
        text += name + ": &" + name + " [" + refs.join(',') + "]\n";
    }
    return text; // 9^9 = 387,420,489 "lol"s once expanded
}

const char *const kChart = "apiVersion: v2\nname: web\nversion: 0.1.0\n";

// The child mode of this executable: checks a workspace with a memory watchdog, so that a check
// that expands an alias bomb ends with exit code 3 instead of taking the machine's memory.
constexpr auto kChildOption = "--check-with-memory-limit";
constexpr qint64 kChildMemoryLimitMb = 1024;

qint64 residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * 4096 / (1024 * 1024) : 0;
}

int runChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::thread([] {
        for (;;) {
            if (residentMegabytes() > kChildMemoryLimitMb) {
                std::fprintf(stderr, "memory use passed %lld MB: the check expanded the input instead of refusing it\n",
                             static_cast<long long>(kChildMemoryLimitMb));
                std::fflush(stderr);
                std::_Exit(3);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }).detach();
    const Diagnostics found = check(QString::fromLocal8Bit(argv[2]));
    std::fputs(DiagnosticFormat::toText(found).toUtf8().constData(), stdout);
    std::fflush(stdout);
    return 0;
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(test::honourFilePermissions()); }

    // --- where schemas come from ----------------------------------------------------------------

    void schemaLocationExpansion_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("strict");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("exists");
        const QString strictDir = kKubernetesSchemas + QStringLiteral("/v1.31.6-standalone-strict/");
        QTest::newRow("deployment") << kKubernetesSchemas << "apps/v1" << "Deployment" << true
                                    << strictDir + "deployment-apps-v1.json" << true;
        QTest::newRow("ingress: first label of the group") << kKubernetesSchemas << "networking.k8s.io/v1"
                                                           << "Ingress" << true
                                                           << strictDir + "ingress-networking-v1.json" << true;
        QTest::newRow("service: core group") << kKubernetesSchemas << "v1" << "Service" << true
                                             << strictDir + "service-v1.json" << true;
        QTest::newRow("hpa v2") << kKubernetesSchemas << "autoscaling/v2" << "HorizontalPodAutoscaler" << true
                                << strictDir + "horizontalpodautoscaler-autoscaling-v2.json" << true;
        QTest::newRow("folder with trailing slash") << kKubernetesSchemas + "/" << "v1" << "ConfigMap" << true
                                                    << strictDir + "configmap-v1.json" << true;
        QTest::newRow("not strict") << kKubernetesSchemas << "apps/v1" << "Deployment" << false
                                    << kKubernetesSchemas + "/v1.31.6-standalone/deployment-apps-v1.json" << false;
        QTest::newRow("crd template") << kCrdTemplate << "argoproj.io/v1alpha1" << "Application" << true
                                      << kSharedDir + "/schemas/crds/argoproj.io/application_v1alpha1.json" << true;
        QTest::newRow("crd template, servicemonitor") << kCrdTemplate << "monitoring.coreos.com/v1" << "ServiceMonitor"
                                                      << true
                                                      << kSharedDir
                + "/schemas/crds/monitoring.coreos.com/servicemonitor_v1.json"
                                                      << true;
        QTest::newRow("crd template, spaced") << kSharedDir
                + "/schemas/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"
                                              << "bitnami.com/v1alpha1" << "SealedSecret" << true
                                              << kSharedDir + "/schemas/crds/bitnami.com/sealedsecret_v1alpha1.json"
                                              << true;
        QTest::newRow("default") << "default" << "apps/v1" << "Deployment" << true
                                 << "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/"
                                    "v1.31.6-standalone-strict/deployment-apps-v1.json"
                                 << false;
        QTest::newRow("default, core") << " default " << "v1" << "Service" << true
                                       << "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/"
                                          "v1.31.6-standalone-strict/service-v1.json"
                                       << false;
    }

    void schemaLocationExpansion()
    {
        QFETCH(QString, location);
        QFETCH(QString, apiVersion);
        QFETCH(QString, kind);
        QFETCH(bool, strict);
        QFETCH(QString, expected);
        QFETCH(bool, exists);
        const SchemaLocation parsed = SchemaLocation::parse(location);
        const QStringList candidates = parsed.candidates(ResourceType{apiVersion, kind}, QStringLiteral("1.31.6"), strict);
        QVERIFY(!candidates.isEmpty());
        QCOMPARE(candidates.front(), expected);
        QCOMPARE(parsed.isRemote(), expected.startsWith(QStringLiteral("https://")));
        if (exists)
            QVERIFY2(QFileInfo::exists(expected), qPrintable(expected));
    }

    void templateVariablesExpand()
    {
        const ResourceType type{QStringLiteral("networking.k8s.io/v1"), QStringLiteral("NetworkPolicy")};
        const QString pattern = QStringLiteral("{{.NormalizedKubernetesVersion}}{{.StrictSuffix}}|{{.ResourceKind}}|"
                                               "{{.KindSuffix}}|{{.Group}}|{{.ResourceAPIVersion}}");
        QCOMPARE(SchemaLocation::expand(pattern, type, QStringLiteral("1.30.0"), true),
                 QStringLiteral("v1.30.0-strict|networkpolicy|-networking-v1|networking.k8s.io|v1"));
        QCOMPARE(SchemaLocation::expand(pattern, type, QStringLiteral("v1.30.0"), false),
                 QStringLiteral("v1.30.0|networkpolicy|-networking-v1|networking.k8s.io|v1"));
        QCOMPARE(SchemaLocation::expand(QStringLiteral("{{.NormalizedKubernetesVersion}}"), type, QStringLiteral("master"),
                                        true),
                 QStringLiteral("master"));
        QString spaced = pattern;
        spaced.replace(QStringLiteral("{{."), QStringLiteral("{{ .")).replace(QStringLiteral("}}"), QStringLiteral(" }}"));
        QCOMPARE(SchemaLocation::expand(spaced, type, QStringLiteral("1.30.0"), true),
                 SchemaLocation::expand(pattern, type, QStringLiteral("1.30.0"), true));
    }

    void relativeFolderLocationsUseTheBaseDir()
    {
        const SchemaLocation parsed = SchemaLocation::parse(QStringLiteral("schemas/kubernetes"), kSharedDir);
        QCOMPARE(parsed.candidates({QStringLiteral("v1"), QStringLiteral("Service")}, QStringLiteral("1.31.6")).front(),
                 kKubernetesSchemas + QStringLiteral("/v1.31.6-standalone-strict/service-v1.json"));
    }

    void schemaStoreFindsTheRealSchemas()
    {
        SchemaStore::Options options;
        options.locations = {kKubernetesSchemas, kCrdTemplate};
        options.offline = true;
        SchemaStore store(options);

        const SchemaStore::Lookup deployment = store.lookup({QStringLiteral("apps/v1"), QStringLiteral("Deployment")});
        QVERIFY2(deployment.schema, qPrintable(deployment.error));
        QVERIFY(deployment.schema->source().endsWith(QStringLiteral("/deployment-apps-v1.json")));
        QCOMPARE(deployment.tried.size(), 1);

        const SchemaStore::Lookup app = store.lookup({QStringLiteral("argoproj.io/v1alpha1"), QStringLiteral("Application")});
        QVERIFY2(app.schema, qPrintable(app.error));
        QVERIFY(app.schema->source().endsWith(QStringLiteral("/crds/argoproj.io/application_v1alpha1.json")));
        QCOMPARE(app.tried.size(), 4); // the folder's three layouts, then the template

        const SchemaStore::Lookup frob = store.lookup({QStringLiteral("example.com/v1"), QStringLiteral("Frobnicator")});
        QVERIFY(!frob.schema);
        QVERIFY(frob.error.isEmpty());
        QCOMPARE(frob.tried.size(), 4);

        // Asking again gives the same compiled schema.
        QCOMPARE(store.lookup({QStringLiteral("apps/v1"), QStringLiteral("Deployment")}).schema.get(),
                 deployment.schema.get());
    }

    void offlineDefaultLocationFindsNothingWithoutNetwork()
    {
        QTemporaryDir cache;
        SchemaStore::Options options;
        options.offline = true;
        options.cacheDir = cache.path();
        SchemaStore store(options);
        const SchemaStore::Lookup lookup = store.lookup({QStringLiteral("v1"), QStringLiteral("Service")});
        QVERIFY(!lookup.schema);
        QCOMPARE(lookup.tried, QStringList{QStringLiteral("https://raw.githubusercontent.com/yannh/kubernetes-json-schema/"
                                                          "master/v1.31.6-standalone-strict/service-v1.json")});
        QVERIFY(QDir(cache.path()).isEmpty());
    }

    // --- golden outputs ---------------------------------------------------------------------------

    void goldenCasesAreAllThere()
    {
        const QStringList cases = QDir(kGoldenDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const char *name : {"argocd-bad-field", "deployment-unknown-field", "deployment-wrong-type",
                                 "multi-document", "service-missing-port", "unknown-kind", "values-schema"})
            QVERIFY2(cases.contains(QLatin1String(name)), name);
    }

    void golden_data()
    {
        QTest::addColumn<QString>("caseDir");
        const QStringList cases = QDir(kGoldenDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &name : cases)
            QTest::newRow(qPrintable(name)) << kGoldenDir + u'/' + name;
    }

    void golden()
    {
        QFETCH(QString, caseDir);
        const Workspace ws = Workspace::discover(caseDir);
        QString actual = DiagnosticFormat::toText(WorkspaceChecker(ws, checkOptions()).run());
        // Keep machine-specific paths out of the expected files.
        actual.replace(ws.root, QStringLiteral("${CASE}")).replace(kSharedDir, QStringLiteral("${STUDIO_SHARED_DIR}"));

        QFile expectedFile(caseDir + QStringLiteral("/expected.txt"));
        if (qEnvironmentVariable("STUDIO_REGENERATE_GOLDEN") == u"1") {
            QVERIFY(expectedFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
            expectedFile.write(actual.toUtf8());
            expectedFile.close();
            QSKIP(qPrintable(QStringLiteral("regenerated %1; review it with git diff").arg(expectedFile.fileName())));
        }
        QVERIFY2(expectedFile.open(QIODevice::ReadOnly),
                 qPrintable(QStringLiteral("%1 is missing; run this test with STUDIO_REGENERATE_GOLDEN=1 to create it")
                                .arg(expectedFile.fileName())));
        const QString expected = QString::fromUtf8(expectedFile.readAll());
        QCOMPARE(actual.split(u'\n'), expected.split(u'\n'));
    }

    // Independently of the golden files: each finding is on the line where the offending key or
    // value is written, at its column, with the path and a message that says what to change.
    void findingsPointAtTheOffendingText_data()
    {
        QTest::addColumn<QString>("caseName");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("lineText");  // text on the offending line
        QTest::addColumn<QByteArray>("columnText"); // where on that line the diagnostic starts
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("jsonPath");
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown field") << "deployment-unknown-field" << "deployment.yaml" << QByteArray("replica: 3")
                                       << QByteArray("replica") << "schema" << "spec.replica" << ""
                                       << "did you mean 'replicas'?";
        QTest::newRow("wrong type") << "deployment-wrong-type" << "deployment.yaml" << QByteArray("replicas: \"three\"")
                                    << QByteArray("\"three\"") << "schema" << "spec.replicas" << ""
                                    << "must be an integer";
        QTest::newRow("missing port") << "service-missing-port" << "service.yaml" << QByteArray("- name: metrics")
                                      << QByteArray("name: metrics") << "schema" << "spec.ports[1]" << ""
                                      << "missing the required field 'port'";
        QTest::newRow("unknown kind") << "unknown-kind" << "frobnicator.yaml" << QByteArray("kind: Frobnicator")
                                      << QByteArray("Frobnicator") << "schema-missing" << "" << ""
                                      << "add a schema location";
        QTest::newRow("one bad document") << "multi-document" << "all.yaml" << QByteArray("not: allowed")
                                          << QByteArray("not: allowed") << "schema" << "data.nested" << ""
                                          << "must be text";
        QTest::newRow("argo unknown field") << "argocd-bad-field" << "application.yaml"
                                            << QByteArray("namespaces: web-dev") << QByteArray("namespaces")
                                            << "schema" << "spec.destination.namespaces" << ""
                                            << "did you mean 'namespace'?";
        QTest::newRow("argo wrong type") << "argocd-bad-field" << "application.yaml" << QByteArray("prune: \"yes\"")
                                         << QByteArray("\"yes\"") << "schema" << "spec.syncPolicy.automated.prune"
                                         << "" << "must be true or false";
        QTest::newRow("values minimum") << "values-schema" << "chart/values-dev.yaml" << QByteArray("replicaCount: 0")
                                        << QByteArray("replicaCount") << "values-schema" << "replicaCount" << "dev"
                                        << "greater than or equal to 1";
        QTest::newRow("values enum") << "values-schema" << "chart/values-prod.yaml"
                                     << QByteArray("pullPolicy: Sometimes") << QByteArray("pullPolicy")
                                     << "values-schema" << "image.pullPolicy" << "prod"
                                     << "\"Always\", \"IfNotPresent\", \"Never\"";
        QTest::newRow("values additionalProperties") << "values-schema" << "chart/values-staging.yaml"
                                                     << QByteArray("digest:") << QByteArray("digest")
                                                     << "values-schema" << "image.digest" << "staging"
                                                     << "unknown field 'digest'";
        QTest::newRow("values required") << "values-schema" << "chart/values-prod.yaml" << QByteArray("service:")
                                         << QByteArray("service") << "values-schema" << "service" << "prod"
                                         << "missing the required field 'port'";
        QTest::newRow("values inherited") << "values-schema" << "chart/values.yaml" << QByteArray("maxReplicas: 500")
                                          << QByteArray("maxReplicas") << "values-schema" << "autoscaling.maxReplicas"
                                          << "dev, prod, staging" << "less than or equal to 100";
    }

    void findingsPointAtTheOffendingText()
    {
        QFETCH(QString, caseName);
        QFETCH(QString, file);
        QFETCH(QByteArray, lineText);
        QFETCH(QByteArray, columnText);
        QFETCH(QString, rule);
        QFETCH(QString, jsonPath);
        QFETCH(QString, environment);
        QFETCH(QString, messagePart);
        const QString root = kGoldenDir + u'/' + caseName;
        QFile source(root + u'/' + file);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray text = source.readAll();
        const int line = lineContaining(text, lineText);
        QVERIFY2(line > 0, lineText.constData());
        const int column = int(text.split('\n').at(line - 1).indexOf(columnText)) + 1;
        QVERIFY(column > 0);

        const Diagnostics found = check(root);
        const Diagnostic *match = nullptr;
        for (const Diagnostic &d : found) {
            if (d.file == file && d.rule == rule && d.jsonPath == jsonPath)
                match = &d;
        }
        QVERIFY2(match, qPrintable(describe(found)));
        QCOMPARE(match->line, line);
        QCOMPARE(match->column, column);
        QCOMPARE(match->environment, environment);
        QVERIFY2(match->message.contains(messagePart), qPrintable(match->message));
        QCOMPARE(match->severity, rule == u"schema-missing" ? Severity::Warning : Severity::Error);
    }

    void goodDocumentsInAMultiDocumentFileAreClean()
    {
        const Diagnostics found = check(kGoldenDir + QStringLiteral("/multi-document"));
        QCOMPARE(found.size(), 1);
        // The wrong value is the mapping under 'nested:', which starts on the next line.
        QCOMPARE(found.front().line, lineContainingInFile(kGoldenDir + QStringLiteral("/multi-document/all.yaml"),
                                                          "not: allowed"));
    }

    // --- the demo ---------------------------------------------------------------------------------

    void demoFindings()
    {
        QTemporaryDir parent;
        const QString demo = parent.path() + QStringLiteral("/demo");
        const Status created = DemoWorkspace::create(demo);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        const Diagnostics found = check(demo);
        QVERIFY2(found.size() == 3, qPrintable(describe(found)));

        const QString valuesDev = QStringLiteral("charts/tunemantra/values-dev.yaml");
        const QString valuesProd = QStringLiteral("charts/tunemantra/values-prod.yaml");
        const QString service = QStringLiteral("deploy/base/service.yaml");
        QCOMPARE(lineContainingInFile(demo + u'/' + valuesDev, "targetCPUUtilizationPercentage: 120"), 29);
        QCOMPARE(lineContainingInFile(demo + u'/' + valuesProd, "tag: latest"), 10);
        QCOMPARE(lineContainingInFile(demo + u'/' + service, "sessionAfinity"), 18);

        const Diagnostic &cpu = found.at(0);
        QCOMPARE(cpu.file, valuesDev);
        QCOMPARE(cpu.line, 29);
        QCOMPARE(cpu.column, 3);
        QCOMPARE(cpu.severity, Severity::Error);
        QCOMPARE(cpu.rule, QStringLiteral("values-schema"));
        QCOMPARE(cpu.environment, QStringLiteral("dev"));
        QCOMPARE(cpu.jsonPath, QStringLiteral("autoscaling.targetCPUUtilizationPercentage"));
        QVERIFY2(cpu.message.contains(QStringLiteral("120")) && cpu.message.contains(QStringLiteral("100")),
                 qPrintable(cpu.message));

        const Diagnostic &latest = found.at(1);
        QCOMPARE(latest.file, valuesProd);
        QCOMPARE(latest.line, 10);
        QCOMPARE(latest.column, 3);
        QCOMPARE(latest.severity, Severity::Warning);
        QCOMPARE(latest.rule, QStringLiteral("latest-tag"));
        QCOMPARE(latest.environment, QStringLiteral("prod"));
        QVERIFY2(latest.message.contains(QStringLiteral("pin a version")), qPrintable(latest.message));

        const Diagnostic &typo = found.at(2);
        QCOMPARE(typo.file, service);
        QCOMPARE(typo.line, 18);
        QCOMPARE(typo.column, 3);
        QCOMPARE(typo.severity, Severity::Error);
        QCOMPARE(typo.rule, QStringLiteral("schema"));
        QCOMPARE(typo.jsonPath, QStringLiteral("spec.sessionAfinity"));
        QVERIFY2(typo.message.contains(QStringLiteral("unknown field 'sessionAfinity'"))
                     && typo.message.contains(QStringLiteral("'sessionAffinity'")),
                 qPrintable(typo.message));

        // One environment: its values and the manifests its overlay pulls in from the base.
        const auto rulesOf = [](const Diagnostics &diagnostics) {
            QStringList out;
            for (const Diagnostic &d : diagnostics)
                out << d.file + u':' + QString::number(d.line);
            return out;
        };
        QCOMPARE(rulesOf(check(demo, QStringLiteral("dev"))),
                 (QStringList{valuesDev + QStringLiteral(":29"), service + QStringLiteral(":18")}));
        QCOMPARE(rulesOf(check(demo, QStringLiteral("staging"))), (QStringList{service + QStringLiteral(":18")}));
        QCOMPARE(rulesOf(check(demo, QStringLiteral("prod"))),
                 (QStringList{valuesProd + QStringLiteral(":10"), service + QStringLiteral(":18")}));
    }

    void environmentCheckFollowsTheOverlayToItsBase_data()
    {
        QTest::addColumn<QString>("kustomizationName");
        QTest::newRow("kustomization.yaml") << QStringLiteral("kustomization.yaml");
        QTest::newRow("kustomization.yml") << QStringLiteral("kustomization.yml");
    }

    // `check --env dev` must see what the dev overlay deploys, whichever name Kustomize finds it under.
    void environmentCheckFollowsTheOverlayToItsBase()
    {
        QFETCH(QString, kustomizationName);
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("k/base/") + kustomizationName, "resources: [cm.yaml]\n"));
        QVERIFY(ws.add(QStringLiteral("k/base/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
                                                         "dat: {}\n"));
        QVERIFY(ws.add(QStringLiteral("k/overlays/dev/") + kustomizationName, "resources:\n  - ../../base\n"));
        QCOMPARE(Workspace::discover(ws.root()).environments.size(), 1);
        const Diagnostics all = ws.check();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.front().file, QStringLiteral("k/base/cm.yaml"));
        const Diagnostics dev = check(ws.root(), QStringLiteral("dev"));
        QCOMPARE(describe(dev), describe(all));
    }

    // --- bad input --------------------------------------------------------------------------------

    void invalidSyntax()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("app/configmap.yaml"), "apiVersion: v1\n"
                                                             "kind: ConfigMap\n"
                                                             "metadata:\n"
                                                             "  name: [settings\n"
                                                             "data:\n"
                                                             "  a: b\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("app/configmap.yaml"));
        QCOMPARE(found.front().rule, QStringLiteral("yaml-syntax"));
        QCOMPARE(found.front().severity, Severity::Error);
        QVERIFY2(found.front().line == 4 || found.front().line == 5, qPrintable(describe(found)));
        QVERIFY(found.front().column > 0);
    }

    void tabs()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("cm.yaml"));
        QCOMPARE(found.front().rule, QStringLiteral("yaml-tab"));
        QCOMPARE(found.front().line, 4);
        QCOMPARE(found.front().column, 1);
        QVERIFY2(found.front().message.contains(QStringLiteral("tab")), qPrintable(found.front().message));
    }

    void duplicateKeys()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("cm.yaml"), "apiVersion: v1\n"
                                                  "kind: ConfigMap\n"
                                                  "metadata:\n"
                                                  "  name: first\n"
                                                  "  name: second\n"));
        const Diagnostics found = ws.check();
        const Diagnostic *dup = find(found, QStringLiteral("cm.yaml"), QStringLiteral("yaml-duplicate-key"));
        QVERIFY2(dup, qPrintable(describe(found)));
        QCOMPARE(dup->line, 5);
        QCOMPARE(dup->column, 3);
        QVERIFY2(dup->message.contains(QStringLiteral("'name'")) && dup->message.contains(QStringLiteral("line 4")),
                 qPrintable(dup->message));
    }

    void wrongTypes()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("cm.yaml"), "apiVersion: v1\n"
                                                  "kind: ConfigMap\n"
                                                  "metadata:\n"
                                                  "  name: settings\n"
                                                  "  labels: [a, b]\n"
                                                  "data:\n"
                                                  "  RETRIES: 3\n"
                                                  "  DEBUG: true\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 3);
        QStringList paths;
        for (const Diagnostic &d : found) {
            QCOMPARE(d.rule, QStringLiteral("schema"));
            QCOMPARE(d.file, QStringLiteral("cm.yaml"));
            paths << QStringLiteral("%1:%2:%3").arg(d.jsonPath).arg(d.line).arg(d.column);
        }
        QCOMPARE(paths, (QStringList{"metadata.labels:5:11", "data.RETRIES:7:12", "data.DEBUG:8:10"}));
        QVERIFY2(found.at(1).message.contains(QStringLiteral("must be text")) && found.at(1).message.contains(u'3'),
                 qPrintable(found.at(1).message));
        QVERIFY2(found.at(0).message.contains(QStringLiteral("a mapping")), qPrintable(found.at(0).message));
    }

    void unknownKinds()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("crd/widget.yaml"), "apiVersion: widgets.example.com/v1beta1\n"
                                                          "kind: Widget\n"
                                                          "metadata:\n"
                                                          "  name: w\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        const Diagnostic &d = found.front();
        QCOMPARE(d.rule, QStringLiteral("schema-missing"));
        QCOMPARE(d.severity, Severity::Warning);
        QCOMPARE(d.line, 2);
        QCOMPARE(d.column, 7);
        QVERIFY2(d.message.contains(QStringLiteral("Widget (widgets.example.com/v1beta1)")), qPrintable(d.message));
        QVERIFY2(d.message.contains(QStringLiteral("--schema-location")), qPrintable(d.message));
    }

    void manifestShapes()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("list.yaml"), "- apiVersion: v1\n  kind: ConfigMap\n"));
        QVERIFY(ws.add(QStringLiteral("nokind.yaml"), "# half a manifest\napiVersion: v1\nmetadata: {name: x}\n"));
        QVERIFY(ws.add(QStringLiteral("plain.yaml"), "logLevel: debug\nport: 8080\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 2);
        const Diagnostic *list = find(found, QStringLiteral("list.yaml"), QStringLiteral("manifest-shape"));
        QVERIFY(list);
        QCOMPARE(list->line, 1);
        QVERIFY(list->message.contains(QStringLiteral("not a mapping")));
        const Diagnostic *noKind = find(found, QStringLiteral("nokind.yaml"), QStringLiteral("manifest-shape"));
        QVERIFY(noKind);
        QCOMPARE(noKind->line, 2);
        QVERIFY2(noKind->message.contains(QStringLiteral("no kind")), qPrintable(noKind->message));
    }

    void emptyFiles()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("empty.yaml"), ""));
        QVERIFY(ws.add(QStringLiteral("comments.yaml"), "# nothing here yet\n\n"));
        QVERIFY(ws.add(QStringLiteral("separators.yaml"), "---\n---\n"));
        QVERIFY(ws.add(QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(ws.add(QStringLiteral("chart/values.yaml"), ""));
        QVERIFY(ws.add(QStringLiteral("chart/values-dev.yaml"), ""));
        // An empty YAML file is valid (it has no documents): nothing to report, and nothing crashes.
        const Diagnostics found = ws.check();
        QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
        QCOMPARE(Workspace::discover(ws.root()).environments.size(), 1);
    }

    void binaryFiles()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("image.yaml"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18)));
        QVERIFY(ws.add(QStringLiteral("latin1.yaml"), "name: caf\xe9\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 2);
        const Diagnostic *binary = find(found, QStringLiteral("image.yaml"), QStringLiteral("file-unreadable"));
        QVERIFY2(binary, qPrintable(describe(found)));
        QCOMPARE(binary->severity, Severity::Error);
        QCOMPARE(binary->line, 0); // the whole file
        QVERIFY2(binary->message.contains(QStringLiteral("binary")), qPrintable(binary->message));
        const Diagnostic *encoding = find(found, QStringLiteral("latin1.yaml"), QStringLiteral("file-unreadable"));
        QVERIFY2(encoding, qPrintable(describe(found)));
        QVERIFY2(encoding->message.contains(QStringLiteral("UTF-8")), qPrintable(encoding->message));
    }

    void fiftyMegabyteFile()
    {
        TempWorkspace ws;
        {
            QFile big(ws.root() + QStringLiteral("/generated.yaml"));
            QVERIFY(big.open(QIODevice::WriteOnly));
            QByteArray chunk;
            for (int i = 0; chunk.size() < 1024 * 1024; ++i)
                chunk += "key" + QByteArray::number(i).rightJustified(8, '0') + ": " + QByteArray(85, 'x') + '\n';
            chunk.truncate(1024 * 1024);
            for (int i = 0; i < 50; ++i)
                QCOMPARE(big.write(chunk), chunk.size());
        }
        QVERIFY(ws.add(QStringLiteral("small.yaml"), "a: 1\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("generated.yaml"));
        QCOMPARE(found.front().severity, Severity::Error);
        QVERIFY2(found.front().message.contains(QStringLiteral("too large")), qPrintable(found.front().message));
        QVERIFY2(found.front().message.contains(QStringLiteral("50.0 MB")), qPrintable(found.front().message));
    }

    void tenThousandLevelsOfNesting()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("deep.yaml"), QByteArray(10000, '[') + QByteArray(10000, ']') + '\n'));
        QVERIFY(ws.add(QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(ws.add(QStringLiteral("chart/values-dev.yaml"),
                       "deep: " + QByteArray(10000, '{').replace("{", "{a: ") + QByteArray(10000, '}') + '\n'));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 2);
        for (const Diagnostic &d : found) {
            QCOMPARE(d.rule, QStringLiteral("yaml-too-deep"));
            QCOMPARE(d.line, 1);
            QVERIFY2(d.message.contains(QStringLiteral("deeper than")), qPrintable(d.message));
        }
        QCOMPARE(found.at(0).file, QStringLiteral("chart/values-dev.yaml"));
        QCOMPARE(found.at(1).file, QStringLiteral("deep.yaml"));
    }

    void unreadableFiles()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("secret.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"));
        const QString path = ws.root() + QStringLiteral("/secret.yaml");
        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
        if (test::permissionsAreIgnored(path)) {
            QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QSKIP("this process can read a file with mode 000 (it runs as root), so an unreadable file cannot be "
                  "made here");
        }
        const Diagnostics found = ws.check();
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("secret.yaml"));
        QCOMPARE(found.front().rule, QStringLiteral("file-unreadable"));
        QVERIFY2(found.front().message.contains(QStringLiteral("permission")), qPrintable(found.front().message));
    }

    void symlinkLoops()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("a/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"));
        QVERIFY(QFile::link(ws.root() + QStringLiteral("/a"), ws.root() + QStringLiteral("/a/again")));
        QVERIFY(QFile::link(QStringLiteral(".."), ws.root() + QStringLiteral("/a/up")));
        const Diagnostics found = ws.check();
        const Diagnostics loops = withRule(found, QStringLiteral("workspace-symlink-loop"));
        QCOMPARE(loops.size(), 2);
        QCOMPARE(loops.at(0).file, QStringLiteral("a/again"));
        QCOMPARE(loops.at(1).file, QStringLiteral("a/up"));
        QCOMPARE(found.size(), 2); // the ConfigMap itself is fine, and checked once
    }

    void valuesPathOutsideTheRepository()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral(".deploy-studio.yaml"),
                       "environments:\n  - name: dev\n    values: [chart/values.yaml, ../../etc/passwd]\n"));
        QVERIFY(ws.add(QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(ws.add(QStringLiteral("chart/values.yaml"), "a: 1\n"));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral(".deploy-studio.yaml"));
        QCOMPARE(found.front().severity, Severity::Error);
        QVERIFY2(found.front().message.contains(QStringLiteral("'../../etc/passwd'"))
                     && found.front().message.contains(QStringLiteral("outside the repository")),
                 qPrintable(found.front().message));
    }

    void brokenSchemaFile()
    {
        QTemporaryDir schemas;
        QVERIFY(writeFile(schemas.path(), QStringLiteral("configmap-v1.json"), "{ \"type\": \"object\", \n"));
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"));
        CheckOptions options = checkOptions();
        options.schemaLocations = {schemas.path()};
        const Diagnostics found = WorkspaceChecker(Workspace::discover(ws.root()), options).run();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().line, 2);
        QVERIFY2(found.front().message.contains(QStringLiteral("configmap-v1.json"))
                     && found.front().message.contains(QStringLiteral("not valid JSON")),
                 qPrintable(found.front().message));
    }

    void billionLaughsInAManifest()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("bomb.yaml"),
                       billionLaughs("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\n")));
        const Diagnostics found = ws.check();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().file, QStringLiteral("bomb.yaml"));
        QCOMPARE(found.front().rule, QStringLiteral("yaml-aliases"));
        QCOMPARE(found.front().severity, Severity::Error);
        QVERIFY2(found.front().message.contains(QStringLiteral("refused")), qPrintable(found.front().message));
    }

    // The same bomb in a Helm values file reaches EffectiveValues, which expands aliases without a
    // budget. Run in a child process with a memory watchdog so that the bug cannot take the machine.
    void billionLaughsInValues()
    {
        TempWorkspace ws;
        QVERIFY(ws.add(QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(ws.add(QStringLiteral("chart/values.yaml"), billionLaughs("replicaCount: 1\n")));
        QVERIFY(ws.add(QStringLiteral("chart/values-dev.yaml"), "replicaCount: 2\n"));
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QLatin1String(kChildOption), ws.root()});
        QVERIFY(child.waitForStarted());
        if (!child.waitForFinished(120000)) {
            child.kill();
            child.waitForFinished();
            QFAIL("checking a values file with an alias bomb did not finish in 120 s");
        }
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        const QString err = QString::fromUtf8(child.readAllStandardError());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 qPrintable(QStringLiteral("exit %1: %2").arg(child.exitCode()).arg(err.trimmed())));
        QVERIFY2(out.contains(QStringLiteral("chart/values.yaml")) && out.contains(QStringLiteral("alias")),
                 qPrintable(out));
    }
};

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], kChildOption) == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestValidation test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_validation.moc"
