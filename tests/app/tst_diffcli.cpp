// SPDX-License-Identifier: MIT
// deploy-studio-cli diff as a user and a CI job run it: the real binary through QProcess on the demo workspace
// and on small hand-made ones. Exit codes (0 same, 1 differences, 2 usage or I/O error), the text and JSON
// output, both files and lines of every change (found by searching the files, never hard-coded), Kustomize
// overlays, Secret masking and clear errors.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "ProcessRun.h"

namespace {

const QString kCli = QStringLiteral(DEPLOY_STUDIO_CLI);

Run cli(const QStringList &arguments)
{
    return runProcess(kCli, arguments);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

/// 1-based line of the first line of `path` containing `needle`; 0 when none does.
int lineOf(const QString &path, const QByteArray &needle)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(needle))
            return int(i + 1);
    }
    return 0;
}

QJsonObject changeAt(const QJsonObject &root, const QString &source, const QString &path)
{
    for (const QJsonValue &section : root.value(QLatin1String("sections")).toArray()) {
        if (section.toObject().value(QLatin1String("source")).toString() != source)
            continue;
        for (const QJsonValue &change : section.toObject().value(QLatin1String("changes")).toArray()) {
            if (change.toObject().value(QLatin1String("path")).toString() == path)
                return change.toObject();
        }
    }
    return {};
}

} // namespace

class TestDiffCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_demo;
    QString m_small;

    QString demoFile(const QString &relative) const { return m_demo + u'/' + relative; }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(kCli).isExecutable(), qPrintable(kCli));
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.path() + QStringLiteral("/demo");
        const Run demo = cli({QStringLiteral("demo"), m_demo});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.describe()));

        // A small workspace found by convention: values-<env>.yaml and overlays/<env>, with a Secret per overlay.
        m_small = m_tmp.path() + QStringLiteral("/small");
        QVERIFY(writeFile(m_small + QStringLiteral("/charts/app/Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n"));
        QVERIFY(writeFile(m_small + QStringLiteral("/charts/app/values.yaml"),
                          "image:\n  repository: example/app\n  tag: \"1.0\"\nservice:\n  port: 80\n"));
        QVERIFY(writeFile(m_small + QStringLiteral("/charts/app/values-staging.yaml"), "# staging\nimage:\n  tag: \"1.1\"\n"));
        QVERIFY(writeFile(m_small + QStringLiteral("/charts/app/values-prod.yaml"), "# prod\nimage:\n  tag: \"1.0\"\n"));
        QVERIFY(writeFile(m_small + QStringLiteral("/deploy/base/kustomization.yaml"), "resources: [deployment.yaml]\n"));
        QVERIFY(writeFile(m_small + QStringLiteral("/deploy/base/deployment.yaml"),
                          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n"));
        for (const char *env : {"staging", "prod"}) {
            const QString overlay = m_small + QStringLiteral("/deploy/overlays/") + QLatin1String(env);
            QVERIFY(writeFile(overlay + QStringLiteral("/kustomization.yaml"),
                              QByteArray("resources: [../../base, secret.yaml]\nimages:\n  - name: example/app\n    newTag: \"")
                                  + (qstrcmp(env, "prod") == 0 ? "1.0" : "1.1") + "\"\n"));
            QVERIFY(writeFile(overlay + QStringLiteral("/secret.yaml"),
                              QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  password: ")
                                  + env + "-password-do-not-print\n"));
        }
    }

    void stagingAgainstProdAsText()
    {
        const Run r = cli({QStringLiteral("diff"), m_demo, QStringLiteral("--from"), QStringLiteral("staging"),
                           QStringLiteral("--to"), QStringLiteral("prod")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.describe()));

        const QString staging = QStringLiteral("charts/tunemantra/values-staging.yaml");
        const QString prod = QStringLiteral("charts/tunemantra/values-prod.yaml");
        const QString expectedTag = QStringLiteral("image.tag\n  ± value change: 1.8.0 → latest\n    from %1:%2:3\n    to   %3:%4:3\n")
                                        .arg(staging)
                                        .arg(lineOf(demoFile(staging), "tag: \"1.8.0\""))
                                        .arg(prod)
                                        .arg(lineOf(demoFile(prod), "tag: latest"));
        QVERIFY2(r.out.contains(expectedTag), qPrintable(expectedTag + u'\n' + r.describe()));
        const QString expectedCpu = QStringLiteral("resources.limits.cpu\n  ± value change: 1500m → 1000m\n    from %1:%2:5\n    to   %3:%4:5\n")
                                        .arg(staging)
                                        .arg(lineOf(demoFile(staging), "cpu: 1500m"))
                                        .arg(prod)
                                        .arg(lineOf(demoFile(prod), "cpu: 1000m"));
        QVERIFY2(r.out.contains(expectedCpu), qPrintable(expectedCpu + u'\n' + r.describe()));

        // The overlays' image tags, each side in its own kustomization.yaml.
        const QString stagingKustomization = QStringLiteral("deploy/overlays/staging/kustomization.yaml");
        const QString prodKustomization = QStringLiteral("deploy/overlays/prod/kustomization.yaml");
        const QString expectedNewTag =
            QStringLiteral("images[name=tunemantra/app].newTag\n  ± value change: 1.8.0 → 1.7.2\n    from %1:%2:5\n    to   %3:%4:5\n")
                .arg(stagingKustomization)
                .arg(lineOf(demoFile(stagingKustomization), "newTag: 1.8.0"))
                .arg(prodKustomization)
                .arg(lineOf(demoFile(prodKustomization), "newTag: 1.7.2"));
        QVERIFY2(r.out.contains(expectedNewTag), qPrintable(expectedNewTag + u'\n' + r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("=== Helm values: ")));
        QVERIFY(r.out.contains(QStringLiteral("=== Kustomize overlay: ") + stagingKustomization + QStringLiteral(" → ") + prodKustomization));
        // prod's resources patch has no counterpart in staging.
        QVERIFY(r.out.contains(QStringLiteral("+ one document added:")));
        QVERIFY(r.out.contains(QStringLiteral("deploy/overlays/prod/resources-patch.yaml")));
        QVERIFY(r.out.trimmed().endsWith(QStringLiteral("in kustomize)")));
        // Settings both share are not differences.
        QVERIFY(!r.out.contains(QStringLiteral("image.repository")));
        QVERIFY(!r.out.contains(QStringLiteral("probes.")));
    }

    void stagingAgainstProdAsJson()
    {
        const Run r = cli({QStringLiteral("diff"), m_demo, QStringLiteral("--from"), QStringLiteral("staging"),
                           QStringLiteral("--to"), QStringLiteral("prod"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(root.value(QLatin1String("from")).toString(), QStringLiteral("staging"));
        QCOMPARE(root.value(QLatin1String("to")).toString(), QStringLiteral("prod"));

        const QJsonArray sections = root.value(QLatin1String("sections")).toArray();
        QVERIFY(sections.size() >= 2);
        const QJsonObject values = sections.at(0).toObject();
        QCOMPARE(values.value(QLatin1String("source")).toString(), QStringLiteral("helm-values"));
        QCOMPARE(values.value(QLatin1String("toFiles")).toArray().last().toString(), QStringLiteral("charts/tunemantra/values-prod.yaml"));

        int total = 0;
        for (const QJsonValue &s : sections)
            total += int(s.toObject().value(QLatin1String("changes")).toArray().size());
        QCOMPARE(root.value(QLatin1String("summary")).toObject().value(QLatin1String("total")).toInt(), total);

        const QJsonObject tag = changeAt(root, QStringLiteral("helm-values"), QStringLiteral("image.tag"));
        QCOMPARE(tag.value(QLatin1String("kind")).toString(), QStringLiteral("changed"));
        QCOMPARE(tag.value(QLatin1String("old")).toString(), QStringLiteral("1.8.0"));
        QCOMPARE(tag.value(QLatin1String("new")).toString(), QStringLiteral("latest"));
        const QJsonObject from = tag.value(QLatin1String("from")).toObject();
        const QJsonObject to = tag.value(QLatin1String("to")).toObject();
        QCOMPARE(from.value(QLatin1String("file")).toString(), QStringLiteral("charts/tunemantra/values-staging.yaml"));
        QCOMPARE(from.value(QLatin1String("line")).toInt(), lineOf(demoFile(QStringLiteral("charts/tunemantra/values-staging.yaml")), "tag: \"1.8.0\""));
        QCOMPARE(to.value(QLatin1String("file")).toString(), QStringLiteral("charts/tunemantra/values-prod.yaml"));
        QCOMPARE(to.value(QLatin1String("line")).toInt(), lineOf(demoFile(QStringLiteral("charts/tunemantra/values-prod.yaml")), "tag: latest"));
        QCOMPARE(tag.value(QLatin1String("toPath")).toArray(), (QJsonArray{QStringLiteral("image"), QStringLiteral("tag")}));

        const QJsonObject memory = changeAt(root, QStringLiteral("helm-values"), QStringLiteral("resources.requests.memory"));
        QCOMPARE(memory.value(QLatin1String("old")).toString(), QStringLiteral("1536Mi"));
        QCOMPARE(memory.value(QLatin1String("new")).toString(), QStringLiteral("1Gi"));

        const QJsonObject newTag = changeAt(root, QStringLiteral("kustomize"), QStringLiteral("images[name=tunemantra/app].newTag"));
        QCOMPARE(newTag.value(QLatin1String("old")).toString(), QStringLiteral("1.8.0"));
        QCOMPARE(newTag.value(QLatin1String("new")).toString(), QStringLiteral("1.7.2"));
        QCOMPARE(newTag.value(QLatin1String("from")).toObject().value(QLatin1String("file")).toString(),
                 QStringLiteral("deploy/overlays/staging/kustomization.yaml"));
        // `replicas: [{name, count}]` is matched by name too; prod's count is an int like staging's.
        const QJsonObject replicas = changeAt(root, QStringLiteral("kustomize"), QStringLiteral("replicas[name=tunemantra].count"));
        QCOMPARE(replicas.value(QLatin1String("old")).toInt(), 2);
        QCOMPARE(replicas.value(QLatin1String("new")).toInt(), 3);
    }

    void sameEnvironmentHasNoDifferences()
    {
        const Run r = cli({QStringLiteral("diff"), m_demo, QStringLiteral("--from"), QStringLiteral("prod"),
                           QStringLiteral("--to"), QStringLiteral("prod")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QStringLiteral("prod and prod have the same effective configuration\n"));
        const Run json = cli({QStringLiteral("diff"), m_demo, QStringLiteral("--from"), QStringLiteral("prod"),
                              QStringLiteral("--to"), QStringLiteral("prod"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("summary")).toObject().value(QLatin1String("total")).toInt(),
                 0);
    }

    void secretsInOverlaysAreMasked()
    {
        const Run r = cli({QStringLiteral("diff"), m_small, QStringLiteral("--from"), QStringLiteral("staging"),
                           QStringLiteral("--to"), QStringLiteral("prod"), QStringLiteral("--format"), QStringLiteral("text")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("stringData.password\n  ± value change: (secret value changed)\n")), qPrintable(r.describe()));
        QVERIFY(!r.out.contains(QStringLiteral("password-do-not-print")));
        const Run json = cli({QStringLiteral("diff"), m_small, QStringLiteral("--from"), QStringLiteral("staging"),
                              QStringLiteral("--to"), QStringLiteral("prod"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 1);
        QVERIFY(!json.out.contains(QStringLiteral("password-do-not-print")));
        const QJsonObject password =
            changeAt(QJsonDocument::fromJson(json.out.toUtf8()).object(), QStringLiteral("kustomize"), QStringLiteral("stringData.password"));
        QVERIFY(password.value(QLatin1String("masked")).toBool());
        QVERIFY(password.value(QLatin1String("old")).isNull() && password.value(QLatin1String("new")).isNull());
    }

    void commentsAndQuotingAreNoDifference()
    {
        QTemporaryDir dir;
        const QString ws = dir.path();
        QVERIFY(writeFile(ws + QStringLiteral("/charts/app/Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n"));
        QVERIFY(writeFile(ws + QStringLiteral("/charts/app/values.yaml"), "image:\n  tag: '1.0'\nport: 80\n"));
        QVERIFY(writeFile(ws + QStringLiteral("/charts/app/values-staging.yaml"), "# staging\nimage: {tag: \"2.0\"}\nreplicas: 2\n"));
        QVERIFY(writeFile(ws + QStringLiteral("/charts/app/values-prod.yaml"),
                          "replicas: 2   # same as staging\n\nimage:\n    # written differently\n    tag: '2.0'\n"));
        const Run r = cli({QStringLiteral("diff"), ws, QStringLiteral("--from"), QStringLiteral("staging"), QStringLiteral("--to"),
                           QStringLiteral("prod")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        // One real change, and an environment without overlays has only the values section.
        QVERIFY(writeFile(ws + QStringLiteral("/charts/app/values-prod.yaml"), "replicas: \"2\"\nimage:\n  tag: '2.0'\n"));
        const Run changed = cli({QStringLiteral("diff"), ws, QStringLiteral("--from"), QStringLiteral("staging"), QStringLiteral("--to"),
                                 QStringLiteral("prod"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(changed.exitCode == 1, qPrintable(changed.describe()));
        const QJsonObject root = QJsonDocument::fromJson(changed.out.toUtf8()).object();
        QCOMPARE(root.value(QLatin1String("sections")).toArray().size(), 1);
        const QJsonObject replicas = changeAt(root, QStringLiteral("helm-values"), QStringLiteral("replicas"));
        QCOMPARE(replicas.value(QLatin1String("kind")).toString(), QStringLiteral("typeChanged"));
        QCOMPARE(replicas.value(QLatin1String("oldType")).toString(), QStringLiteral("int"));
        QCOMPARE(replicas.value(QLatin1String("newType")).toString(), QStringLiteral("string"));
    }

    void unknownEnvironmentNamesTheAvailableOnes()
    {
        const Run r = cli({QStringLiteral("diff"), m_demo, QStringLiteral("--from"), QStringLiteral("staging"),
                           QStringLiteral("--to"), QStringLiteral("qa")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("no environment 'qa'")), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("(environments: dev, staging, prod)")), qPrintable(r.describe()));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no --to") << QStringList{QStringLiteral("--from"), QStringLiteral("staging")} << QStringLiteral("usage: deploy-studio-cli diff");
        QTest::newRow("no repo") << QStringList{QStringLiteral("--from"), QStringLiteral("a"), QStringLiteral("--to"), QStringLiteral("b")}
                                 << QStringLiteral("usage: deploy-studio-cli diff");
        QTest::newRow("bad format") << QStringList{QStringLiteral("--from"), QStringLiteral("staging"), QStringLiteral("--to"),
                                                   QStringLiteral("prod"), QStringLiteral("--format"), QStringLiteral("yaml")}
                                    << QStringLiteral("unknown --format 'yaml'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frm"), QStringLiteral("staging")} << QStringLiteral("frm");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QStringList all{QStringLiteral("diff")};
        if (!QTest::currentDataTag() || qstrcmp(QTest::currentDataTag(), "no repo") != 0)
            all << m_demo;
        const Run r = cli(all + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
    }

    void notAFolder()
    {
        const Run r = cli({QStringLiteral("diff"), m_tmp.path() + QStringLiteral("/missing"), QStringLiteral("--from"),
                           QStringLiteral("a"), QStringLiteral("--to"), QStringLiteral("b")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is not a folder")), qPrintable(r.describe()));
    }

    void brokenYamlNamesFileAndLine()
    {
        QTemporaryDir dir;
        const QString ws = dir.path();
        QVERIFY(writeFile(ws + QStringLiteral("/charts/app/Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\n"));
        QVERIFY(writeFile(ws + QStringLiteral("/charts/app/values.yaml"), "image:\n  tag: '1.0'\n"));
        QVERIFY(writeFile(ws + QStringLiteral("/charts/app/values-staging.yaml"), "image:\n  tag: '2.0'\n"));
        QVERIFY(writeFile(ws + QStringLiteral("/charts/app/values-prod.yaml"), "image:\n  tag: [1.0, 2.0\nreplicas: 3\n"));
        const Run r = cli({QStringLiteral("diff"), ws, QStringLiteral("--from"), QStringLiteral("staging"), QStringLiteral("--to"),
                           QStringLiteral("prod")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("charts/app/values-prod.yaml:")), qPrintable(r.describe()));
        QCOMPARE(r.err.count(u'\n'), 1); // one clear sentence
    }
};

QTEST_GUILESS_MAIN(TestDiffCli)
#include "tst_diffcli.moc"
