// SPDX-License-Identifier: MIT
// PrometheusClient against a real Prometheus on 127.0.0.1: known samples from TSDB blocks, live
// self-scraped series, labels, series, alerts, refused queries, and every way a server can be
// unreachable (refused port, silence, untrusted TLS, wrong credentials).

#include "TestPrometheus.h"

#include "metrics/PrometheusClient.h"
#include "metrics/QueryResolution.h"

#include <QSslCertificate>
#include <QTcpServer>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace studio;
using namespace studio::test;

namespace {

template<typename T, typename Call>
std::optional<Result<T>> await(Call call, int timeoutMs = 30000)
{
    QObject context;
    std::optional<Result<T>> answer;
    call(&context, [&answer](Result<T> result) { answer.emplace(std::move(result)); });
    QElapsedTimer clock;
    clock.start();
    while (!answer && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    return answer;
}

Result<QList<TimeSeries>> range(PrometheusClient &client, const QString &query, const QueryWindow &window)
{
    auto answer = await<QList<TimeSeries>>([&](QObject *c, auto done) { client.queryRange(query, window, c, done); });
    return answer ? *answer : Result<QList<TimeSeries>>::failure(Error::Code::Internal, QStringLiteral("no answer"));
}

Result<QList<InstantSample>> instant(PrometheusClient &client, const QString &query)
{
    auto answer = await<QList<InstantSample>>([&](QObject *c, auto done) { client.query(query, QDateTime(), c, done); });
    return answer ? *answer : Result<QList<InstantSample>>::failure(Error::Code::Internal, QStringLiteral("no answer"));
}

PrometheusEndpoint endpointAt(const QString &url, int timeoutMs = 20000)
{
    PrometheusEndpoint e;
    e.url = QUrl(url);
    e.timeoutMs = timeoutMs;
    return e;
}

} // namespace

class TestPrometheusClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rangeQueryReturnsTheStoredSamples();
    void instantQuery();
    void liveSelfScrapedSeries();
    void labelsAndSeries();
    void alertsFromRules();
    void badPromQlShowsTheServersMessage();
    void chosenStepNeverHitsThePointLimit();
    void connectionRefused();
    void silentServerTimesOut();
    void invalidUrl();
    void httpsToAPlainHttpServer();
    void untrustedTlsCertificateIsRefused();
    void basicAuth();

private:
    TestPrometheus m_server;
    qint64 m_base = 0; ///< Unix time of the first stored sample
};

void TestPrometheusClient::initTestCase()
{
    QVERIFY2(TestPrometheus::isInstalled(), "prometheus and promtool are needed: apt-get install prometheus (scripts/setup-deps)");
    // Two gauges sampled every 15 s for an hour, three hours ago: a = i, b = 100 - i.
    m_base = (QDateTime::currentSecsSinceEpoch() - 3 * 3600) / 60 * 60;
    QByteArray om = "# HELP studio_test_value A value the test knows.\n# TYPE studio_test_value gauge\n";
    for (int i = 0; i < 240; ++i) {
        const QByteArray t = QByteArray::number(m_base + 15 * i);
        om += "studio_test_value{series=\"a\"} " + QByteArray::number(i) + ' ' + t + '\n';
        om += "studio_test_value{series=\"b\"} " + QByteArray::number(100 - i) + ' ' + t + '\n';
    }
    om += "# EOF\n";
    TestPrometheus::Options options;
    options.openMetrics = om;
    options.rules = "groups:\n  - name: studio\n    rules:\n      - alert: StudioAlwaysFiring\n        expr: vector(1)\n"
                    "        labels: {severity: test}\n        annotations: {summary: always on}\n";
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
}

void TestPrometheusClient::cleanupTestCase()
{
    m_server.stop();
}

void TestPrometheusClient::rangeQueryReturnsTheStoredSamples()
{
    PrometheusClient client(endpointAt(m_server.url()));
    const auto result = range(client, QStringLiteral("studio_test_value"), QueryWindow{m_base, m_base + 600, 60000});
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QCOMPARE(result->size(), 2);
    for (const TimeSeries &s : result.value()) {
        QCOMPARE(s.labels.value(QStringLiteral("__name__")), QStringLiteral("studio_test_value"));
        QCOMPARE(s.size(), 11);
        const bool isA = s.labels.value(QStringLiteral("series")) == u"a";
        for (int k = 0; k <= 10; ++k) {
            QCOMPARE(s.times.at(k), double(m_base + 60 * k));
            QCOMPARE(s.values.at(k), isA ? 4.0 * k : 100.0 - 4 * k);
        }
    }
    // A long expression travels in the POST body, '+' included.
    const auto sum = range(client, QStringLiteral("sum(studio_test_value) + 0 * count(studio_test_value)"),
                           QueryWindow{m_base, m_base + 60, 60000});
    QVERIFY2(sum.ok(), qPrintable(sum.errorMessage()));
    QCOMPARE(sum->size(), 1);
    QCOMPARE(sum->front().values, (QVector<double>{100.0, 100.0}));
}

void TestPrometheusClient::instantQuery()
{
    PrometheusClient client(endpointAt(m_server.url()));
    const auto result = instant(client, QStringLiteral("1 + 2"));
    QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
    QCOMPARE(result->size(), 1);
    QCOMPARE(result->front().value, 3.0);
    const auto nan = instant(client, QStringLiteral("0 / 0"));
    QVERIFY2(nan.ok(), qPrintable(nan.errorMessage()));
    QVERIFY(std::isnan(nan->front().value));
}

void TestPrometheusClient::liveSelfScrapedSeries()
{
    PrometheusClient client(endpointAt(m_server.url()));
    // The first self-scrape lands within about a second.
    Result<QList<InstantSample>> up = instant(client, QStringLiteral("up"));
    QTRY_VERIFY_WITH_TIMEOUT((up = instant(client, QStringLiteral("up"))).ok() && !up->isEmpty(), 15000);
    QCOMPARE(up->front().labels.value(QStringLiteral("job")), QStringLiteral("prometheus"));
    QCOMPARE(up->front().value, 1.0);

    // The server counts its own HTTP requests; the counters show up from the scrape after the first request.
    const auto requestsNow = [&client] {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        return range(client, QStringLiteral("prometheus_http_requests_total"), QueryWindow{now - 60, now, 1000});
    };
    Result<QList<TimeSeries>> requests = requestsNow();
    QTRY_VERIFY_WITH_TIMEOUT((requests = requestsNow()).ok() && !requests->isEmpty(), 15000);
    for (const TimeSeries &s : requests.value()) {
        QVERIFY(s.labels.contains(QStringLiteral("handler")));
        QVERIFY(std::is_sorted(s.times.begin(), s.times.end()));
    }
}

void TestPrometheusClient::labelsAndSeries()
{
    PrometheusClient client(endpointAt(m_server.url()));
    const auto labels = await<QStringList>([&](QObject *c, auto done) { client.labels(c, done); });
    QVERIFY(labels && labels->ok());
    for (const char *name : {"__name__", "series"})
        QVERIFY2(labels->value().contains(QLatin1String(name)), name);

    const auto series = await<QList<MetricLabels>>([&](QObject *c, auto done) {
        client.series({QStringLiteral("studio_test_value")}, c, done, m_base, m_base + 3600);
    });
    QVERIFY(series && series->ok());
    QStringList names;
    for (const MetricLabels &l : series->value())
        names << describeSeries(l);
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("studio_test_value{series=\"a\"}"),
                                 QStringLiteral("studio_test_value{series=\"b\"}")}));
}

void TestPrometheusClient::alertsFromRules()
{
    PrometheusClient client(endpointAt(m_server.url()));
    std::optional<Result<QList<PrometheusAlert>>> alerts;
    QTRY_VERIFY_WITH_TIMEOUT((alerts = await<QList<PrometheusAlert>>([&](QObject *c, auto done) { client.alerts(c, done); }))
                                 && alerts->ok() && !alerts->value().isEmpty(),
                             15000);
    const PrometheusAlert &alert = alerts->value().front();
    QCOMPARE(alert.labels.value(QStringLiteral("alertname")), QStringLiteral("StudioAlwaysFiring"));
    QCOMPARE(alert.annotations.value(QStringLiteral("summary")), QStringLiteral("always on"));
    QVERIFY(alert.state == u"firing" || alert.state == u"pending");
    QVERIFY(alert.activeAt.isValid());
}

void TestPrometheusClient::badPromQlShowsTheServersMessage()
{
    PrometheusClient client(endpointAt(m_server.url()));
    const auto result = range(client, QStringLiteral("sum(rate(up[5m])"), QueryWindow{m_base, m_base + 60, 15000});
    QVERIFY(!result.ok());
    const QString message = result.errorMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Prometheus at %1 refused the request (bad_data, HTTP 400): ").arg(m_server.url())),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("parse error")), qPrintable(message));
}

void TestPrometheusClient::chosenStepNeverHitsThePointLimit()
{
    PrometheusClient client(endpointAt(m_server.url()));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // A year drawn a hundred thousand points wide with a 1 s scrape interval would be 31 million points.
    const QueryResolution r = QueryResolution::choose(now - 365 * 86400, now, 100000, 1000);
    const auto chosen = range(client, QStringLiteral("vector(1)"), r.window);
    QVERIFY2(chosen.ok(), qPrintable(chosen.errorMessage()));
    QCOMPARE(chosen->front().size(), (r.window.end - r.window.start) / (r.window.stepMs / 1000) + 1);
    // One second less and the server refuses: the limit is the server's, not ours.
    QueryWindow tooFine = r.window;
    tooFine.stepMs -= 1000;
    const auto refused = range(client, QStringLiteral("vector(1)"), tooFine);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorMessage().contains(QLatin1String("exceeded maximum resolution of 11,000 points")),
             qPrintable(refused.errorMessage()));
}

void TestPrometheusClient::connectionRefused()
{
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(freeLoopbackPort());
    PrometheusClient client(endpointAt(url));
    const auto result = instant(client, QStringLiteral("up"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, Error::Code::Network);
    QCOMPARE(result.errorMessage(),
             QStringLiteral("Prometheus at %1 is unreachable: connection refused (is Prometheus running on that port?)").arg(url));
}

void TestPrometheusClient::silentServerTimesOut()
{
    // Accepts connections and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort());
    PrometheusClient client(endpointAt(url, 500));
    const auto result = instant(client, QStringLiteral("up"));
    QVERIFY(!result.ok());
    QCOMPARE(result.errorMessage(), QStringLiteral("Prometheus at %1 is unreachable: no answer within 0.5 s").arg(url));
}

void TestPrometheusClient::invalidUrl()
{
    PrometheusClient client(endpointAt(QStringLiteral("ftp://127.0.0.1:9090")));
    const auto result = instant(client, QStringLiteral("up"));
    QVERIFY(!result.ok());
    QVERIFY2(result.errorMessage().contains(QLatin1String("is not a Prometheus URL")), qPrintable(result.errorMessage()));
}

void TestPrometheusClient::httpsToAPlainHttpServer()
{
    QString url = m_server.url();
    url.replace(QStringLiteral("http://"), QStringLiteral("https://"));
    PrometheusClient client(endpointAt(url));
    const auto result = instant(client, QStringLiteral("1"));
    QCOMPARE(result.errorMessage(),
             QStringLiteral("Prometheus at %1 is unreachable: the server does not speak TLS on that port (try http://)").arg(url));
}

void TestPrometheusClient::untrustedTlsCertificateIsRefused()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem")), key = dir.filePath(QStringLiteral("key.pem"));
    QByteArray output;
    QCOMPARE(runTool(QStringLiteral("openssl"),
                     {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                      QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                      QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                      QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert},
                     &output),
             0);
    TestPrometheus tls;
    TestPrometheus::Options options;
    options.scrapeSelf = false;
    options.https = true;
    options.webConfig = "tls_server_config:\n  cert_file: " + cert.toUtf8() + "\n  key_file: " + key.toUtf8() + "\n";
    QString error;
    QVERIFY2(tls.start(options, &error), qPrintable(error));

    PrometheusClient untrusting(endpointAt(tls.url()));
    const auto refused = instant(untrusting, QStringLiteral("1"));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorMessage().startsWith(QStringLiteral("Prometheus at %1 is unreachable: its TLS certificate is not trusted (").arg(tls.url())),
             qPrintable(refused.errorMessage()));
    QVERIFY2(refused.errorMessage().contains(QLatin1String("self signed"), Qt::CaseInsensitive)
                 || refused.errorMessage().contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
             qPrintable(refused.errorMessage()));

    // The same server is fine once its certificate is trusted: verification, not a broken TLS stack.
    PrometheusEndpoint trusting = endpointAt(tls.url());
    trusting.extraCaCertificates = QSslCertificate::fromPath(cert);
    QCOMPARE(trusting.extraCaCertificates.size(), 1);
    PrometheusClient client(trusting);
    const auto answer = instant(client, QStringLiteral("1"));
    QVERIFY2(answer.ok(), qPrintable(answer.errorMessage()));
    QCOMPARE(answer->front().value, 1.0);
}

void TestPrometheusClient::basicAuth()
{
    QByteArray hash;
    QCOMPARE(runTool(QStringLiteral("htpasswd"), {QStringLiteral("-nbB"), QStringLiteral("studio"), QStringLiteral("s3cret pass")},
                     &hash),
             0);
    hash = hash.trimmed().mid(hash.indexOf(':') + 1);
    TestPrometheus secured;
    TestPrometheus::Options options;
    options.scrapeSelf = false;
    options.webConfig = "basic_auth_users:\n  studio: '" + hash + "'\n";
    QString error;
    QVERIFY2(secured.start(options, &error), qPrintable(error));

    PrometheusClient anonymous(endpointAt(secured.url()));
    const auto refused = instant(anonymous, QStringLiteral("1"));
    QCOMPARE(refused.errorMessage(), QStringLiteral("Prometheus at %1 refused the credentials (HTTP 401); check the user "
                                                    "and password or the token")
                                         .arg(secured.url()));
    PrometheusEndpoint wrong = endpointAt(secured.url());
    wrong.credentials = PrometheusCredentials::basic(QStringLiteral("studio"), QStringLiteral("wrong"));
    PrometheusClient wrongClient(wrong);
    QVERIFY(instant(wrongClient, QStringLiteral("1")).errorMessage().contains(QLatin1String("HTTP 401")));

    PrometheusEndpoint right = endpointAt(secured.url());
    right.credentials = PrometheusCredentials::basic(QStringLiteral("studio"), QStringLiteral("s3cret pass"));
    PrometheusClient client(right);
    const auto answer = instant(client, QStringLiteral("2 * 21"));
    QVERIFY2(answer.ok(), qPrintable(answer.errorMessage()));
    QCOMPARE(answer->front().value, 42.0);
}

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
