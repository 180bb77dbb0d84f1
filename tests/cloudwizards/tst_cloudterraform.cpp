// SPDX-License-Identifier: MIT
// The generated Terraform as HashiCorp's own HCL parser and formatter see it (tests/peers/hcl2json.mjs,
// run through node): every .tf file and terraform.tfvars of every provider and preset parses, is
// already formatted as `terraform fmt` formats it, and holds the expected resources and arguments.
// Hostile answers come back from the parser as the exact strings typed. One golden output per
// provider (data/golden/<provider>/); STUDIO_REGENERATE_GOLDEN=1 rewrites it (see tests/README.md).

#include "HclPeer.h"

#include "spec/CloudSetup.h"
#include "spec/HclWriter.h"
#include "spec/aws/AwsSetup.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::cloud;

namespace {

QString lit(const char *text)
{
    return QString::fromUtf8(text);
}

/// All parsed files of one environment, merged: blocks are found by kind, type and name wherever they are.
class ParsedTerraform
{
public:
    explicit ParsedTerraform(const QJsonObject &files) : m_files(files) {}

    QJsonObject file(const QString &name) const { return m_files.value(name).toObject().value(QStringLiteral("json")).toObject(); }

    /// The body of `kind "type" "name"` (resource, data) or `kind "name"` (module, variable, output, provider).
    QJsonObject block(const QString &kind, const QString &type, const QString &name = {}) const
    {
        for (const QString &fileName : m_files.keys()) {
            const QJsonValue byKind = file(fileName).value(kind);
            QJsonValue entry = byKind.toObject().value(type);
            if (!name.isEmpty())
                entry = entry.toObject().value(name);
            if (entry.isArray() && !entry.toArray().isEmpty())
                return entry.toArray().first().toObject();
        }
        return {};
    }
    bool has(const QString &kind, const QString &type, const QString &name = {}) const { return !block(kind, type, name).isEmpty(); }
    QJsonValue tfvar(const QString &name) const { return file(QStringLiteral("terraform.tfvars")).value(name); }

private:
    QJsonObject m_files;
};

QJsonObject nested(const QJsonObject &body, const QString &blockName)
{
    return body.value(blockName).toArray().first().toObject();
}

QStringList terraformFiles(const QString &dir)
{
    QStringList files = QDir(dir).entryList({QStringLiteral("*.tf"), QStringLiteral("*.tfvars")}, QDir::Files, QDir::Name);
    return files;
}

} // namespace

class TestCloudTerraform : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString missing = hclPeerMissing();
        if (!missing.isEmpty())
            QFAIL(qPrintable(missing));
    }

    void everyFileParsesAndIsFormatted_data()
    {
        QTest::addColumn<int>("provider");
        QTest::addColumn<int>("preset");
        for (CloudProvider p : {CloudProvider::Aws, CloudProvider::Azure, CloudProvider::Gcp})
            for (Preset preset : {Preset::Dev, Preset::Production})
                QTest::addRow("%s-%s", qPrintable(providerId(p)), qPrintable(presetId(preset))) << int(p) << int(preset);
    }
    void everyFileParsesAndIsFormatted()
    {
        QFETCH(int, provider);
        QFETCH(int, preset);
        const auto setup = CloudSetup::create(CloudProvider(provider), Preset(preset));
        QTemporaryDir repo;
        QVERIFY(writeGeneratedFiles(repo.path(), setup->generate()).ok());
        const QString dir = repo.filePath(setup->terraformDir());
        const QStringList files = terraformFiles(dir);
        QVERIFY2(files.size() >= 10, qPrintable(files.join(u' ')));
        const HclPeerResult parsed = parseHcl(dir, files);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        for (const QString &name : files) {
            QFile file(QDir(dir).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString written = QString::fromUtf8(file.readAll());
            const QString formatted = parsed.files.value(name).toObject().value(QStringLiteral("formatted")).toString();
            QCOMPARE(written.split(u'\n'), formatted.split(u'\n'));
        }

        const ParsedTerraform tf(parsed.files);
        // Every variable the topic files use is declared, and terraform.tfvars answers each one.
        const QJsonObject variables = tf.file(QStringLiteral("variables.tf")).value(QStringLiteral("variable")).toObject();
        const QJsonObject tfvars = tf.file(QStringLiteral("terraform.tfvars"));
        QCOMPARE(QStringList(tfvars.keys()), QStringList(variables.keys()));
        for (const QString &name : variables.keys())
            QVERIFY2(!tf.block(QStringLiteral("variable"), name).value(QStringLiteral("description")).toString().isEmpty(), qPrintable(name));

        const bool production = Preset(preset) == Preset::Production;
        switch (CloudProvider(provider)) {
        case CloudProvider::Aws: checkAws(tf, production); break;
        case CloudProvider::Azure: checkAzure(tf, production); break;
        case CloudProvider::Gcp: checkGcp(tf, production); break;
        }
    }

    void hostileStringsSurviveTheParser()
    {
        const QStringList hostile{
            lit("quote \" inside"),
            lit("trailing backslash \\"),
            lit("${file(\"/etc/passwd\")}"),
            lit("%{ if true }yes%{ endif }"),
            lit("line one\nline two\r\n\ttabbed"),
            lit("$${already escaped} and %%{this}"),
            lit("\"\n}\nresource \"null_resource\" \"evil\" {\n  x = \""),
            lit("lone $ and % and ${ and %{"),
            lit("unicode é ✓ and controls \x01\x7f"),
            lit("$$${x}"),
        };
        HclBody file;
        HclBody &locals = file.block(QStringLiteral("locals"));
        for (qsizetype i = 0; i < hostile.size(); ++i)
            locals.attribute(QStringLiteral("value_%1").arg(i), HclValue::string(hostile[i]));
        locals.attribute(QStringLiteral("listed"), HclValue::stringList(hostile));
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("hostile.tf")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file.render().toUtf8());
        out.close();

        const HclPeerResult parsed = parseHcl(dir.path(), {QStringLiteral("hostile.tf")});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        const QJsonObject json = parsed.files.value(QStringLiteral("hostile.tf")).toObject().value(QStringLiteral("json")).toObject();
        QCOMPARE(QStringList(json.keys()), QStringList{QStringLiteral("locals")});
        const QJsonObject values = json.value(QStringLiteral("locals")).toArray().first().toObject();
        QCOMPARE(values.size(), hostile.size() + 1);
        for (qsizetype i = 0; i < hostile.size(); ++i)
            QCOMPARE(values.value(QStringLiteral("value_%1").arg(i)).toString(), jsonTemplateLiteral(hostile[i]));
        const QJsonArray listed = values.value(QStringLiteral("listed")).toArray();
        QCOMPARE(listed.size(), hostile.size());
        for (qsizetype i = 0; i < hostile.size(); ++i)
            QCOMPARE(listed[i].toString(), jsonTemplateLiteral(hostile[i]));
    }

    // The generators never paste an answer into HCL unescaped, even answers the rules would refuse.
    void hostileAnswersCannotAddResources()
    {
        AwsSetup setup(AwsAnswers::preset(Preset::Production), Preset::Production);
        AwsAnswers &a = setup.answers();
        const QString evil = lit("x\"\n}\nresource \"aws_iam_user\" \"evil\" {\n  name = \"${file(\"/etc/passwd\")}");
        a.cluster.name = evil;
        a.storage.bucket = lit("%{ for x in [1] }bucket%{ endfor }");
        a.cluster.nodePools[0].name = lit("pool\" = 1 }\nevil = {");
        a.secrets = {lit("a\\\"b"), lit("$${x}")};
        QVERIFY(!setup.validate().isEmpty());
        QTemporaryDir repo;
        QVERIFY(writeGeneratedFiles(repo.path(), setup.generate()).ok());
        const QString dir = repo.filePath(setup.terraformDir());
        const HclPeerResult parsed = parseHcl(dir, terraformFiles(dir));
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        const ParsedTerraform tf(parsed.files);
        QVERIFY(!tf.has(QStringLiteral("resource"), QStringLiteral("aws_iam_user")));
        QCOMPARE(tf.tfvar(QStringLiteral("cluster_name")).toString(), jsonTemplateLiteral(evil));
        QCOMPARE(tf.tfvar(QStringLiteral("bucket_name")).toString(), jsonTemplateLiteral(a.storage.bucket));
        const QJsonObject pools = tf.tfvar(QStringLiteral("node_pools")).toObject();
        QCOMPARE(QStringList(pools.keys()), QStringList{a.cluster.nodePools[0].name});
        const QJsonArray secrets = tf.tfvar(QStringLiteral("secret_names")).toArray();
        QCOMPARE(secrets[0].toString(), jsonTemplateLiteral(a.secrets[0]));
        QCOMPARE(secrets[1].toString(), jsonTemplateLiteral(a.secrets[1]));
    }

    void outputIsDeterministic()
    {
        for (CloudProvider p : {CloudProvider::Aws, CloudProvider::Azure, CloudProvider::Gcp}) {
            const GeneratedFiles first = CloudSetup::create(p, Preset::Production)->generate();
            const GeneratedFiles second = CloudSetup::create(p, Preset::Production)->generate();
            QCOMPARE(first.size(), second.size());
            for (qsizetype i = 0; i < first.size(); ++i) {
                QCOMPARE(first[i].path, second[i].path);
                QCOMPARE(first[i].content, second[i].content);
            }
        }
    }

    void goldenOutput_data()
    {
        QTest::addColumn<int>("provider");
        for (CloudProvider p : {CloudProvider::Aws, CloudProvider::Azure, CloudProvider::Gcp})
            QTest::addRow("%s", qPrintable(providerId(p))) << int(p);
    }
    void goldenOutput()
    {
        QFETCH(int, provider);
        const auto setup = CloudSetup::create(CloudProvider(provider), Preset::Dev);
        const GeneratedFiles files = setup->generate();
        const QString goldenDir = QStringLiteral(STUDIO_TEST_DATA_DIR "/data/golden/") + providerId(CloudProvider(provider));
        if (qEnvironmentVariable("STUDIO_REGENERATE_GOLDEN") == u"1") {
            QDir(goldenDir).removeRecursively();
            QVERIFY(writeGeneratedFiles(goldenDir, files).ok());
            QSKIP(qPrintable(QStringLiteral("regenerated %1; review it with git diff").arg(goldenDir)));
        }
        QStringList expectedPaths;
        QDirIterator it(goldenDir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            expectedPaths.append(QDir(goldenDir).relativeFilePath(it.next()));
        QVERIFY2(!expectedPaths.isEmpty(),
                 qPrintable(QStringLiteral("%1 is missing; run this test with STUDIO_REGENERATE_GOLDEN=1 to create it").arg(goldenDir)));
        QStringList actualPaths;
        for (const GeneratedFile &file : files)
            actualPaths.append(file.path);
        expectedPaths.sort();
        actualPaths.sort();
        QCOMPARE(actualPaths, expectedPaths);
        for (const GeneratedFile &file : files) {
            QFile expected(QDir(goldenDir).filePath(file.path));
            QVERIFY(expected.open(QIODevice::ReadOnly));
            QCOMPARE(file.content.split(u'\n'), QString::fromUtf8(expected.readAll()).split(u'\n'));
        }
    }

private:
    static void checkAws(const ParsedTerraform &tf, bool production)
    {
        const QJsonObject aws = nested(tf.file(QStringLiteral("versions.tf")).value(QStringLiteral("terraform")).toArray().first().toObject(),
                                       QStringLiteral("required_providers"))
                                    .value(QStringLiteral("aws")).toObject();
        QCOMPARE(aws.value(QStringLiteral("version")).toString(), QStringLiteral(">= 5.95, < 6.0.0"));
        const QJsonArray providers = tf.file(QStringLiteral("versions.tf")).value(QStringLiteral("provider")).toObject().value(QStringLiteral("aws")).toArray();
        QCOMPARE(providers.size(), 2);
        QCOMPARE(providers[1].toObject().value(QStringLiteral("alias")).toString(), QStringLiteral("us_east_1"));
        QCOMPARE(providers[1].toObject().value(QStringLiteral("region")).toString(), QStringLiteral("us-east-1"));

        const QJsonObject vpc = tf.block(QStringLiteral("module"), QStringLiteral("vpc"));
        QCOMPARE(vpc.value(QStringLiteral("source")).toString(), QStringLiteral("terraform-aws-modules/vpc/aws"));
        QCOMPARE(vpc.value(QStringLiteral("version")).toString(), QStringLiteral("5.21.0"));
        QCOMPARE(vpc.value(QStringLiteral("single_nat_gateway")).toBool(), !production);
        QCOMPARE(vpc.value(QStringLiteral("public_subnet_tags")).toObject().value(QStringLiteral("kubernetes.io/role/elb")).toInt(), 1);
        const QJsonObject eks = tf.block(QStringLiteral("module"), QStringLiteral("eks"));
        QCOMPARE(eks.value(QStringLiteral("version")).toString(), QStringLiteral("20.37.2"));
        QCOMPARE(eks.value(QStringLiteral("cluster_version")).toString(), QStringLiteral("${var.kubernetes_version}"));
        QVERIFY(eks.contains(QStringLiteral("eks_managed_node_groups")));
        QCOMPARE(tf.tfvar(QStringLiteral("kubernetes_version")).toString(), QStringLiteral("1.34"));
        QCOMPARE(tf.tfvar(QStringLiteral("node_pools")).toObject().value(QStringLiteral("general")).toObject().value(QStringLiteral("max_size")).toInt(),
                 production ? 9 : 3);

        const QJsonObject db = tf.block(QStringLiteral("resource"), QStringLiteral("aws_db_instance"), QStringLiteral("postgres"));
        QCOMPARE(db.value(QStringLiteral("engine")).toString(), QStringLiteral("postgres"));
        QCOMPARE(db.value(QStringLiteral("multi_az")).toString(), QStringLiteral("${var.postgres_multi_az}"));
        QCOMPARE(db.value(QStringLiteral("storage_encrypted")).toBool(), true);
        QCOMPARE(db.value(QStringLiteral("manage_master_user_password")).toBool(), true);
        QCOMPARE(db.value(QStringLiteral("skip_final_snapshot")).toBool(), false);
        QCOMPARE(tf.tfvar(QStringLiteral("postgres_multi_az")).toBool(), production);
        QCOMPARE(tf.tfvar(QStringLiteral("postgres_read_replicas")).toInt(), production ? 1 : 0);
        const QJsonObject replica = tf.block(QStringLiteral("resource"), QStringLiteral("aws_db_instance"), QStringLiteral("postgres_replica"));
        QCOMPARE(replica.value(QStringLiteral("replicate_source_db")).toString(), QStringLiteral("${aws_db_instance.postgres.identifier}"));

        const QJsonObject redis = tf.block(QStringLiteral("resource"), QStringLiteral("aws_elasticache_replication_group"), QStringLiteral("redis"));
        QCOMPARE(redis.value(QStringLiteral("transit_encryption_enabled")).toBool(), true);
        QCOMPARE(tf.tfvar(QStringLiteral("redis_nodes")).toInt(), production ? 2 : 1);
        QCOMPARE(tf.tfvar(QStringLiteral("redis_multi_az")).toBool(), production);
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("aws_opensearch_domain"), QStringLiteral("search")));
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("aws_s3_bucket"), QStringLiteral("assets")));
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("aws_s3_bucket_public_access_block"), QStringLiteral("assets")));
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("aws_secretsmanager_secret"), QStringLiteral("app")));
        QCOMPARE(tf.has(QStringLiteral("resource"), QStringLiteral("aws_cloudfront_distribution"), QStringLiteral("assets")), production);
        if (production) {
            const QJsonObject cert = tf.block(QStringLiteral("resource"), QStringLiteral("aws_acm_certificate"), QStringLiteral("cdn"));
            QCOMPARE(cert.value(QStringLiteral("provider")).toString(), QStringLiteral("${aws.us_east_1}"));
            const QJsonObject cdn = tf.block(QStringLiteral("resource"), QStringLiteral("aws_cloudfront_distribution"), QStringLiteral("assets"));
            QCOMPARE(nested(cdn, QStringLiteral("viewer_certificate")).value(QStringLiteral("acm_certificate_arn")).toString(),
                     QStringLiteral("${aws_acm_certificate.cdn.arn}"));
        }
    }

    static void checkAzure(const ParsedTerraform &tf, bool production)
    {
        const QJsonObject aks = tf.block(QStringLiteral("resource"), QStringLiteral("azurerm_kubernetes_cluster"), QStringLiteral("main"));
        const QJsonObject network = nested(aks, QStringLiteral("network_profile"));
        QCOMPARE(network.value(QStringLiteral("network_plugin")).toString(), QStringLiteral("azure"));
        QCOMPARE(network.value(QStringLiteral("network_plugin_mode")).toString(), QStringLiteral("overlay"));
        QCOMPARE(network.value(QStringLiteral("dns_service_ip")).toString(), QStringLiteral("${var.dns_service_ip}"));
        QCOMPARE(nested(aks, QStringLiteral("default_node_pool")).value(QStringLiteral("name")).toString(), QStringLiteral("system"));
        QCOMPARE(tf.tfvar(QStringLiteral("aks_sku_tier")).toString(), production ? QStringLiteral("Standard") : QStringLiteral("Free"));
        QVERIFY(tf.tfvar(QStringLiteral("node_pools")).toObject().contains(QStringLiteral("apps")));
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("azurerm_kubernetes_cluster_node_pool"), QStringLiteral("user")));

        const QJsonObject pg = tf.block(QStringLiteral("resource"), QStringLiteral("azurerm_postgresql_flexible_server"), QStringLiteral("main"));
        QCOMPARE(pg.value(QStringLiteral("public_network_access_enabled")).toBool(), false);
        QCOMPARE(pg.value(QStringLiteral("delegated_subnet_id")).toString(), QStringLiteral("${azurerm_subnet.database.id}"));
        QCOMPARE(pg.contains(QStringLiteral("high_availability")), production);
        if (production)
            QCOMPARE(nested(pg, QStringLiteral("high_availability")).value(QStringLiteral("mode")).toString(), QStringLiteral("ZoneRedundant"));
        const QJsonObject zone = tf.block(QStringLiteral("resource"), QStringLiteral("azurerm_private_dns_zone"), QStringLiteral("postgres"));
        QVERIFY(zone.value(QStringLiteral("name")).toString().endsWith(QStringLiteral(".postgres.database.azure.com")));
        const QJsonObject subnet = tf.block(QStringLiteral("resource"), QStringLiteral("azurerm_subnet"), QStringLiteral("database"));
        QCOMPARE(nested(nested(subnet, QStringLiteral("delegation")), QStringLiteral("service_delegation")).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Microsoft.DBforPostgreSQL/flexibleServers"));

        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("azurerm_managed_redis"), QStringLiteral("main")));
        QCOMPARE(tf.tfvar(QStringLiteral("redis_high_availability")).toBool(), production);
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("azurerm_storage_account"), QStringLiteral("assets")));
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("azurerm_key_vault"), QStringLiteral("main")));
        QCOMPARE(tf.has(QStringLiteral("resource"), QStringLiteral("azurerm_cdn_frontdoor_profile"), QStringLiteral("main")), production);
        QVERIFY(!tf.has(QStringLiteral("resource"), QStringLiteral("azurerm_redis_cache"), QStringLiteral("main")));
    }

    static void checkGcp(const ParsedTerraform &tf, bool production)
    {
        const QJsonObject subnet = tf.block(QStringLiteral("resource"), QStringLiteral("google_compute_subnetwork"), QStringLiteral("nodes"));
        const QJsonArray ranges = subnet.value(QStringLiteral("secondary_ip_range")).toArray();
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges[0].toObject().value(QStringLiteral("range_name")).toString(), QStringLiteral("${var.pods_range_name}"));
        const QJsonObject gke = tf.block(QStringLiteral("resource"), QStringLiteral("google_container_cluster"), QStringLiteral("main"));
        QCOMPARE(gke.value(QStringLiteral("location")).toString(), QStringLiteral("${var.region}"));
        QCOMPARE(gke.value(QStringLiteral("remove_default_node_pool")).toBool(), true);
        QCOMPARE(gke.value(QStringLiteral("deletion_protection")).toBool(), production);
        // The cluster's secondary range names are the subnet's (the same variables).
        QCOMPARE(nested(gke, QStringLiteral("ip_allocation_policy")).value(QStringLiteral("cluster_secondary_range_name")).toString(),
                 ranges[0].toObject().value(QStringLiteral("range_name")).toString());
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("google_container_node_pool"), QStringLiteral("pools")));
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("google_compute_router_nat"), QStringLiteral("nat")));

        const QJsonObject sql = tf.block(QStringLiteral("resource"), QStringLiteral("google_sql_database_instance"), QStringLiteral("main"));
        const QJsonObject backup = nested(nested(sql, QStringLiteral("settings")), QStringLiteral("backup_configuration"));
        QCOMPARE(tf.tfvar(QStringLiteral("postgres_availability_type")).toString(), production ? QStringLiteral("REGIONAL") : QStringLiteral("ZONAL"));
        QCOMPARE(backup.value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(backup.value(QStringLiteral("point_in_time_recovery_enabled")).toBool(), production);
        QCOMPARE(nested(nested(sql, QStringLiteral("settings")), QStringLiteral("ip_configuration")).value(QStringLiteral("ipv4_enabled")).toBool(), false);

        QCOMPARE(tf.tfvar(QStringLiteral("redis_tier")).toString(), production ? QStringLiteral("STANDARD_HA") : QStringLiteral("BASIC"));
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("google_storage_bucket"), QStringLiteral("assets")));
        QVERIFY(tf.has(QStringLiteral("resource"), QStringLiteral("google_secret_manager_secret"), QStringLiteral("app")));
        const QJsonObject backend = tf.block(QStringLiteral("resource"), QStringLiteral("google_compute_backend_bucket"), QStringLiteral("assets"));
        QCOMPARE(backend.value(QStringLiteral("enable_cdn")).toBool(), production);
    }
};

QTEST_GUILESS_MAIN(TestCloudTerraform)
#include "tst_cloudterraform.moc"
