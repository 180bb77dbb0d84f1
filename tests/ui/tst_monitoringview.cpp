// SPDX-License-Identifier: MIT
// The Monitoring view (offscreen) on the demo repository against a real Prometheus on 127.0.0.1:
// panels with data, promotion commits as markers, legend toggles, hover values, and the empty and
// error states a user sees when an environment's Prometheus is missing or unreachable.

#include "MetricChart.h"
#include "MetricPanel.h"
#include "MonitoringView.h"
#include "StatTile.h"
#include "TuneMantraMetrics.h"
#include "../models/TestPrometheus.h"

#include "workspace/DemoWorkspace.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using namespace studio::test;

namespace {

int git(const QString &repo, const QStringList &arguments, const QStringList &environment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &pair : environment)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral("git"), QStringList{QStringLiteral("-C"), repo} + arguments);
    process.waitForFinished(30000);
    return process.exitCode();
}

bool replaceInFile(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = file.readAll();
    file.close();
    if (!text.contains(from))
        return false;
    text.replace(from, to);
    return writeText(path, text);
}

MetricPanel *panelTitled(MonitoringView &view, const QString &title)
{
    for (MetricPanel *panel : view.panels()) {
        if (panel->definition().title == title)
            return panel;
    }
    return nullptr;
}

} // namespace

class TestMonitoringView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void panelsShowTheEnvironmentsData();
    void promotionCommitsAreMarkers();
    void legendTogglesSeries();
    void customRangeAndAutoRefresh();
    void unreachablePrometheusIsAClearError();
    void environmentWithoutPrometheus();
    void credentialsAreSentToPrometheus();
    void millionPointSeriesDrawsDownsampled();

private:
    void openOn(MonitoringView &view, const QString &environment);

    QTemporaryDir m_dir;
    QString m_repo;
    TestPrometheus m_server;
    QString m_unreachable;
    QString m_promotionId;
    qint64 m_promotionTime = 0;
};

void TestMonitoringView::initTestCase()
{
    QVERIFY2(TestPrometheus::isInstalled(), "prometheus and promtool are needed: apt-get install prometheus (scripts/setup-deps)");
    m_repo = m_dir.filePath(QStringLiteral("tunemantra"));
    QVERIFY(DemoWorkspace::create(m_repo).ok());

    // A promotion into staging twenty minutes ago, after which the 5xx rate triples.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_promotionTime = now - 20 * 60;
    QVERIFY(replaceInFile(m_repo + QStringLiteral("/charts/tunemantra/values-staging.yaml"), "tag: \"1.8.0\"", "tag: \"1.9.0\""));
    const QString date = QStringLiteral("@%1 +0000").arg(m_promotionTime);
    QCOMPARE(git(m_repo, {QStringLiteral("commit"), QStringLiteral("-qam"),
                          QStringLiteral("Promote 1.9.0 to staging\n\nPromoted-From: dev@1a2b3c4")},
                 {QStringLiteral("GIT_AUTHOR_NAME=Asha Rao"), QStringLiteral("GIT_AUTHOR_EMAIL=asha@tunemantra.example"),
                  QStringLiteral("GIT_COMMITTER_NAME=Asha Rao"), QStringLiteral("GIT_COMMITTER_EMAIL=asha@tunemantra.example"),
                  QStringLiteral("GIT_AUTHOR_DATE=") + date, QStringLiteral("GIT_COMMITTER_DATE=") + date}),
             0);
    QProcess rev;
    rev.start(QStringLiteral("git"), {QStringLiteral("-C"), m_repo, QStringLiteral("rev-parse"), QStringLiteral("--short=7"), QStringLiteral("HEAD")});
    QVERIFY(rev.waitForFinished());
    m_promotionId = QString::fromLatin1(rev.readAllStandardOutput().trimmed());

    TestPrometheus::Options options;
    options.scrapeSelf = false;
    options.openMetrics = tuneMantraOpenMetrics(QStringLiteral("staging"), now - 15, 2, m_promotionTime);
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));

    // staging → the test server; dev → a port nobody listens on; prod → no Prometheus at all.
    m_unreachable = QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort());
    const QString config = m_repo + QStringLiteral("/.deploy-studio.yaml");
    QVERIFY(replaceInFile(config, "http://127.0.0.1:9091", m_server.url().toUtf8()));
    QVERIFY(replaceInFile(config, "http://127.0.0.1:9090", m_unreachable.toUtf8()));
    QVERIFY(replaceInFile(config, "    prometheus: http://127.0.0.1:9092\n", ""));
}

void TestMonitoringView::openOn(MonitoringView &view, const QString &environment)
{
    view.resize(1300, 1000);
    view.show();
    QSignalSpy loaded(&view, &MonitoringView::dashboardsLoaded);
    QSignalSpy markers(&view, &MonitoringView::markersLoaded);
    view.setWorkspace(Workspace::discover(m_repo));
    QVERIFY(loaded.wait(20000));
    QSignalSpy refreshed(&view, &MonitoringView::refreshed);
    view.setEnvironment(environment);
    view.setRange(3600);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(markers.size() >= 1, 20000);
}

void TestMonitoringView::panelsShowTheEnvironmentsData()
{
    MonitoringView view;
    openOn(view, QStringLiteral("staging"));
    QCOMPARE(view.dashboards().size(), 2);
    QCOMPARE(view.panels().size(), 6);
    QCOMPARE(view.bannerText(), QString());
    for (MetricPanel *panel : view.panels()) {
        QVERIFY2(panel->stateText().isEmpty(), qPrintable(panel->definition().title + QStringLiteral(": ") + panel->stateText()));
        if (panel->chart())
            QVERIFY2(panel->chart()->plottedPointCount() > 10, qPrintable(panel->definition().title));
    }
    // Error ratio: 2% of requests failed before the promotion and 6% after it.
    MetricChart *errors = panelTitled(view, QStringLiteral("Error ratio"))->chart();
    QCOMPARE(errors->series().size(), 1);
    QCOMPARE(errors->series().front().name, QStringLiteral("5xx / all"));
    const TimeSeries &ratio = errors->series().front().data;
    const double last = ratio.values.back();
    QVERIFY2(std::abs(last - 0.06 / 1.06) < 0.002, qPrintable(QString::number(last)));
    QVERIFY2(std::abs(ratio.values.front() - 0.02 / 1.02) < 0.002, qPrintable(QString::number(ratio.values.front())));
    // Legends come from the labels ({{status}}), values on hover carry the unit.
    MetricChart *rate = panelTitled(view, QStringLiteral("Request rate"))->chart();
    QStringList names;
    for (const MetricChart::Series &s : rate->series())
        names << s.name;
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("200"), QStringLiteral("500")}));
    const QString hover = rate->hoverTextAt(QPoint(rate->width() * 2 / 3, rate->height() / 2));
    QVERIFY2(hover.contains(QLatin1String("200: ")) && hover.contains(QLatin1String(" req/s")), qPrintable(hover));
    // Memory in bytes; the restarts stat shows the restart after the promotion.
    const QString memoryHover = panelTitled(view, QStringLiteral("Memory"))->chart()->hoverTextAt(
        QPoint(rate->width() / 2, rate->height() / 2));
    QVERIFY2(memoryHover.contains(QLatin1String(" MiB")), qPrintable(memoryHover));
    QCOMPARE(panelTitled(view, QStringLiteral("Restarts"))->stat()->valueText(), QStringLiteral("1"));
    QVERIFY(view.statusText().contains(QLatin1String("step 15s")));
}

void TestMonitoringView::promotionCommitsAreMarkers()
{
    MonitoringView view;
    openOn(view, QStringLiteral("staging"));
    int index = -1;
    for (int i = 0; i < view.markers().size(); ++i) {
        if (view.markers().at(i).label == m_promotionId)
            index = i;
    }
    QVERIFY2(index >= 0, qPrintable(m_promotionId));
    const ChartMarker &marker = view.markers().at(index);
    QVERIFY(marker.emphasized);
    QCOMPARE(marker.time, double(m_promotionTime));
    MetricChart *chart = panelTitled(view, QStringLiteral("p95 latency"))->chart();
    QCOMPARE(chart->markers().size(), view.markers().size());
    const int x = chart->markerX(index);
    QVERIFY2(x > 0 && x < chart->width(), qPrintable(QString::number(x)));
    // Older demo commits are outside the last hour and not drawn.
    int drawn = 0;
    for (int i = 0; i < chart->markers().size(); ++i)
        drawn += chart->markerX(i) >= 0 ? 1 : 0;
    QCOMPARE(drawn, 1);
    const QString detail = chart->hoverTextAt(QPoint(x, chart->height() / 2));
    QVERIFY2(detail.contains(QStringLiteral("Promotion %1").arg(m_promotionId)), qPrintable(detail));
    QVERIFY(detail.contains(QLatin1String("Asha Rao <asha@tunemantra.example>")));
    QVERIFY(detail.contains(QLatin1String("Promote 1.9.0 to staging")));
    QVERIFY(detail.contains(QLatin1String("promoted from dev@1a2b3c4")));
}

void TestMonitoringView::legendTogglesSeries()
{
    MonitoringView view;
    openOn(view, QStringLiteral("staging"));
    MetricChart *chart = panelTitled(view, QStringLiteral("p95 latency"))->chart();
    QCOMPARE(chart->series().size(), 2);
    const qsizetype both = chart->plottedPointCount();
    // Find the legend entry of p50 along the bottom of the chart and click it.
    QPoint entry;
    for (int x = 0; x < chart->width() && entry.isNull(); x += 2) {
        for (int y = chart->height() - 1; y > chart->height() - 40; --y) {
            if (chart->legendEntryAt(QPoint(x, y)) == 1) {
                entry = QPoint(x, y);
                break;
            }
        }
    }
    QVERIFY(!entry.isNull());
    QTest::mouseClick(chart, Qt::LeftButton, {}, entry);
    QVERIFY(!chart->series().at(1).visible);
    QVERIFY(chart->plottedPointCount() < both);
    QVERIFY(!chart->hoverTextAt(QPoint(chart->width() / 2, chart->height() / 2)).contains(QLatin1String("p50")));
    // The choice survives a refresh.
    QSignalSpy refreshed(&view, &MonitoringView::refreshed);
    view.refresh();
    QVERIFY(refreshed.wait(20000));
    QVERIFY(!chart->series().at(1).visible);
    QTest::mouseClick(chart, Qt::LeftButton, {}, entry);
    QVERIFY(chart->series().at(1).visible);
}

void TestMonitoringView::customRangeAndAutoRefresh()
{
    MonitoringView view;
    openOn(view, QStringLiteral("staging"));
    // Ten minutes either side of the promotion: its marker is in the middle of every chart.
    QSignalSpy refreshed(&view, &MonitoringView::refreshed);
    view.setCustomRange(QDateTime::fromSecsSinceEpoch(m_promotionTime - 600), QDateTime::fromSecsSinceEpoch(m_promotionTime + 600));
    QVERIFY(refreshed.wait(20000));
    MetricChart *chart = panelTitled(view, QStringLiteral("Error ratio"))->chart();
    int index = 0;
    while (index < view.markers().size() && view.markers().at(index).label != m_promotionId)
        ++index;
    const int x = chart->markerX(index);
    QVERIFY2(std::abs(x - chart->width() / 2) < chart->width() / 8, qPrintable(QString::number(x)));
    const TimeSeries &ratio = chart->series().front().data;
    QVERIFY(ratio.times.front() >= m_promotionTime - 600 - 15 && ratio.times.back() <= m_promotionTime + 600);
    // Auto-refresh queries again by itself.
    refreshed.clear();
    view.setAutoRefresh(1);
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 2, 15000);
    view.setAutoRefresh(0);
}

void TestMonitoringView::unreachablePrometheusIsAClearError()
{
    MonitoringView view;
    openOn(view, QStringLiteral("dev"));
    const QString expected = QStringLiteral("Prometheus at %1 is unreachable: connection refused (is Prometheus running on that port?)")
                                 .arg(m_unreachable);
    QCOMPARE(view.bannerText(), expected);
    for (MetricPanel *panel : view.panels())
        QCOMPARE(panel->stateText(), QStringLiteral("No data (see the message above)"));
    QVERIFY(view.statusText().startsWith(QLatin1String("failed at ")));
}

void TestMonitoringView::environmentWithoutPrometheus()
{
    MonitoringView view;
    view.resize(1000, 700);
    view.show();
    QSignalSpy loaded(&view, &MonitoringView::dashboardsLoaded);
    view.setWorkspace(Workspace::discover(m_repo));
    QVERIFY(loaded.wait(20000));
    view.setEnvironment(QStringLiteral("prod"));
    QCOMPARE(view.bannerText(), QStringLiteral("The environment 'prod' has no Prometheus. Add 'prometheus: http://host:9090' "
                                               "to it in .deploy-studio.yaml."));
    QCOMPARE(view.panels().front()->stateText(), QStringLiteral("No Prometheus configured"));
}

void TestMonitoringView::credentialsAreSentToPrometheus()
{
    QByteArray hash;
    QCOMPARE(runTool(QStringLiteral("htpasswd"), {QStringLiteral("-nbB"), QStringLiteral("grafana"), QStringLiteral("pa55")}, &hash), 0);
    TestPrometheus secured;
    TestPrometheus::Options options;
    options.scrapeSelf = false;
    options.webConfig = "basic_auth_users:\n  grafana: '" + hash.trimmed().mid(hash.indexOf(':') + 1) + "'\n";
    QString error;
    QVERIFY2(secured.start(options, &error), qPrintable(error));

    Workspace workspace = Workspace::discover(m_repo);
    workspace.environments[0].prometheusUrl = secured.url();
    MonitoringView view;
    view.resize(1000, 700);
    view.show();
    QSignalSpy loaded(&view, &MonitoringView::dashboardsLoaded);
    QSignalSpy refreshed(&view, &MonitoringView::refreshed);
    view.setWorkspace(workspace);
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 20000);
    QCOMPARE(view.bannerText(), QStringLiteral("Prometheus at %1 refused the credentials (HTTP 401); check the user and "
                                               "password or the token")
                                    .arg(secured.url()));
    refreshed.clear();
    view.setCredentials(workspace.environments[0].name, PrometheusCredentials::basic(QStringLiteral("grafana"), QStringLiteral("pa55")));
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 20000);
    QCOMPARE(view.bannerText(), QString());
    // The server has no TuneMantra series: every panel is empty, none failed.
    for (MetricPanel *panel : view.panels())
        QCOMPARE(panel->stateText(), QStringLiteral("No data in this time range"));
}

void TestMonitoringView::millionPointSeriesDrawsDownsampled()
{
    TimeSeries big;
    const qsizetype n = 1'000'000;
    big.times.resize(n);
    big.values.resize(n);
    for (qsizetype i = 0; i < n; ++i) {
        big.times[i] = 1'700'000'000.0 + double(i);
        big.values[i] = std::sin(double(i) / 5000.0) + (i == 424242 ? 50.0 : 0.0);
    }
    MetricChart chart;
    chart.resize(1000, 400);
    chart.setTimeRange(big.times.front(), big.times.back());
    chart.setSeries({MetricChart::Series{QStringLiteral("big"), big, MetricChart::seriesColor(0), true}});
    chart.show();
    const qsizetype plotted = chart.plottedPointCount();
    QVERIFY2(plotted > 1000 && plotted <= 4 * 1000 + 8, qPrintable(QString::number(plotted)));
    QVERIFY(!chart.grab().isNull());
    // The downsampled line keeps the one-sample spike; hovering reads the raw series.
    QVERIFY(chart.hoverTextAt(QPoint(chart.width() / 2, 200)).contains(QLatin1String("big: ")));
}

QTEST_MAIN(TestMonitoringView)
#include "tst_monitoringview.moc"
