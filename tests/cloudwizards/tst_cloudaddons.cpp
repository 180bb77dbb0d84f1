// SPDX-License-Identifier: MIT
// The cluster add-ons of clusters/<env>/addons/: every Argo CD Application validates against the Argo CD
// Application CRD schema, the ClusterIssuer against cert-manager's, the Namespace against Kubernetes'
// (real schemas from ../shared/schemas, through the project's SchemaValidator); charts are pinned,
// values differ per provider, and the app-of-apps points at the folder the Applications are in.

#include "schema/CompiledSchema.h"
#include "schema/SchemaValidator.h"
#include "spec/CloudSetup.h"
#include "spec/aws/AwsSetup.h"
#include "spec/gcp/GcpSetup.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace studio;
using namespace studio::cloud;

namespace {

const QString kSchemas = QStringLiteral(STUDIO_SHARED_DIR "/schemas");

struct Manifest {
    QString path;
    QJsonObject json;
};

QList<Manifest> manifests(const GeneratedFiles &files)
{
    QList<Manifest> out;
    for (const GeneratedFile &file : files) {
        if (!file.path.startsWith(QLatin1String("clusters/")) || !file.path.endsWith(QLatin1String(".yaml")))
            continue;
        const yaml::YamlDocument doc = yaml::YamlDocument::parse(file.content);
        if (doc.hasErrors() || doc.documents().size() != 1)
            qFatal("%s is not one YAML document", qPrintable(file.path));
        out.append({file.path, yaml::toJson(doc.documents().front()).value().toObject()});
    }
    return out;
}

QJsonObject application(const QList<Manifest> &all, const QString &name)
{
    for (const Manifest &m : all)
        if (m.json.value(QStringLiteral("kind")) == QStringLiteral("Application")
            && m.json.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")) == name)
            return m.json;
    return {};
}

QJsonObject values(const QJsonObject &app)
{
    return app[QStringLiteral("spec")][QStringLiteral("source")][QStringLiteral("helm")][QStringLiteral("valuesObject")].toObject();
}

QString violations(const QList<SchemaViolation> &list)
{
    QStringList lines;
    for (const SchemaViolation &v : list)
        lines.append(v.path.join(u'.') + QStringLiteral(": ") + v.message);
    return lines.join(u'\n');
}

} // namespace

class TestCloudAddons : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto application = CompiledSchema::load(kSchemas + QStringLiteral("/crds/argoproj.io/application_v1alpha1.json"));
        auto issuer = CompiledSchema::load(kSchemas + QStringLiteral("/crds/cert-manager.io/clusterissuer_v1.json"));
        auto ns = CompiledSchema::load(kSchemas + QStringLiteral("/kubernetes/v1.31.6-standalone-strict/namespace-v1.json"));
        QVERIFY2(application, qPrintable(application.errorMessage()));
        QVERIFY2(issuer, qPrintable(issuer.errorMessage()));
        QVERIFY2(ns, qPrintable(ns.errorMessage()));
        m_application = application.value();
        m_issuer = issuer.value();
        m_namespace = ns.value();
    }

    void manifestsValidateAgainstTheirSchemas_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<int>("preset");
        for (CloudProvider p : {CloudProvider::Aws, CloudProvider::Azure, CloudProvider::Gcp})
            for (Preset preset : {Preset::Dev, Preset::Production})
                QTest::addRow("%s-%s", qPrintable(providerId(p)), qPrintable(presetId(preset))) << int(p) << int(preset);
    }
    void manifestsValidateAgainstTheirSchemas()
    {
        QFETCH(int, provider);
        QFETCH(int, preset);
        const auto setup = CloudSetup::create(CloudProvider(provider), Preset(preset));
        const GeneratedFiles files = setup->generate();
        const QList<Manifest> all = manifests(files);
        int applications = 0;
        for (const Manifest &m : all) {
            const QString kind = m.json.value(QStringLiteral("kind")).toString();
            if (m.path.endsWith(QLatin1String("argocd-values.yaml")))
                continue; // Helm values, not a manifest
            CompiledSchemaPtr schema;
            if (kind == u"Application")
                schema = m_application;
            else if (kind == u"ClusterIssuer")
                schema = m_issuer;
            else if (kind == u"Namespace")
                schema = m_namespace;
            else if (kind == u"Elasticsearch")
                continue; // the ECK CRD schema is not among the shared schemas; checked structurally below
            QVERIFY2(schema, qPrintable(QStringLiteral("%1 has unexpected kind '%2'").arg(m.path, kind)));
            const QList<SchemaViolation> found = SchemaValidator::validate(*schema, m.json);
            QVERIFY2(found.isEmpty(), qPrintable(m.path + u'\n' + violations(found)));
            if (kind != u"Application")
                continue;
            ++applications;
            const QJsonObject source = m.json[QStringLiteral("spec")][QStringLiteral("source")].toObject();
            if (source.contains(QStringLiteral("chart"))) {
                static const QRegularExpression pinned(QStringLiteral("^v?[0-9]+\\.[0-9]+\\.[0-9]+$"));
                QVERIFY2(pinned.match(source.value(QStringLiteral("targetRevision")).toString()).hasMatch(), qPrintable(m.path));
                QVERIFY(source.value(QStringLiteral("repoURL")).toString().startsWith(QLatin1String("https://")));
            } else {
                // Git sources: the folder they sync holds files this wizard wrote.
                const QString path = source.value(QStringLiteral("path")).toString();
                bool synced = false;
                for (const GeneratedFile &file : files)
                    synced = synced || file.path.startsWith(path + u'/');
                QVERIFY2(synced, qPrintable(QStringLiteral("%1 syncs %2, which holds no generated file").arg(m.path, path)));
            }
        }
        QVERIFY(applications >= 9);
        const QJsonObject root = application(all, QStringLiteral("addons"));
        QCOMPARE(root[QStringLiteral("spec")][QStringLiteral("source")][QStringLiteral("path")].toString(),
                 setup->addonsDir() + QStringLiteral("/apps"));
        QVERIFY(!application(all, QStringLiteral("argocd")).isEmpty());
    }

    // The schema check has teeth: a broken Application generated the same way is rejected.
    void theSchemaRejectsABrokenApplication()
    {
        QJsonObject app = application(manifests(CloudSetup::create(CloudProvider::Aws, Preset::Dev)->generate()), QStringLiteral("cert-manager"));
        QVERIFY(SchemaValidator::validate(*m_application, app).isEmpty());
        QJsonObject spec = app.value(QStringLiteral("spec")).toObject();
        QJsonObject sync = spec.value(QStringLiteral("syncPolicy")).toObject();
        sync.insert(QStringLiteral("automated"), QJsonObject{{QStringLiteral("prune"), QStringLiteral("yes")}});
        spec.insert(QStringLiteral("syncPolicy"), sync);
        spec.insert(QStringLiteral("destinaton"), QJsonObject{});
        app.insert(QStringLiteral("spec"), spec);
        const QList<SchemaViolation> found = SchemaValidator::validate(*m_application, app);
        QVERIFY2(found.size() >= 2, qPrintable(violations(found)));
    }

    void valuesDifferPerProvider()
    {
        const auto aws = CloudSetup::create(CloudProvider::Aws, Preset::Production);
        const QList<Manifest> awsAll = manifests(aws->generate());
        const QJsonObject autoscaler = application(awsAll, QStringLiteral("cluster-autoscaler"));
        QCOMPARE(values(autoscaler)[QStringLiteral("autoDiscovery")][QStringLiteral("clusterName")].toString(), QStringLiteral("tunemantra-prod"));
        QCOMPARE(values(autoscaler)[QStringLiteral("awsRegion")].toString(), QStringLiteral("us-east-1"));
        QCOMPARE(values(application(awsAll, QStringLiteral("external-dns")))[QStringLiteral("provider")][QStringLiteral("name")].toString(),
                 QStringLiteral("aws"));
        QVERIFY(application(awsAll, QStringLiteral("eck-operator")).isEmpty()); // AWS searches with OpenSearch

        const auto gcp = CloudSetup::create(CloudProvider::Gcp, Preset::Production);
        const QList<Manifest> gcpAll = manifests(gcp->generate());
        QVERIFY(application(gcpAll, QStringLiteral("cluster-autoscaler")).isEmpty()); // GKE scales its own node pools
        const QJsonObject dns = values(application(gcpAll, QStringLiteral("external-dns")));
        QCOMPARE(dns[QStringLiteral("provider")][QStringLiteral("name")].toString(), QStringLiteral("google"));
        QCOMPARE(dns[QStringLiteral("extraArgs")].toArray().first().toString(), QStringLiteral("--google-project=tunemantra-prod"));
        QVERIFY(!application(gcpAll, QStringLiteral("eck-operator")).isEmpty());
        QJsonObject elasticsearch;
        for (const Manifest &m : gcpAll)
            if (m.json.value(QStringLiteral("kind")) == QStringLiteral("Elasticsearch"))
                elasticsearch = m.json;
        const QJsonObject nodeSet = elasticsearch[QStringLiteral("spec")][QStringLiteral("nodeSets")].toArray().first().toObject();
        QCOMPARE(nodeSet.value(QStringLiteral("count")).toInt(), 3);
        QCOMPARE(nodeSet[QStringLiteral("volumeClaimTemplates")].toArray().first()[QStringLiteral("spec")][QStringLiteral("storageClassName")].toString(),
                 QStringLiteral("standard-rwo"));
        const QJsonObject prometheus = values(application(gcpAll, QStringLiteral("kube-prometheus-stack")));
        QCOMPARE(prometheus[QStringLiteral("prometheus")][QStringLiteral("prometheusSpec")][QStringLiteral("retention")].toString(), QStringLiteral("15d"));

        const auto azure = CloudSetup::create(CloudProvider::Azure, Preset::Dev);
        const QList<Manifest> azureAll = manifests(azure->generate());
        const QJsonObject ingress = values(application(azureAll, QStringLiteral("ingress-nginx")));
        QVERIFY(ingress[QStringLiteral("controller")][QStringLiteral("service")][QStringLiteral("annotations")].toObject().contains(
            QStringLiteral("service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path")));
    }

    void istioIsAnOption()
    {
        GcpSetup setup(GcpAnswers::preset(Preset::Dev), Preset::Dev);
        QVERIFY(application(manifests(setup.generate()), QStringLiteral("istiod")).isEmpty());
        setup.answers().addons.istio = true;
        const QList<Manifest> all = manifests(setup.generate());
        QVERIFY(!application(all, QStringLiteral("istio-base")).isEmpty());
        const QJsonObject istiod = application(all, QStringLiteral("istiod"));
        QVERIFY(SchemaValidator::validate(*m_application, istiod).isEmpty());
        // istiod needs istio-base's CRDs: a later sync wave.
        QVERIFY(istiod[QStringLiteral("metadata")][QStringLiteral("annotations")][QStringLiteral("argocd.argoproj.io/sync-wave")].toString().toInt()
                > application(all, QStringLiteral("istio-base"))[QStringLiteral("metadata")][QStringLiteral("annotations")]
                      [QStringLiteral("argocd.argoproj.io/sync-wave")].toString().toInt());
    }

    void answersWithYamlSyntaxStayStrings()
    {
        AwsSetup setup(AwsAnswers::preset(Preset::Dev), Preset::Dev);
        setup.answers().addons.gitRevision = QStringLiteral("true");
        setup.answers().addons.acmeEmail = QStringLiteral("ops: #1 <ops@example.com>");
        const QList<Manifest> all = manifests(setup.generate());
        QCOMPARE(application(all, QStringLiteral("addons"))[QStringLiteral("spec")][QStringLiteral("source")][QStringLiteral("targetRevision")].toString(),
                 QStringLiteral("true"));
        for (const Manifest &m : all)
            if (m.json.value(QStringLiteral("kind")) == QStringLiteral("ClusterIssuer"))
                QCOMPARE(m.json[QStringLiteral("spec")][QStringLiteral("acme")][QStringLiteral("email")].toString(),
                         QStringLiteral("ops: #1 <ops@example.com>"));
    }

private:
    CompiledSchemaPtr m_application;
    CompiledSchemaPtr m_issuer;
    CompiledSchemaPtr m_namespace;
};

QTEST_GUILESS_MAIN(TestCloudAddons)
#include "tst_cloudaddons.moc"
