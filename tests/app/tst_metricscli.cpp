// SPDX-License-Identifier: MIT
// `deploy-studio-cli metrics` as a CI job runs it, against a real Prometheus on 127.0.0.1.

#include "../models/TestPrometheus.h"
#include "ProcessRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace studio::test;

namespace {

Run cli(const QStringList &arguments)
{
    return runProcess(QStringLiteral(DEPLOY_STUDIO_CLI), QStringList{QStringLiteral("metrics")} + arguments);
}

} // namespace

class TestMetricsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rangeQueryAsCsv();
    void rangeQueryAsJson();
    void instantQueryAsJson();
    void badQueryIsOneSentence();
    void unreachableExitsWithTwo();
    void usageErrors();

private:
    TestPrometheus m_server;
    qint64 m_end = 0; ///< the stored samples end a few seconds before now
};

void TestMetricsCli::initTestCase()
{
    QVERIFY2(TestPrometheus::isInstalled(), "prometheus and promtool are needed: apt-get install prometheus (scripts/setup-deps)");
    // One gauge every 15 s over the last 10 minutes: value = minutes before the end.
    m_end = (QDateTime::currentSecsSinceEpoch() - 30) / 15 * 15;
    QByteArray om = "# TYPE studio_cli_value gauge\n";
    for (int i = 40; i >= 0; --i)
        om += "studio_cli_value{env=\"dev\",team=\"a,b\"} " + QByteArray::number(i) + ' ' + QByteArray::number(m_end - 15 * i) + '\n';
    om += "# EOF\n";
    TestPrometheus::Options options;
    options.openMetrics = om;
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
}

void TestMetricsCli::rangeQueryAsCsv()
{
    const Run run = cli({QStringLiteral("--prometheus"), m_server.url(), QStringLiteral("--query"), QStringLiteral("studio_cli_value"),
                         QStringLiteral("--range"), QStringLiteral("5m"), QStringLiteral("--step"), QStringLiteral("15s")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.front(), QStringLiteral("series,timestamp,time,value"));
    QVERIFY2(lines.size() >= 15, qPrintable(run.out));
    // Labels with a comma are quoted; values are the stored ones.
    const QString row = lines.at(1);
    QVERIFY2(row.startsWith(QStringLiteral("\"studio_cli_value{env=\"\"dev\"\",team=\"\"a,b\"\"}\",")), qPrintable(row));
    const QStringList fields = row.split(QLatin1Char(',')).mid(row.split(QLatin1Char(',')).size() - 3);
    const qint64 t = fields.at(0).toLongLong();
    QCOMPARE(t % 15, 0);
    QCOMPARE(fields.at(1), QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODateWithMs));
    QCOMPARE(fields.at(2).toDouble(), double((m_end - t) / 15));
}

void TestMetricsCli::rangeQueryAsJson()
{
    const Run run = cli({QStringLiteral("--prometheus"), m_server.url(), QStringLiteral("--query"),
                         QStringLiteral("studio_cli_value * 2"), QStringLiteral("--range"), QStringLiteral("10m"),
                         QStringLiteral("--step"), QStringLiteral("1m"), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("resultType")).toString(), QStringLiteral("matrix"));
    QCOMPARE(json.value(QLatin1String("step")).toDouble(), 60.0);
    QCOMPARE(json.value(QLatin1String("query")).toString(), QStringLiteral("studio_cli_value * 2"));
    const QJsonArray series = json.value(QLatin1String("series")).toArray();
    QCOMPARE(series.size(), 1);
    const QJsonObject s = series.at(0).toObject();
    QCOMPARE(s.value(QLatin1String("metric")).toObject().value(QLatin1String("team")).toString(), QStringLiteral("a,b"));
    const QJsonArray values = s.value(QLatin1String("values")).toArray();
    QVERIFY(values.size() >= 9);
    for (const QJsonValue &v : values) {
        const double t = v.toArray().at(0).toDouble();
        // The sample in force at t is the last one at or before it (15 s grid), doubled.
        const qint64 sampled = std::min(m_end, qint64(t) - ((qint64(t) - m_end) % 15 + 15) % 15);
        QCOMPARE(v.toArray().at(1).toDouble(), 2.0 * double((m_end - sampled) / 15));
    }
}

void TestMetricsCli::instantQueryAsJson()
{
    const Run run = cli({QStringLiteral("--prometheus"), m_server.url(), QStringLiteral("--query"), QStringLiteral("0/0"),
                         QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("resultType")).toString(), QStringLiteral("vector"));
    const QJsonArray point = json.value(QLatin1String("series")).toArray().at(0).toObject().value(QLatin1String("values")).toArray().at(0).toArray();
    QCOMPARE(point.at(1).toString(), QStringLiteral("NaN"));
}

void TestMetricsCli::badQueryIsOneSentence()
{
    const Run run = cli({QStringLiteral("--prometheus"), m_server.url(), QStringLiteral("--query"), QStringLiteral("rate(up[5m]")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.startsWith(QStringLiteral("deploy-studio-cli: Prometheus at %1 refused the request (bad_data, HTTP 400): ").arg(m_server.url())),
             qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
}

void TestMetricsCli::unreachableExitsWithTwo()
{
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort());
    const Run run = cli({QStringLiteral("--prometheus"), url, QStringLiteral("--query"), QStringLiteral("up"), QStringLiteral("--range"),
                         QStringLiteral("1h")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QStringLiteral("deploy-studio-cli: Prometheus at %1 is unreachable: connection refused (is Prometheus "
                                     "running on that port?)\n")
                          .arg(url));
}

void TestMetricsCli::usageErrors()
{
    Run run = cli({QStringLiteral("--query"), QStringLiteral("up")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QLatin1String("usage: deploy-studio-cli metrics --prometheus URL --query Q")));
    run = cli({QStringLiteral("--prometheus"), m_server.url(), QStringLiteral("--query"), QStringLiteral("up"), QStringLiteral("--range"),
               QStringLiteral("30d"), QStringLiteral("--step"), QStringLiteral("1s")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("more than 11,000 points")), qPrintable(run.err));
    run = cli({QStringLiteral("--prometheus"), m_server.url(), QStringLiteral("--query"), QStringLiteral("up"), QStringLiteral("--range"),
               QStringLiteral("soon")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QStringLiteral("deploy-studio-cli: --range: 'soon' is not a duration; write e.g. 15s, 5m, 1h, 7d\n"));
}

QTEST_GUILESS_MAIN(TestMetricsCli)
#include "tst_metricscli.moc"
