// SPDX-License-Identifier: MIT
// The widget-free metrics layer: step selection, durations, downsampling, units, query templates,
// the YAML dashboard format and the Grafana JSON import (golden files).

#include "metrics/DashboardCatalog.h"
#include "metrics/DashboardYaml.h"
#include "metrics/Downsampling.h"
#include "metrics/GrafanaDashboard.h"
#include "metrics/MetricUnit.h"
#include "metrics/QueryResolution.h"
#include "metrics/QueryTemplate.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <span>

using namespace studio;

namespace {

const QString kData = QStringLiteral(STUDIO_TEST_DATA_DIR "/data/metrics");
const QString kDemo = QStringLiteral(STUDIO_TEST_DATA_DIR "/../../resources/demo/workspace");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A dashboard as text, for golden comparisons.
QString describe(const Dashboard &d)
{
    QString out = QStringLiteral("dashboard: %1\n").arg(d.title);
    for (const DashboardPanel &p : d.panels) {
        out += QStringLiteral("panel %1 \"%2\" unit=%3 grid=%4,%5,%6,%7\n")
                   .arg(p.type == DashboardPanel::Type::Stat ? QStringLiteral("stat") : QStringLiteral("timeseries"), p.title,
                        MetricUnits::name(p.unit))
                   .arg(p.x)
                   .arg(p.y)
                   .arg(p.w)
                   .arg(p.h);
        for (const PanelQuery &q : p.queries)
            out += QStringLiteral("  expr: %1\n  legend: %2\n").arg(q.expr, q.legend);
    }
    for (auto it = d.variables.begin(); it != d.variables.end(); ++it)
        out += QStringLiteral("variable %1 = %2\n").arg(it.key(), it.value());
    for (const Diagnostic &diag : d.diagnostics)
        out += QStringLiteral("%1 %2:%3: %4\n").arg(severityName(diag.severity), diag.file).arg(diag.line).arg(diag.message);
    return out;
}

/// Compares with `data/metrics/<name>`; STUDIO_REGENERATE_GOLDEN=1 rewrites it (review the diff).
bool matchesGolden(const QString &actual, const QString &name)
{
    const QString path = kData + QLatin1Char('/') + name;
    if (qEnvironmentVariableIsSet("STUDIO_REGENERATE_GOLDEN")) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(actual.toUtf8()) > 0;
    }
    const QString expected = QString::fromUtf8(readAll(path));
    if (expected != actual)
        qWarning().noquote() << "--- expected" << path << "\n" << expected << "\n--- actual\n" << actual;
    return expected == actual;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void stepFollowsRangeAndWidth_data();
    void stepFollowsRangeAndWidth();
    void stepNeverExceedsThePointLimit();
    void durations();
    void downsamplingKeepsPeaks();
    void downsamplingKeepsGapsAndEdges();
    void downsamplingLeavesSmallSeriesAlone();
    void units_data();
    void units();
    void templatesAndLegends();
    void yamlDashboard();
    void yamlDashboardErrorsNameTheLine();
    void grafanaImport_data();
    void grafanaImport();
    void grafanaImportOfBrokenJson();
    void demoDashboards();
};

void TestMetrics::stepFollowsRangeAndWidth_data()
{
    QTest::addColumn<qint64>("range");
    QTest::addColumn<int>("points");
    QTest::addColumn<qint64>("scrapeMs");
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<QString>("rateInterval");
    // range / points, rounded to a readable interval, at least the scrape interval.
    QTest::newRow("1h at 1500 px, 15s scrape") << qint64(3600) << 1500 << qint64(15000) << qint64(15000) << QStringLiteral("1m");
    QTest::newRow("6h at 1200 px") << qint64(6 * 3600) << 1200 << qint64(15000) << qint64(20000) << QStringLiteral("1m");
    QTest::newRow("24h at 800 px") << qint64(86400) << 800 << qint64(15000) << qint64(120000) << QStringLiteral("2m15s");
    QTest::newRow("7d at 1000 px") << qint64(7 * 86400) << 1000 << qint64(15000) << qint64(600000) << QStringLiteral("10m15s");
    QTest::newRow("15m at 900 px, 1s scrape") << qint64(900) << 900 << qint64(1000) << qint64(1000) << QStringLiteral("4s");
    QTest::newRow("default width") << qint64(3600) << 0 << qint64(1000) << qint64(2000) << QStringLiteral("4s");
}

void TestMetrics::stepFollowsRangeAndWidth()
{
    QFETCH(qint64, range);
    QFETCH(int, points);
    QFETCH(qint64, scrapeMs);
    QFETCH(qint64, stepMs);
    QFETCH(QString, rateInterval);
    const qint64 end = 1'760'000'000;
    const QueryResolution r = QueryResolution::choose(end - range, end, points, scrapeMs);
    QCOMPARE(r.window.stepMs, stepMs);
    QCOMPARE(formatDuration(r.rateIntervalMs), rateInterval);
    // Start and end are multiples of the step, so refreshes line up.
    QCOMPARE(r.window.start % (stepMs / 1000), 0);
    QCOMPARE(r.window.end % (stepMs / 1000), 0);
    QVERIFY(r.window.end <= end && r.window.end > end - stepMs / 1000);
}

void TestMetrics::stepNeverExceedsThePointLimit()
{
    const qint64 end = 1'760'000'000;
    for (qint64 range : {qint64(60), qint64(3600), qint64(86400), qint64(30 * 86400), qint64(400 * 86400), qint64(3650) * 86400}) {
        for (int points : {1, 300, 1500, 11000, 50000, 1000000}) {
            for (qint64 scrape : {qint64(1000), qint64(15000), qint64(60000)}) {
                const QueryResolution r = QueryResolution::choose(end - range, end, points, scrape);
                const qint64 steps = (r.window.end - r.window.start) / (r.window.stepMs / 1000);
                QVERIFY2(steps <= QueryResolution::kMaxPointsPerSeries,
                         qPrintable(QStringLiteral("range %1 points %2 scrape %3: %4 steps").arg(range).arg(points).arg(scrape).arg(steps)));
                QVERIFY(r.window.stepMs >= scrape);
                QCOMPARE(r.window.stepMs % 1000, 0);
            }
        }
    }
    // 30 days a million points wide: range/11000 = 235.6 s, so 236 s.
    QCOMPARE(QueryResolution::choose(end - 30 * 86400, end, 1000000, 1000).window.stepMs, qint64(236000));
}

void TestMetrics::durations()
{
    QCOMPARE(formatDuration(15000), QStringLiteral("15s"));
    QCOMPARE(formatDuration(90000), QStringLiteral("1m30s"));
    QCOMPARE(formatDuration(7 * 86400000LL), QStringLiteral("1w"));
    QCOMPARE(formatDuration(250), QStringLiteral("250ms"));
    QCOMPARE(parseDuration(QStringLiteral("1h30m")).value(), qint64(5400000));
    QCOMPARE(parseDuration(QStringLiteral("7d")).value(), qint64(7 * 86400000LL));
    QCOMPARE(parseDuration(QStringLiteral("1.5")).value(), qint64(1500));
    QCOMPARE(parseDuration(QStringLiteral("250ms")).value(), qint64(250));
    QVERIFY(!parseDuration(QStringLiteral("soon")).ok());
    QCOMPARE(parseDuration(QStringLiteral("soon")).errorMessage(),
             QStringLiteral("'soon' is not a duration; write e.g. 15s, 5m, 1h, 7d"));
    QVERIFY(!parseDuration(QStringLiteral("0s")).ok());
}

void TestMetrics::downsamplingKeepsPeaks()
{
    // A million noisy points with one spike up and one spike down.
    const qsizetype n = 1'000'000;
    QVector<double> t(n), v(n);
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0, 1);
    for (qsizetype i = 0; i < n; ++i) {
        t[i] = 1'700'000'000.0 + double(i);
        v[i] = 50 + noise(random);
    }
    v[123457] = 1000;
    v[876543] = -1000;
    const int columns = 800;
    const PlotPoints p = Downsampling::minMaxPerColumn(std::span(t.constData(), size_t(n)), std::span(v.constData(), size_t(n)),
                                                       t.front(), t.back(), columns);
    QVERIFY2(p.size() <= 4 * columns + 8, qPrintable(QString::number(p.size())));
    QVERIFY(p.size() >= 2 * columns);
    QVERIFY(std::is_sorted(p.times.begin(), p.times.end()));
    QVERIFY(p.values.contains(1000.0));
    QVERIFY(p.values.contains(-1000.0));
    QCOMPARE(p.times.front(), t.front());
    QCOMPARE(p.times.back(), t.back());
    // Every column's extremes survive: compare against a brute-force per-column max.
    const double scale = columns / (t.back() - t.front());
    QVector<double> columnMax(columns + 1, -std::numeric_limits<double>::infinity());
    for (qsizetype i = 0; i < n; ++i) {
        const int c = std::min(columns, int((t[i] - t.front()) * scale));
        columnMax[c] = std::max(columnMax[c], v[i]);
    }
    for (int c = 0; c <= columns; ++c)
        QVERIFY2(p.values.contains(columnMax[c]), qPrintable(QStringLiteral("column %1").arg(c)));
}

void TestMetrics::downsamplingKeepsGapsAndEdges()
{
    QVector<double> t, v;
    for (int i = 0; i < 10000; ++i) {
        t << double(i);
        v << (i == 5000 ? std::numeric_limits<double>::quiet_NaN() : double(i % 7));
    }
    // A window inside the data keeps one point beyond each edge, so lines reach the chart's borders.
    const PlotPoints p = Downsampling::minMaxPerColumn(std::span(t.constData(), size_t(t.size())),
                                                       std::span(v.constData(), size_t(v.size())), 1000.5, 8999.5, 100);
    QCOMPARE(p.times.front(), 1000.0);
    QCOMPARE(p.times.back(), 9000.0);
    QVERIFY(std::any_of(p.values.begin(), p.values.end(), [](double x) { return std::isnan(x); }));
}

void TestMetrics::downsamplingLeavesSmallSeriesAlone()
{
    const QVector<double> t{1, 2, 3, 4, 5}, v{5, 4, 3, 2, 1};
    const PlotPoints p = Downsampling::minMaxPerColumn(std::span(t.constData(), 5), std::span(v.constData(), 5), 0, 10, 100);
    QCOMPARE(p.times, t);
    QCOMPARE(p.values, v);
    QCOMPARE(Downsampling::minMaxPerColumn({}, {}, 0, 10, 100).size(), 0);
}

void TestMetrics::units_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("bytes") << QStringLiteral("bytes") << 1572864.0 << QStringLiteral("1.5 MiB");
    QTest::newRow("small bytes") << QStringLiteral("bytes") << 512.0 << QStringLiteral("512 B");
    QTest::newRow("seconds as ms") << QStringLiteral("s") << 0.23 << QStringLiteral("230 ms");
    QTest::newRow("seconds") << QStringLiteral("seconds") << 1.5 << QStringLiteral("1.5 s");
    QTest::newRow("minutes") << QStringLiteral("s") << 90.0 << QStringLiteral("1.5 min");
    QTest::newRow("percent") << QStringLiteral("percent") << 12.5 << QStringLiteral("12.5%");
    QTest::newRow("ratio") << QStringLiteral("percentunit") << 0.125 << QStringLiteral("12.5%");
    QTest::newRow("req/s") << QStringLiteral("reqps") << 3200.0 << QStringLiteral("3.2k req/s");
    QTest::newRow("none") << QStringLiteral("short") << 2500000.0 << QStringLiteral("2.5M");
    // Small values keep three significant digits, so neighbouring axis ticks read differently.
    QTest::newRow("small 0.0012") << QStringLiteral("none") << 0.0012 << QStringLiteral("0.0012");
    QTest::newRow("small 0.0014") << QStringLiteral("none") << 0.0014 << QStringLiteral("0.0014");
    QTest::newRow("small 0.5") << QStringLiteral("none") << 0.5 << QStringLiteral("0.5");
    QTest::newRow("small 0.1234") << QStringLiteral("none") << 0.1234 << QStringLiteral("0.123");
    QTest::newRow("NaN") << QStringLiteral("s") << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("NaN");
}

void TestMetrics::units()
{
    QFETCH(QString, unit);
    QFETCH(double, value);
    QFETCH(QString, text);
    bool known = false;
    QCOMPARE(MetricUnits::format(value, MetricUnits::fromName(unit, &known)), text);
    QVERIFY(known);
    MetricUnits::fromName(QStringLiteral("celsius"), &known);
    QVERIFY(!known);
}

void TestMetrics::templatesAndLegends()
{
    const QMap<QString, QString> vars{{QStringLiteral("env"), QStringLiteral("prod")},
                                      {QStringLiteral("__rate_interval"), QStringLiteral("1m")},
                                      {QStringLiteral("__interval"), QStringLiteral("15s")}};
    QCOMPARE(QueryTemplate::expand(QStringLiteral("rate(x{ns=\"app-$env\"}[$__rate_interval]) + rate(y[${__interval}]) $unknown"), vars),
             QStringLiteral("rate(x{ns=\"app-prod\"}[1m]) + rate(y[15s]) $unknown"));
    const MetricLabels labels{{QStringLiteral("__name__"), QStringLiteral("up")},
                              {QStringLiteral("job"), QStringLiteral("api")},
                              {QStringLiteral("instance"), QStringLiteral("10.0.0.1:80")}};
    QCOMPARE(QueryTemplate::legend(QStringLiteral("{{job}} on {{ instance }}"), labels), QStringLiteral("api on 10.0.0.1:80"));
    QCOMPARE(QueryTemplate::legend(QString(), labels), QStringLiteral("up{instance=\"10.0.0.1:80\",job=\"api\"}"));
    QCOMPARE(QueryTemplate::legend(QStringLiteral("{{missing}}x"), labels), QStringLiteral("x"));
    QCOMPARE(QueryTemplate::legend(QString(), MetricLabels()), QString());
}

void TestMetrics::yamlDashboard()
{
    const QString file = QStringLiteral("monitoring/dashboards/tunemantra.yaml");
    const Dashboard d = DashboardYaml::parse(QString::fromUtf8(readAll(kDemo + QLatin1Char('/') + file)), file);
    QVERIFY2(matchesGolden(describe(d), QStringLiteral("tunemantra.yaml.expected")), "see the warning above");
    QVERIFY(d.diagnostics.isEmpty());
    QStringList titles;
    for (const DashboardPanel &p : d.panels)
        titles << p.title;
    QCOMPARE(titles, (QStringList{QStringLiteral("Request rate"), QStringLiteral("Error ratio"), QStringLiteral("p95 latency"),
                                  QStringLiteral("CPU"), QStringLiteral("Memory"), QStringLiteral("Restarts")}));
}

void TestMetrics::yamlDashboardErrorsNameTheLine()
{
    const QString text = QStringLiteral("title: Broken\n"
                                        "panels:\n"
                                        "  - title: No query\n"
                                        "    type: heatmap\n"
                                        "    unit: furlongs\n"
                                        "    grid: {x: 20, y: 0, w: 12, h: 8}\n"
                                        "  - title: Fine\n"
                                        "    expr: up\n"
                                        "    colour: red\n");
    const Dashboard d = DashboardYaml::parse(text, QStringLiteral("monitoring/dashboards/broken.yaml"));
    QCOMPARE(d.panels.size(), 2);
    QCOMPARE(d.panels.at(0).w, 4); // cut at the 24th column
    QCOMPARE(d.panels.at(1).queries.front().expr, QStringLiteral("up"));
    QStringList found;
    for (const Diagnostic &diag : d.diagnostics)
        found << QStringLiteral("%1 %2 %3").arg(diag.line).arg(severityName(diag.severity), diag.message);
    QCOMPARE(found, (QStringList{
                        QStringLiteral("4 error unknown panel type 'heatmap'; use timeseries or stat"),
                        QStringLiteral("5 warning unknown unit 'furlongs'; use none, bytes, seconds, ms, percent, ratio or req/s"),
                        QStringLiteral("6 warning the panel is wider than the 24 grid columns (x + w = 32); it is cut at the edge"),
                        QStringLiteral("3 error panel 'No query' has no query; add 'expr:' or 'queries:'"),
                        QStringLiteral("9 warning unknown setting 'colour' in a panel; it is ignored (check the spelling)"),
                    }));
}

void TestMetrics::grafanaImport_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("golden");
    QTest::newRow("service overview") << kData + QStringLiteral("/service-overview.json") << QStringLiteral("service-overview.expected");
    QTest::newRow("demo overview") << kDemo + QStringLiteral("/monitoring/dashboards/tunemantra-overview.json")
                                   << QStringLiteral("tunemantra-overview.expected");
}

void TestMetrics::grafanaImport()
{
    QFETCH(QString, input);
    QFETCH(QString, golden);
    const QByteArray json = readAll(input);
    QVERIFY(!json.isEmpty());
    const Dashboard d = GrafanaDashboard::import(json, QFileInfo(input).fileName());
    QVERIFY2(matchesGolden(describe(d), golden), "see the warning above");
}

void TestMetrics::grafanaImportOfBrokenJson()
{
    const Dashboard d = GrafanaDashboard::import("{\n  \"panels\": [\n    {\"type\": \"stat\",,}\n  ]\n}\n", QStringLiteral("bad.json"));
    QCOMPARE(d.diagnostics.size(), 1);
    QCOMPARE(d.diagnostics.front().line, 3);
    QVERIFY(d.diagnostics.front().message.startsWith(QLatin1String("not valid JSON")));
    const Dashboard notDashboard = GrafanaDashboard::import("{\"title\": \"x\"}", QStringLiteral("x.json"));
    QCOMPARE(notDashboard.diagnostics.front().message, QStringLiteral("this is not a Grafana dashboard: it has no 'panels'"));
}

void TestMetrics::demoDashboards()
{
    const QList<Dashboard> dashboards = DashboardCatalog::load(kDemo);
    QCOMPARE(dashboards.size(), 2);
    QCOMPARE(dashboards.at(0).file, QStringLiteral("monitoring/dashboards/tunemantra.yaml"));
    QCOMPARE(dashboards.at(1).file, QStringLiteral("monitoring/dashboards/tunemantra-overview.json"));
    QCOMPARE(dashboards.at(0).title, QStringLiteral("TuneMantra"));
    QCOMPARE(dashboards.at(1).title, QStringLiteral("TuneMantra / Overview"));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
