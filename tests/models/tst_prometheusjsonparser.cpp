// SPDX-License-Identifier: MIT
// PrometheusJsonParser, the single-pass reader of query answers, against the QJsonDocument path
// (PrometheusResponse::data + matrix/vector) on generated answers, and on malformed input, which must
// be an error naming the byte offset, never a crash.

#include "metrics/PrometheusJsonParser.h"
#include "metrics/PrometheusResponse.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace studio;

namespace {

const QString kOrigin = QStringLiteral("Prometheus at http://127.0.0.1:9");

/// JSON text of `text`, with every escape style a server may use: raw UTF-8 or \u escapes
/// (surrogate pairs beyond the BMP), short escapes, escaped solidus.
QByteArray jsonString(const QString &text, QRandomGenerator &random)
{
    QByteArray out = "\"";
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool escapeUnicode = random.bounded(2) == 0;
        if (QChar::isHighSurrogate(c) && i + 1 < text.size()) { // both halves alike
            out += escapeUnicode ? "\\u" + QByteArray::number(c, 16) + "\\u" + QByteArray::number(text.at(i + 1).unicode(), 16)
                                 : text.mid(i, 2).toUtf8();
            ++i;
        } else if (c == u'"') {
            out += "\\\"";
        } else if (c == u'\\') {
            out += "\\\\";
        } else if (c == u'/' && random.bounded(2)) {
            out += "\\/";
        } else if (c == u'\n') {
            out += random.bounded(2) ? "\\n" : "\\u000a";
        } else if (c == u'\t') {
            out += "\\t";
        } else if (c < 0x20 || (c >= 0x80 && escapeUnicode)) {
            out += "\\u" + QByteArray::number(c, 16).rightJustified(4, '0');
        } else {
            out += QString(QChar(c)).toUtf8();
        }
    }
    return out + '"';
}

QString randomText(QRandomGenerator &random)
{
    static const QStringList pieces{QStringLiteral("api"), QStringLiteral("/v1/query"), QStringLiteral("a\"quoted\""),
                                    QStringLiteral("back\\slash"), QStringLiteral("line\nbreak"), QStringLiteral("tab\t"),
                                    QStringLiteral("café"), QStringLiteral("日本語"), QStringLiteral("🚀"),
                                    QStringLiteral("\u0001ctl"), QStringLiteral("127.0.0.1:9090"), QString()};
    QString text;
    for (int n = random.bounded(4); n >= 0; --n)
        text += pieces.at(random.bounded(int(pieces.size())));
    return text;
}

QByteArray space(QRandomGenerator &random)
{
    static const char *spaces[] = {"", "", "", " ", "\n  ", "\t", "\r\n"};
    return spaces[random.bounded(7)];
}

/// A sample value the way Prometheus writes it (strconv.FormatFloat 'f', -1), NaN and ±Inf included.
QByteArray sampleValue(QRandomGenerator &random)
{
    switch (random.bounded(10)) {
    case 0: return "\"NaN\"";
    case 1: return "\"+Inf\"";
    case 2: return "\"-Inf\"";
    case 3: return "\"" + QByteArray::number(random.bounded(100000)) + "\"";
    case 4: return "\"-0.000123\"";
    case 5: return "\"1e-05\"";
    default: return "\"" + QByteArray::number(random.generateDouble() * 1000, 'g', 17) + "\"";
    }
}

QByteArray sampleTime(QRandomGenerator &random, int k)
{
    return QByteArray::number(1700000000 + 15 * k) + (random.bounded(2) ? "." + QByteArray::number(random.bounded(1000)) : "");
}

QByteArray labels(QRandomGenerator &random)
{
    QByteArray out = "{" + space(random);
    const int count = random.bounded(6);
    for (int i = 0; i < count; ++i) {
        const QString name = i == 0 ? QStringLiteral("__name__") : QStringLiteral("label_%1").arg(random.bounded(100));
        out += (i ? "," + space(random) : QByteArray()) + jsonString(name, random) + space(random) + ":" + space(random)
               + jsonString(randomText(random), random);
    }
    return out + space(random) + "}";
}

/// A successful answer of `type` with random series; members in Prometheus' order or shuffled.
QByteArray answer(const char *type, int seriesCount, QRandomGenerator &random)
{
    const bool matrix = std::strcmp(type, "matrix") == 0;
    QByteArray result = "[";
    for (int s = 0; s < seriesCount; ++s) {
        QByteArray points;
        if (matrix) {
            points = "\"values\":[";
            for (int k = 0, n = random.bounded(40); k < n; ++k)
                points += (k ? "," : "") + space(random) + "[" + sampleTime(random, k) + "," + space(random)
                          + sampleValue(random) + "]";
            points += "]";
        } else {
            points = "\"value\":[" + sampleTime(random, s) + "," + sampleValue(random) + "]";
        }
        const QByteArray metric = "\"metric\":" + labels(random);
        result += (s ? "," : "") + space(random) + "{" + (random.bounded(2) ? metric + "," + points : points + "," + metric)
                  + "}";
    }
    result += space(random) + "]";
    const QByteArray resultType = QByteArray("\"resultType\":\"") + type + "\"";
    const QByteArray data = random.bounded(4) ? "{" + resultType + ",\"result\":" + result + "}"
                                              : "{\"result\":" + result + "," + resultType + "}";
    const QByteArray extra = random.bounded(3) ? QByteArray() : ",\"warnings\":[\"PromQL info: x\"],\"infos\":[],\"stats\":{\"a\":[1,{\"b\":null}],\"c\":true}";
    return space(random) + "{\"status\":\"success\"," + space(random) + "\"data\":" + data + extra + "}" + space(random);
}

bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

QString compareMatrix(const QList<TimeSeries> &fast, const QList<TimeSeries> &tree)
{
    if (fast.size() != tree.size())
        return QStringLiteral("%1 series instead of %2").arg(fast.size()).arg(tree.size());
    for (qsizetype i = 0; i < fast.size(); ++i) {
        if (fast[i].labels != tree[i].labels)
            return QStringLiteral("series %1: labels %2 instead of %3").arg(i).arg(describeSeries(fast[i].labels), describeSeries(tree[i].labels));
        if (fast[i].size() != tree[i].size())
            return QStringLiteral("series %1: %2 samples instead of %3").arg(i).arg(fast[i].size()).arg(tree[i].size());
        for (qsizetype k = 0; k < fast[i].size(); ++k) {
            if (!same(fast[i].times[k], tree[i].times[k]) || !same(fast[i].values[k], tree[i].values[k]))
                return QStringLiteral("series %1 sample %2: [%3, %4] instead of [%5, %6]").arg(i).arg(k)
                    .arg(fast[i].times[k], 0, 'g', 17).arg(fast[i].values[k], 0, 'g', 17)
                    .arg(tree[i].times[k], 0, 'g', 17).arg(tree[i].values[k], 0, 'g', 17);
        }
    }
    return {};
}

Result<QList<TimeSeries>> viaTree(const QByteArray &body)
{
    const Result<QJsonValue> data = PrometheusResponse::data(body, 200, kOrigin);
    return data ? PrometheusResponse::matrix(data.value()) : Result<QList<TimeSeries>>(data.error());
}

const QByteArray kSmall = R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up","job":"prometheus"},"values":[[1700000000.5,"1"],[1700000015.5,"NaN"]]}]}})";

} // namespace

class TestPrometheusJsonParser : public QObject
{
    Q_OBJECT

private slots:
    void matrixEqualsTheQJsonDocumentPath()
    {
        QRandomGenerator random(20261126);
        for (int round = 0; round < 300; ++round) {
            const QByteArray body = answer("matrix", random.bounded(5), random);
            const Result<QList<TimeSeries>> tree = viaTree(body);
            QVERIFY2(tree.ok(), qPrintable(tree.errorMessage() + QLatin1Char('\n') + QString::fromUtf8(body)));
            const Result<QList<TimeSeries>> fast = PrometheusResponse::rangeResult(body, 200, kOrigin);
            QVERIFY2(fast.ok(), qPrintable(fast.errorMessage() + QLatin1Char('\n') + QString::fromUtf8(body)));
            const QString difference = compareMatrix(fast.value(), tree.value());
            QVERIFY2(difference.isEmpty(), qPrintable(difference + QLatin1Char('\n') + QString::fromUtf8(body)));
        }
    }

    void vectorEqualsTheQJsonDocumentPath()
    {
        QRandomGenerator random(7);
        for (int round = 0; round < 200; ++round) {
            const QByteArray body = answer("vector", random.bounded(5), random);
            const Result<QJsonValue> data = PrometheusResponse::data(body, 200, kOrigin);
            QVERIFY(data.ok());
            const Result<QList<InstantSample>> tree = PrometheusResponse::vector(data.value());
            const Result<QList<InstantSample>> fast = PrometheusResponse::instantResult(body, 200, kOrigin);
            QVERIFY2(tree.ok() && fast.ok(), qPrintable(fast.errorMessage() + tree.errorMessage()));
            QCOMPARE(fast->size(), tree->size());
            for (qsizetype i = 0; i < fast->size(); ++i) {
                QCOMPARE(fast->at(i).labels, tree->at(i).labels);
                QVERIFY(same(fast->at(i).time, tree->at(i).time));
                QVERIFY(same(fast->at(i).value, tree->at(i).value));
            }
        }
    }

    void specialValuesAndScalars()
    {
        const Result<QList<TimeSeries>> m = PrometheusResponse::rangeResult(
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"NaN"],[2,"+Inf"],[3,"-Inf"],[4,"-0.25"],[5,"1e+06"]]}]}})",
            200, kOrigin);
        QVERIFY2(m.ok(), qPrintable(m.errorMessage()));
        const QVector<double> &v = m->front().values;
        QVERIFY(std::isnan(v[0]));
        QVERIFY(std::isinf(v[1]) && v[1] > 0);
        QVERIFY(std::isinf(v[2]) && v[2] < 0);
        QCOMPARE(v[3], -0.25);
        QCOMPARE(v[4], 1e6);

        const auto scalar = PrometheusResponse::instantResult(R"({"status":"success","data":{"resultType":"scalar","result":[1700000000.25,"3"]}})", 200, kOrigin);
        QVERIFY2(scalar.ok(), qPrintable(scalar.errorMessage()));
        QCOMPARE(scalar->size(), 1);
        QCOMPARE(scalar->front().time, 1700000000.25);
        QCOMPARE(scalar->front().value, 3.0);

        const auto empty = PrometheusResponse::rangeResult(R"({"status":"success","data":{"resultType":"matrix","result":[]}})", 200, kOrigin);
        QVERIFY(empty.ok() && empty->isEmpty());
    }

    void everyTruncationIsAnErrorWithItsOffset()
    {
        for (qsizetype n = 0; n < kSmall.size(); ++n) {
            const QByteArray cut = kSmall.left(n);
            const Result<PrometheusQueryAnswer> parsed = PrometheusJsonParser::parse(cut);
            QVERIFY2(!parsed.ok(), qPrintable(QString::fromUtf8(cut)));
            QVERIFY2(parsed.errorMessage().startsWith(QLatin1String("byte ")), qPrintable(parsed.errorMessage()));
            QVERIFY(QJsonDocument::fromJson(cut).isNull()); // the reference agrees that it is not JSON
        }
        QVERIFY(PrometheusJsonParser::parse(kSmall).ok());
    }

    void malformedInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        const QByteArray head = R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[)";
        // head is 83 bytes long: the first sample starts at byte 83.
        QTest::newRow("time as a string") << head + R"(["1700000000","1"]]}]}})"
                                          << QStringLiteral("byte 84: expected a sample's time (a number), found a string");
        QTest::newRow("value as a boolean") << head + R"([1,true]]}]}})"
                                            << QStringLiteral("byte 86: expected a sample value (a string like \"0.5\"), found a boolean");
        QTest::newRow("value not a number") << head + R"([1,"fast"]]}]}})"
                                            << QStringLiteral("byte 86: the sample value \"fast\" is not a number");
        QTest::newRow("three elements") << head + R"([1,"2",3]]}]}})" << QStringLiteral("byte 89: expected ']' after a sample's value, found ','");
        QTest::newRow("values as an object") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":{}}]}})")
                                             << QStringLiteral("byte 82: expected a list of [time, value] pairs, found an object");
        QTest::newRow("label value a number") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":1}}]}})")
                                              << QStringLiteral("byte 75: expected a label value (a string), found a number");
        QTest::newRow("bad escape") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"\x"}}]}})")
                                    << QStringLiteral("byte 76: '\\x' is not a JSON escape");
        QTest::newRow("lone surrogate") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"\udc00"}}]}})")
                                        << QStringLiteral("byte 76: a \\u escape is a lone low surrogate");
        QTest::newRow("raw control character") << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":\"x\ny\"}}]}}")
                                               << QStringLiteral("byte 77: a control character inside a string must be escaped");
        QTest::newRow("invalid UTF-8") << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":\"\xff\"}}]}}")
                                       << QStringLiteral("byte 75: a string is not valid UTF-8");
        QTest::newRow("trailing garbage") << kSmall + " x" << QStringLiteral("byte %1: unexpected 'x' after the JSON object").arg(kSmall.size() + 1);
        QTest::newRow("unknown result type") << QByteArray(R"({"status":"success","data":{"resultType":"histogram","result":[]}})")
                                             << QStringLiteral("byte 41: unknown resultType \"histogram\"");
        QTest::newRow("vector without value") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{}}]}})")
                                              << QStringLiteral("byte 60: a sample of a vector has no \"value\"");
        QTest::newRow("no status") << QByteArray(R"({"data":{}})") << QStringLiteral("byte 0: the answer has no status");
        QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("byte 0: expected a JSON object, found a list");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("byte 0: expected a JSON object, found the end of the input");
        QTest::newRow("leading zero") << head + R"([01,"1"]]}]}})" << QStringLiteral("byte 85: expected ',' between a sample's time and value, found a number");
        QTest::newRow("deep nesting") << QByteArray(R"({"status":"success","warnings":)") + QByteArray(100000, '[')
                                      << QStringLiteral("byte 287: the JSON is nested deeper than 256 levels");
    }

    void malformedInput()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const Result<PrometheusQueryAnswer> parsed = PrometheusJsonParser::parse(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.errorMessage(), message);
        QCOMPARE(parsed.error().code, Error::Code::Parse);
    }

    void failuresAreWordedForTheUser()
    {
        // Prometheus' error envelope: the same sentence as the QJsonDocument path.
        const QByteArray refused = R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"})";
        const auto error = PrometheusResponse::rangeResult(refused, 400, kOrigin);
        QCOMPARE(error.errorMessage(), QStringLiteral("%1 refused the request (bad_data, HTTP 400): 1:5: parse error: unexpected end of input").arg(kOrigin));
        // Not JSON at all: an HTTP error page, or something else on that port.
        QCOMPARE(PrometheusResponse::rangeResult("<html>Bad Gateway</html>", 502, kOrigin).errorMessage(),
                 QStringLiteral("%1 answered HTTP 502: <html>Bad Gateway</html>").arg(kOrigin));
        QVERIFY(PrometheusResponse::instantResult("hello", 200, kOrigin).errorMessage().contains(QLatin1String("check the URL")));
        // JSON, but not shaped like a query answer: the parser's reason with its offset.
        QCOMPARE(PrometheusResponse::rangeResult(R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[[1,2,3]]}]}})", 200, kOrigin)
                     .errorMessage(),
                 QStringLiteral("%1 sent an unexpected answer (byte 75: expected ']' after a sample's value, found ',')").arg(kOrigin));
        // The wrong kind of result for the endpoint.
        QVERIFY(PrometheusResponse::rangeResult(R"({"status":"success","data":{"resultType":"vector","result":[]}})", 200, kOrigin)
                    .errorMessage()
                    .contains(QLatin1String("returned 'vector' instead of a matrix")));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusJsonParser)
#include "tst_prometheusjsonparser.moc"
