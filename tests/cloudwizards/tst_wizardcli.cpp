// SPDX-License-Identifier: MIT
// `deploy-studio-cli wizard` as users and CI jobs run it: the real binary through QProcess.
// Examples it prints generate cleanly; invalid answers exit 1 naming every field and rule;
// usage and I/O errors exit 2; --format json lists the files, the cost lines and the timing.

#include "../app/ProcessRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kCli = QStringLiteral(DEPLOY_STUDIO_CLI);

Run cli(const QStringList &arguments)
{
    return runProcess(kCli, QStringList{QStringLiteral("wizard")} + arguments);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text.toUtf8());
    return path;
}

} // namespace

class TestWizardCli : public QObject
{
    Q_OBJECT

private slots:
    void printedExamplesGenerate_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("environment");
        for (const char *provider : {"aws", "azure", "gcp"}) {
            QTest::addRow("%s-dev", provider) << QString::fromLatin1(provider) << QStringLiteral("dev") << QStringLiteral("dev");
            QTest::addRow("%s-production", provider) << QString::fromLatin1(provider) << QStringLiteral("production") << QStringLiteral("prod");
        }
    }
    void printedExamplesGenerate()
    {
        QFETCH(QString, provider);
        QFETCH(QString, preset);
        QFETCH(QString, environment);
        const Run example = cli({provider, QStringLiteral("--print-example"), QStringLiteral("--preset"), preset});
        QVERIFY2(example.exitCode == 0, qPrintable(example.describe()));
        QVERIFY(example.out.contains(QStringLiteral("preset: \"%1\"").arg(preset)));

        QTemporaryDir dir;
        const QString answers = writeFile(dir, QStringLiteral("answers.yaml"), example.out);
        const QString repo = dir.filePath(QStringLiteral("repo"));
        const Run run = cli({provider, QStringLiteral("--answers"), answers, QStringLiteral("--out"), repo, QStringLiteral("--format"),
                             QStringLiteral("json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("provider")).toString(), provider);
        QCOMPARE(json.value(QStringLiteral("environment")).toString(), environment);
        const QString infra = QStringLiteral("infra/%1/%2").arg(provider, environment);
        QCOMPARE(json.value(QStringLiteral("terraformDir")).toString(), infra);

        QStringList paths;
        for (const QJsonValue &file : json.value(QStringLiteral("files")).toArray()) {
            const QString path = file[QStringLiteral("path")].toString();
            paths.append(path);
            QFile written(QDir(repo).filePath(path));
            QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(path));
            QCOMPARE(written.size(), file[QStringLiteral("bytes")].toInteger());
        }
        for (const QString &expected : {infra + QStringLiteral("/versions.tf"), infra + QStringLiteral("/variables.tf"),
                                        infra + QStringLiteral("/outputs.tf"), infra + QStringLiteral("/terraform.tfvars"),
                                        infra + QStringLiteral("/README.md"), infra + QStringLiteral("/network.tf"),
                                        infra + QStringLiteral("/cluster.tf"), infra + QStringLiteral("/database.tf"),
                                        infra + QStringLiteral("/cache.tf"), infra + QStringLiteral("/storage.tf"),
                                        QStringLiteral("clusters/%1/addons/bootstrap/root-app.yaml").arg(environment),
                                        QStringLiteral("clusters/%1/addons/apps/cert-manager.yaml").arg(environment)})
            QVERIFY2(paths.contains(expected), qPrintable(expected));

        const QJsonObject cost = json.value(QStringLiteral("cost")).toObject();
        QCOMPARE(cost.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        const QJsonArray lines = cost.value(QStringLiteral("lines")).toArray();
        QVERIFY(lines.size() >= 4);
        double sum = 0;
        for (const QJsonValue &line : lines) {
            QVERIFY(!line[QStringLiteral("item")].toString().isEmpty());
            QVERIFY(!line[QStringLiteral("source")].toString().isEmpty());
            sum += line[QStringLiteral("monthlyUsd")].toDouble();
        }
        QVERIFY(qAbs(sum - cost.value(QStringLiteral("totalMonthlyUsd")).toDouble()) < 0.05);
        QVERIFY(json.value(QStringLiteral("timing")).toObject().value(QStringLiteral("generateMs")).isDouble());
    }

    void textOutputListsFilesAndCost()
    {
        QTemporaryDir dir;
        const QString answers = writeFile(dir, QStringLiteral("a.yaml"), cli({QStringLiteral("gcp"), QStringLiteral("--print-example")}).out);
        const Run run = cli({QStringLiteral("gcp"), QStringLiteral("--answers"), answers, QStringLiteral("--out"), dir.filePath(QStringLiteral("r"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(run.out.contains(QStringLiteral("infra/gcp/dev/cluster.tf")));
        QVERIFY(run.out.contains(QStringLiteral("GKE cluster management fee")));
        QVERIFY(run.out.contains(QStringLiteral("total")));
        QVERIFY(run.out.contains(QStringLiteral("generated in")));
    }

    void invalidAnswersListEveryFieldAndRule()
    {
        QTemporaryDir dir;
        const QString answers = writeFile(dir, QStringLiteral("bad.yaml"),
                                          QStringLiteral("preset: dev\n"
                                                         "zones: [us-east-1a]\n"
                                                         "cluster:\n"
                                                         "  name: \"-cluster\"\n"
                                                         "redis:\n"
                                                         "  multiAz: true\n"));
        const QString repo = dir.filePath(QStringLiteral("repo"));
        const Run run = cli({QStringLiteral("aws"), QStringLiteral("--answers"), answers, QStringLiteral("--out"), repo});
        QCOMPARE(run.exitCode, 1);
        // One line per problem: "FILE: FIELD … [RULE]".
        const QStringList lines = run.err.split(u'\n');
        const QList<std::pair<QString, QString>> expected{{QStringLiteral("zones "), QStringLiteral("[zones-minimum]")},
                                                          {QStringLiteral("cluster.name "), QStringLiteral("[aws-eks-cluster-name]")},
                                                          {QStringLiteral("redis.multiAz "), QStringLiteral("[aws-elasticache-multi-az-failover]")},
                                                          {QStringLiteral("redis.nodes "), QStringLiteral("[aws-elasticache-ha-nodes]")},
                                                          {QStringLiteral("network.privateSubnets "), QStringLiteral("[subnets-per-zone]")}};
        for (const auto &[field, rule] : expected) {
            bool listed = false;
            for (const QString &line : lines)
                listed = listed || (line.contains(QStringLiteral(": ") + field) && line.startsWith(answers) && line.endsWith(rule));
            QVERIFY2(listed, qPrintable(field + rule + u'\n' + run.describe()));
        }
        // Fields written in the file are located at their line; the others came from the preset.
        QVERIFY2(run.err.contains(answers + QStringLiteral(":4:9: cluster.name ")), qPrintable(run.describe()));
        QVERIFY2(run.err.contains(answers + QStringLiteral(":2:8: zones ")), qPrintable(run.describe()));
        QVERIFY2(run.err.contains(answers + QStringLiteral(": redis.nodes ")), qPrintable(run.describe()));
        QVERIFY(run.err.contains(QStringLiteral("nothing was written")));
        QVERIFY(!QFileInfo::exists(repo));

        const Run json = cli({QStringLiteral("aws"), QStringLiteral("--answers"), answers, QStringLiteral("--out"), repo, QStringLiteral("--format"),
                              QStringLiteral("json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("valid")).toBool(), false);
        QStringList fields;
        for (const QJsonValue &problem : report.value(QStringLiteral("problems")).toArray()) {
            fields.append(problem[QStringLiteral("field")].toString());
            QVERIFY(!problem[QStringLiteral("rule")].toString().isEmpty());
            QCOMPARE(problem[QStringLiteral("file")].toString(), answers);
            if (problem[QStringLiteral("field")].toString() == u"redis.multiAz")
                QCOMPARE(problem[QStringLiteral("line")].toInt(), 6);
        }
        QVERIFY2(fields.contains(QStringLiteral("cluster.name")) && fields.contains(QStringLiteral("redis.multiAz")), qPrintable(fields.join(u' ')));
    }

    void malformedAnswersNameTheLine()
    {
        QTemporaryDir dir;
        const QString answers = writeFile(dir, QStringLiteral("typo.yaml"), QStringLiteral("preset: dev\nlocaton: westeurope\n"));
        const Run run = cli({QStringLiteral("azure"), QStringLiteral("--answers"), answers, QStringLiteral("--out"), dir.filePath(QStringLiteral("r"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(answers + QStringLiteral(":2:1: locaton is not a known field")), qPrintable(run.describe()));
        QVERIFY(run.err.contains(QStringLiteral("[answers-format]")));
    }

    void usageAndIoErrorsExitTwo()
    {
        QTemporaryDir dir;
        const QString answers = writeFile(dir, QStringLiteral("a.yaml"), QStringLiteral("preset: dev\n"));
        const QString notADir = writeFile(dir, QStringLiteral("file.txt"), QStringLiteral("x"));
        const QList<QStringList> calls{
            {QStringLiteral("oracle"), QStringLiteral("--print-example")},
            {QStringLiteral("aws"), QStringLiteral("--print-example"), QStringLiteral("--preset"), QStringLiteral("huge")},
            {QStringLiteral("aws"), QStringLiteral("--answers"), answers},
            {QStringLiteral("aws")},
            {QStringLiteral("aws"), QStringLiteral("--answers"), dir.filePath(QStringLiteral("missing.yaml")), QStringLiteral("--out"), dir.path()},
            {QStringLiteral("aws"), QStringLiteral("--answers"), answers, QStringLiteral("--out"), notADir},
            {QStringLiteral("aws"), QStringLiteral("--answers"), answers, QStringLiteral("--out"), dir.path(), QStringLiteral("--format"),
             QStringLiteral("xml")},
        };
        for (const QStringList &arguments : calls) {
            const Run run = cli(arguments);
            QVERIFY2(run.exitCode == 2, qPrintable(arguments.join(u' ') + u'\n' + run.describe()));
            QVERIFY2(run.err.startsWith(QStringLiteral("deploy-studio-cli: ")) && run.err.count(u'\n') == 1, qPrintable(run.describe()));
        }
    }
};

QTEST_GUILESS_MAIN(TestWizardCli)
#include "tst_wizardcli.moc"
