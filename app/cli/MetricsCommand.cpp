// SPDX-License-Identifier: MIT
// deploy-studio-cli metrics --prometheus URL --query Q [--range 1h] [--step 15s] [--timeout 30s] [--format csv|json]

#include "CliCommand.h"

#include "metrics/PrometheusClient.h"
#include "metrics/QueryResolution.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cmath>
#include <optional>

namespace studio::cli {

namespace {

/// Finite values as JSON numbers; NaN and ±Inf as Prometheus writes them.
QJsonValue jsonValue(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return v;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
}

QString csvValue(double v)
{
    return jsonValue(v).isString() ? jsonValue(v).toString() : QString::number(v, 'g', 17);
}

QJsonObject labelsObject(const MetricLabels &labels)
{
    QJsonObject object;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QString isoTime(double t)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(t * 1000)), Qt::UTC).toString(Qt::ISODateWithMs);
}

/// Waits for the one answer of `call`.
template<typename T, typename Call>
Result<T> await(Call call)
{
    QEventLoop loop;
    std::optional<Result<T>> answer;
    call(&loop, [&](Result<T> result) {
        answer.emplace(std::move(result));
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return std::move(*answer);
}

void writeSeries(const QList<TimeSeries> &list, const QString &format, CliStreams &io, QJsonObject json)
{
    if (format == u"json") {
        QJsonArray series;
        for (const TimeSeries &s : list) {
            QJsonArray values;
            for (qsizetype i = 0; i < s.size(); ++i)
                values.append(QJsonArray{s.times.at(i), jsonValue(s.values.at(i))});
            series.append(QJsonObject{{QLatin1String("metric"), labelsObject(s.labels)},
                                      {QLatin1String("name"), describeSeries(s.labels)},
                                      {QLatin1String("values"), values}});
        }
        json.insert(QLatin1String("series"), series);
        io.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        return;
    }
    io.out << "series,timestamp,time,value\n";
    for (const TimeSeries &s : list) {
        const QString name = csvField(describeSeries(s.labels));
        for (qsizetype i = 0; i < s.size(); ++i)
            io.out << name << ',' << QString::number(s.times.at(i), 'g', 15)
                   << ',' << isoTime(s.times.at(i)) << ',' << csvValue(s.values.at(i)) << '\n';
    }
}

} // namespace

int runMetrics(const QStringList &arguments, CliStreams &io)
{
    const QString usage = QStringLiteral("usage: deploy-studio-cli metrics --prometheus URL --query Q [--range 1h] "
                                         "[--step 15s] [--timeout 30s] [--format csv|json]");
    QCommandLineParser parser;
    const QCommandLineOption urlOption(QStringLiteral("prometheus"), QStringLiteral("Prometheus base URL."), QStringLiteral("URL"));
    const QCommandLineOption queryOption(QStringLiteral("query"), QStringLiteral("PromQL expression."), QStringLiteral("Q"));
    const QCommandLineOption rangeOption(QStringLiteral("range"), QStringLiteral("Range up to now (range query)."),
                                         QStringLiteral("DURATION"));
    const QCommandLineOption stepOption(QStringLiteral("step"), QStringLiteral("Resolution of a range query."),
                                        QStringLiteral("DURATION"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), QStringLiteral("Give up after this long."),
                                           QStringLiteral("DURATION"), QStringLiteral("30s"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("csv or json."), QStringLiteral("F"),
                                          QStringLiteral("csv"));
    parser.addOptions({urlOption, queryOption, rangeOption, stepOption, timeoutOption, formatOption});
    if (!parser.parse(QStringList{QStringLiteral("metrics")} + arguments))
        return fail(io, parser.errorText());
    if (!parser.positionalArguments().isEmpty() || !parser.isSet(urlOption) || !parser.isSet(queryOption))
        return fail(io, usage);
    const QString format = parser.value(formatOption);
    if (format != u"csv" && format != u"json")
        return fail(io, QStringLiteral("unknown --format '%1'; use csv or json").arg(format));
    const Result<qint64> timeout = parseDuration(parser.value(timeoutOption));
    if (!timeout)
        return fail(io, QStringLiteral("--timeout: %1").arg(timeout.errorMessage()));

    PrometheusEndpoint endpoint;
    endpoint.url = QUrl::fromUserInput(parser.value(urlOption));
    endpoint.timeoutMs = int(std::min<qint64>(timeout.value(), 3600000));
    PrometheusClient client(endpoint);
    const QString query = parser.value(queryOption);
    QJsonObject json{{QLatin1String("prometheus"), endpoint.url.toDisplayString(QUrl::RemoveUserInfo)},
                     {QLatin1String("query"), query}};

    if (!parser.isSet(rangeOption)) {
        if (parser.isSet(stepOption))
            return fail(io, QStringLiteral("--step needs --range (a range query); without it the query is instant"));
        const auto samples = await<QList<InstantSample>>([&](QObject *context, auto done) {
            client.query(query, QDateTime(), context, std::move(done));
        });
        if (!samples)
            return fail(io, samples.errorMessage());
        QList<TimeSeries> list;
        for (const InstantSample &s : samples.value())
            list << TimeSeries{s.labels, {s.time}, {s.value}};
        json.insert(QLatin1String("resultType"), QStringLiteral("vector"));
        writeSeries(list, format, io, json);
        io.out.flush();
        return Success;
    }

    const Result<qint64> range = parseDuration(parser.value(rangeOption));
    if (!range)
        return fail(io, QStringLiteral("--range: %1").arg(range.errorMessage()));
    const qint64 end = QDateTime::currentSecsSinceEpoch();
    const qint64 start = end - std::max<qint64>(range.value() / 1000, 1);
    QueryWindow window = QueryResolution::choose(start, end).window;
    if (parser.isSet(stepOption)) {
        const Result<qint64> step = parseDuration(parser.value(stepOption));
        if (!step)
            return fail(io, QStringLiteral("--step: %1").arg(step.errorMessage()));
        const qint64 rangeMs = (end - start) * 1000;
        if (rangeMs / step.value() > QueryResolution::kMaxPointsPerSeries)
            return fail(io, QStringLiteral("--step %1 gives more than 11,000 points over --range %2 (Prometheus' limit); "
                                           "use a step of at least %3")
                                .arg(parser.value(stepOption), parser.value(rangeOption),
                                     formatDuration((rangeMs / QueryResolution::kMaxPointsPerSeries + 999) / 1000 * 1000)));
        // Like Grafana: ends on multiples of the step, so repeated runs return the same timestamps.
        const qint64 stepSeconds = std::max<qint64>(step.value() / 1000, 1);
        window = step.value() % 1000 == 0 ? QueryWindow{start / stepSeconds * stepSeconds, end / stepSeconds * stepSeconds, step.value()}
                                          : QueryWindow{start, end, step.value()};
    }
    const auto series = await<QList<TimeSeries>>([&](QObject *context, auto done) {
        client.queryRange(query, window, context, std::move(done));
    });
    if (!series)
        return fail(io, series.errorMessage());
    json.insert(QLatin1String("resultType"), QStringLiteral("matrix"));
    json.insert(QLatin1String("start"), window.start);
    json.insert(QLatin1String("end"), window.end);
    json.insert(QLatin1String("step"), window.stepSeconds());
    writeSeries(series.value(), format, io, json);
    io.out.flush();
    return Success;
}

} // namespace studio::cli
