// SPDX-License-Identifier: MIT
// Validation with the real Kubernetes and CRD schemas from ../shared/schemas: where schemas are
// looked up, golden outputs of `check` for small workspaces (data/validation/<case>/expected.txt),
// and the demo's deliberate findings. Hostile input is in tst_hostileinput.
//
// STUDIO_REGENERATE_GOLDEN=1 rewrites the expected.txt files instead of comparing (see tests/README.md).

#include "CheckFixture.h"

#include "checks/DiagnosticFormat.h"
#include "checks/WorkspaceChecker.h"
#include "schema/SchemaLocation.h"
#include "schema/SchemaStore.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

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

};

QTEST_GUILESS_MAIN(TestValidation)

#include "tst_validation.moc"
