// SPDX-License-Identifier: MIT
// `deploy-studio-cli pipeline` run as a real process: its JSON (parsed, stable between runs), its DOT
// (accepted by Graphviz's own `dot -Tsvg`), its SVG (well-formed XML with a card per job), and its
// exit codes and error lines.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

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
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QStringList stringsOf(const QJsonArray &array, const QString &key)
{
    QStringList out;
    for (const QJsonValue &value : array)
        out << value.toObject().value(key).toString();
    return out;
}

/// Element names and their `id` attributes of a well-formed XML document; empty on a parse error.
QStringList xmlIds(const QString &xml, QString *error, QStringList *titles = nullptr)
{
    QXmlStreamReader reader(xml);
    QStringList ids;
    bool sawSvg = false;
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement) {
            sawSvg = sawSvg || reader.name() == u"svg";
            if (reader.attributes().hasAttribute(QStringLiteral("id")))
                ids << reader.attributes().value(QStringLiteral("id")).toString();
            if (titles && reader.name() == u"title")
                *titles << reader.readElementText();
        }
    }
    if (reader.hasError())
        *error = reader.errorString() + QStringLiteral(" at line %1").arg(reader.lineNumber());
    else if (!sawSvg)
        *error = QStringLiteral("no <svg> element");
    return ids;
}

} // namespace

class TestPipelineCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_demo;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.path() + QStringLiteral("/tunemantra");
        const Run demo = cli({QStringLiteral("demo"), m_demo});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.describe()));
    }

    void jsonHasJobsEdgesAndEnvironments()
    {
        const Run r = cli({QStringLiteral("pipeline"), m_demo, QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray jobs = root.value(QLatin1String("jobs")).toArray();
        QCOMPARE(stringsOf(jobs, QStringLiteral("id")),
                 (QStringList{"ci-cd:test", "ci-cd:build", "ci-cd:deploy-dev", "ci-cd:deploy-staging", "ci-cd:deploy-prod"}));
        const QJsonObject prodJob = jobs.at(4).toObject();
        QCOMPARE(prodJob.value(QLatin1String("environment")).toString(), QStringLiteral("production"));
        QCOMPARE(prodJob.value(QLatin1String("deploysTo")).toString(), QStringLiteral("prod"));
        QCOMPARE(prodJob.value(QLatin1String("needs")).toArray(), QJsonArray{QStringLiteral("ci-cd:deploy-staging")});
        QCOMPARE(prodJob.value(QLatin1String("if")).toString(), QStringLiteral("github.ref == 'refs/heads/main'"));
        QCOMPARE(prodJob.value(QLatin1String("matrix")).toInt(), 1);
        const QJsonArray steps = prodJob.value(QLatin1String("steps")).toArray();
        QCOMPARE(steps.size(), 4);
        QCOMPARE(steps.at(0).toObject().value(QLatin1String("name")).toString(), QString());
        QCOMPARE(steps.at(0).toObject().value(QLatin1String("title")).toString(), QStringLiteral("actions/checkout@v3"));
        QCOMPARE(steps.at(2).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Update kustomization.yaml"));
        QVERIFY(steps.at(2).toObject().value(QLatin1String("run")).toString().contains(QLatin1String("cd deploy/overlays/prod")));

        const QJsonArray edges = root.value(QLatin1String("edges")).toArray();
        QCOMPARE(edges.size(), 4);
        QCOMPARE(edges.at(0).toObject(), (QJsonObject{{QLatin1String("from"), QStringLiteral("ci-cd:test")},
                                                      {QLatin1String("to"), QStringLiteral("ci-cd:build")},
                                                      {QLatin1String("kind"), QStringLiteral("needs")}}));

        const QJsonArray envs = root.value(QLatin1String("environments")).toArray();
        QCOMPARE(stringsOf(envs, QStringLiteral("name")), (QStringList{"dev", "staging", "prod"}));
        const QJsonObject dev = envs.at(0).toObject();
        QCOMPARE(dev.value(QLatin1String("application")).toString(), QStringLiteral("tunemantra-dev"));
        QCOMPARE(dev.value(QLatin1String("path")).toString(), QStringLiteral("deploy/overlays/dev"));
        QCOMPARE(dev.value(QLatin1String("syncPolicy")).toObject(),
                 (QJsonObject{{QLatin1String("automated"), true}, {QLatin1String("prune"), true}, {QLatin1String("selfHeal"), true}}));
        QCOMPARE(envs.at(2).toObject().value(QLatin1String("syncPolicy")).toObject().value(QLatin1String("automated")).toBool(), false);
        QCOMPARE(envs.at(2).toObject().value(QLatin1String("deployJobs")).toArray(), QJsonArray{QStringLiteral("ci-cd:deploy-prod")});
        QVERIFY(root.value(QLatin1String("diagnostics")).toArray().isEmpty());
        QCOMPARE(root.value(QLatin1String("workflows")).toArray().at(0).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("TuneMantra CI/CD"));

        const Run again = cli({QStringLiteral("pipeline"), m_demo, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(again.out, r.out);
    }

    void dotIsAcceptedByGraphviz()
    {
        const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
        if (dot.isEmpty())
            QSKIP("Graphviz's dot is not installed (scripts/setup-deps installs it)");
        const Run r = cli({QStringLiteral("pipeline"), m_demo, QStringLiteral("--format"), QStringLiteral("dot")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString file = m_tmp.path() + QStringLiteral("/pipeline.dot");
        QVERIFY(writeFile(file, r.out.toUtf8()));
        const Run rendered = runProcess(dot, {QStringLiteral("-Tsvg"), file});
        QVERIFY2(rendered.exitCode == 0 && rendered.err.isEmpty(), qPrintable(rendered.describe()));
        QString error;
        QStringList titles;
        xmlIds(rendered.out, &error, &titles);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Graphviz titles each node with its DOT id, each edge "a->b" and each cluster by name.
        QCOMPARE(titles, (QStringList{"pipeline", "cluster_0", "ci-cd:test", "ci-cd:build", "ci-cd:test->ci-cd:build",
                                      "ci-cd:deploy-dev", "ci-cd:build->ci-cd:deploy-dev", "ci-cd:deploy-staging",
                                      "ci-cd:deploy-dev->ci-cd:deploy-staging", "ci-cd:deploy-prod",
                                      "ci-cd:deploy-staging->ci-cd:deploy-prod"}));
    }

    void svgIsWellFormedWithACardPerJob()
    {
        const Run r = cli({QStringLiteral("pipeline"), m_demo, QStringLiteral("--format"), QStringLiteral("svg")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QString error;
        const QStringList ids = xmlIds(r.out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const char *job : {"ci-cd:test", "ci-cd:build", "ci-cd:deploy-dev", "ci-cd:deploy-staging", "ci-cd:deploy-prod"})
            QVERIFY2(ids.contains(QLatin1String(job)), job);
        QVERIFY(r.out.contains(QStringLiteral("automated (prune, self-heal)")));
        QVERIFY(r.out.contains(QStringLiteral("manual sync")));
    }

    void textListsJobsAndPromotion()
    {
        const Run r = cli({QStringLiteral("pipeline"), m_demo});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("  ci-cd:deploy-staging ← ci-cd:deploy-dev  [environment: staging]")));
        QVERIFY(r.out.contains(QStringLiteral("  prod: tunemantra-prod (manual sync), deployed by ci-cd:deploy-prod")));
    }

    void workflowErrorsAreFindings()
    {
        const QString repo = m_tmp.path() + QStringLiteral("/broken");
        QVERIFY(writeFile(repo + QStringLiteral("/.github/workflows/ci.yml"),
                          "on: push\njobs:\n  test:\n    runs-on: x\n    needs: vulture\n    steps: [{run: t}]\n"));
        const Run r = cli({QStringLiteral("pipeline"), repo, QStringLiteral("--format"), QStringLiteral("dot")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.startsWith(QStringLiteral("digraph pipeline {")));
        QCOMPARE(r.err, QStringLiteral(".github/workflows/ci.yml:5: error: Job 'test' depends on unknown job 'vulture'.\n"));
        const Run json = cli({QStringLiteral("pipeline"), repo, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonArray diagnostics = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QLatin1String("diagnostics")).toArray();
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.at(0).toObject().value(QLatin1String("rule")).toString(), QStringLiteral("workflow-unknown-needs"));
        QCOMPARE(diagnostics.at(0).toObject().value(QLatin1String("line")).toInt(), 5);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no repo") << QStringList{"pipeline"} << "pipeline needs exactly one REPO folder";
        QTest::newRow("bad format") << QStringList{"pipeline", ".", "--format", "png"} << "unknown --format 'png'; use text, json, dot or svg";
        QTest::newRow("not a folder") << QStringList{"pipeline", "/nonexistent/repo"} << "'/nonexistent/repo' is not a folder";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = cli(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("deploy-studio-cli: ") + message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPipelineCli)
#include "tst_pipelinecli.moc"
