// SPDX-License-Identifier: MIT
// bench/metrics: the studio side of the metrics benchmark. Run it through bench/metrics/run.
//
//   metrics_bench FILE [--runs N] [--width W] [--height H] [--png PATH]
//
// FILE is a /api/v1/query_range answer (generate-matrix.mjs). Each run does what the Monitoring
// view does with such an answer, on the real components, timed stage by stage:
//   parse       PrometheusResponse::rangeResult (the client's path: PrometheusJsonParser) on the bytes
//               already in memory, as the network reply hands them over;
//   downsample  MetricChart::setSeries + the chart's M4 downsampling to its pixel width;
//   paint       MetricChart::render into a QImage of W x H (default 1200 x 320, a full-width panel).
// A warm-up run comes first; then the median of N runs (default 7) of each stage and of the per-run
// totals. Informational: the QJsonDocument path (PrometheusResponse::data + matrix) on the same bytes,
// whose result must equal the fast parser's. Prints one JSON line; exit 0 measured, 1 the result is
// wrong (no points, the two paths disagree, nothing painted), 2 bad arguments or input.

#include "MetricChart.h"
#include "metrics/PrometheusResponse.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace studio;

namespace {

const QString kOrigin = QStringLiteral("Prometheus at bench");

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

int usage(const char *why)
{
    std::fprintf(stderr, "metrics_bench: %s\nusage: metrics_bench FILE [--runs N] [--width W] [--height H] [--png PATH]\n", why);
    return 2;
}

bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

bool sameSeries(const QList<TimeSeries> &a, const QList<TimeSeries> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].labels != b[i].labels || a[i].size() != b[i].size())
            return false;
        for (qsizetype k = 0; k < a[i].size(); ++k) {
            if (!sameDouble(a[i].times[k], b[i].times[k]) || !sameDouble(a[i].values[k], b[i].values[k]))
                return false;
        }
    }
    return true;
}

/// Pixels that differ from the background: proof that lines were drawn.
qsizetype paintedPixels(const QImage &image, QRgb background)
{
    qsizetype n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            n += line[x] != background;
    }
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString file, png;
    int runs = 7, width = 1200, height = 320;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto number = [&](int &out) {
            bool ok = false;
            out = i + 1 < args.size() ? args.at(++i).toInt(&ok) : 0;
            return ok && out > 0;
        };
        if (a == u"--runs") {
            if (!number(runs))
                return usage("--runs needs a positive number");
        } else if (a == u"--width") {
            if (!number(width))
                return usage("--width needs a positive number");
        } else if (a == u"--height") {
            if (!number(height))
                return usage("--height needs a positive number");
        } else if (a == u"--png") {
            if (i + 1 >= args.size())
                return usage("--png needs a path");
            png = args.at(++i);
        } else if (a.startsWith(QLatin1Char('-')) || !file.isEmpty()) {
            return usage("unexpected argument");
        } else {
            file = a;
        }
    }
    if (file.isEmpty())
        return usage("no input file");
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        return usage("cannot read the input file");
    const QByteArray bytes = input.readAll();

    MetricChart chart;
    chart.resize(width, height);
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    chart.render(&image); // delivers the pending resize, so the timed renders paint only

    std::vector<double> parseMs, downsampleMs, paintMs, totalMs;
    qsizetype points = 0, seriesCount = 0, plotted = 0;
    QList<TimeSeries> reference;
    for (int run = -1; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        Result<QList<TimeSeries>> parsed = PrometheusResponse::rangeResult(bytes, 200, kOrigin);
        const double parse = ms(timer);
        if (!parsed) {
            std::fprintf(stderr, "metrics_bench: %s\n", qPrintable(parsed.errorMessage()));
            return 2;
        }
        double from = std::numeric_limits<double>::infinity(), to = -from;
        QList<MetricChart::Series> series;
        points = 0;
        for (const TimeSeries &s : parsed.value()) {
            series << MetricChart::Series{describeSeries(s.labels), s, MetricChart::seriesColor(int(series.size())), true};
            points += s.size();
            if (!s.isEmpty()) {
                from = std::min(from, s.times.front());
                to = std::max(to, s.times.back());
            }
        }
        seriesCount = series.size();

        timer.restart();
        chart.setTimeRange(from, to);
        chart.setSeries(series);
        plotted = chart.plottedPointCount();
        const double downsample = ms(timer);

        image.fill(Qt::transparent);
        timer.restart();
        chart.render(&image);
        const double paint = ms(timer);

        if (run < 0) {
            reference = std::move(parsed.value());
            continue;
        }
        parseMs.push_back(parse);
        downsampleMs.push_back(downsample);
        paintMs.push_back(paint);
        totalMs.push_back(parse + downsample + paint);
    }
    if (!png.isEmpty())
        image.save(png);

    // The QJsonDocument path on the same bytes, once: informational, and the check of the result.
    QElapsedTimer timer;
    timer.start();
    const Result<QJsonValue> data = PrometheusResponse::data(bytes, 200, kOrigin);
    const Result<QList<TimeSeries>> viaTree = data ? PrometheusResponse::matrix(data.value()) : Result<QList<TimeSeries>>(data.error());
    const double treeMs = ms(timer);

    bool ok = true;
    if (points == 0) {
        std::fprintf(stderr, "metrics_bench: the answer holds no samples\n");
        ok = false;
    }
    if (!viaTree || !sameSeries(reference, viaTree.value())) {
        std::fprintf(stderr, "metrics_bench: PrometheusJsonParser and the QJsonDocument path disagree on this answer%s\n",
                     viaTree ? "" : qPrintable(QStringLiteral(" (") + viaTree.errorMessage() + QLatin1Char(')')));
        ok = false;
    }
    const qsizetype drawn = paintedPixels(image, chart.palette().base().color().rgba());
    if (drawn < width) {
        std::fprintf(stderr, "metrics_bench: the chart painted only %lld pixels\n", qlonglong(drawn));
        ok = false;
    }

    const double megabytes = double(bytes.size()) / 1e6;
    QJsonObject out{
        {QStringLiteral("tool"), QStringLiteral("deploy-studio")},
        {QStringLiteral("bytes"), double(bytes.size())},
        {QStringLiteral("series"), double(seriesCount)},
        {QStringLiteral("points"), double(points)},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("parseMs"), median(parseMs)},
        {QStringLiteral("parseMBps"), megabytes / (median(parseMs) / 1000)},
        {QStringLiteral("downsampleMs"), median(downsampleMs)},
        {QStringLiteral("paintMs"), median(paintMs)},
        {QStringLiteral("totalMs"), median(totalMs)},
        {QStringLiteral("totalMaxMs"), *std::max_element(totalMs.begin(), totalMs.end())},
        {QStringLiteral("plottedPoints"), double(plotted)},
        {QStringLiteral("paintedPixels"), double(drawn)},
        {QStringLiteral("width"), width},
        {QStringLiteral("height"), height},
        {QStringLiteral("qjsonMs"), treeMs},
        {QStringLiteral("qjsonMBps"), megabytes / (treeMs / 1000)},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return ok ? 0 : 1;
}
