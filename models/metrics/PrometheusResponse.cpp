// SPDX-License-Identifier: MIT
#include "metrics/PrometheusResponse.h"

#include "metrics/PrometheusJsonParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>
#include <limits>

namespace studio {

namespace PrometheusResponse {

namespace {

Error malformed(const QString &what)
{
    return Error{Error::Code::Parse, QStringLiteral("Prometheus sent an unexpected answer: %1").arg(what)};
}

/// Prometheus writes sample values as strings so that NaN and ±Inf survive JSON.
double sampleValue(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    const QString text = v.toString();
    if (text == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"+Inf" || text == u"Inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double d = text.toDouble(&ok);
    return ok ? d : std::numeric_limits<double>::quiet_NaN();
}

MetricLabels labelsOf(const QJsonValue &value)
{
    MetricLabels labels;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

/// The answer of a query endpoint through the fast parser. Anything but a successful answer (an
/// HTTP error page, Prometheus' error envelope) is worded by data(); valid JSON that is not shaped
/// like a query answer keeps the parser's message with its byte offset.
Result<PrometheusQueryAnswer> queryAnswer(const QByteArray &body, int httpStatus, const QString &origin)
{
    Result<PrometheusQueryAnswer> answer = PrometheusJsonParser::parse(body);
    if (answer && answer->status == u"success")
        return answer;
    const Result<QJsonValue> envelope = data(body, httpStatus, origin);
    if (!envelope)
        return envelope.error();
    return Error{Error::Code::Parse, QStringLiteral("%1 sent an unexpected answer (%2)")
                                         .arg(origin, answer ? QStringLiteral("status \"%1\"").arg(answer->status)
                                                             : answer.errorMessage())};
}

} // namespace

Result<QList<TimeSeries>> rangeResult(const QByteArray &body, int httpStatus, const QString &origin)
{
    Result<PrometheusQueryAnswer> answer = queryAnswer(body, httpStatus, origin);
    if (!answer)
        return answer.error();
    if (answer->resultType != u"matrix")
        return malformed(QStringLiteral("a range query returned '%1' instead of a matrix").arg(answer->resultType));
    return std::move(answer.value().matrix);
}

Result<QList<InstantSample>> instantResult(const QByteArray &body, int httpStatus, const QString &origin)
{
    Result<PrometheusQueryAnswer> answer = queryAnswer(body, httpStatus, origin);
    if (!answer)
        return answer.error();
    if (answer->resultType == u"matrix")
        return malformed(QStringLiteral("an instant query returned '%1' instead of a vector").arg(answer->resultType));
    return std::move(answer.value().samples);
}

Result<QJsonValue> data(const QByteArray &body, int httpStatus, const QString &origin)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject envelope = document.object();
    if (parseError.error != QJsonParseError::NoError || !envelope.contains(QLatin1String("status"))) {
        if (httpStatus >= 400) {
            const QString text = QString::fromUtf8(body.left(200)).simplified();
            return Error{Error::Code::Refused,
                         QStringLiteral("%1 answered HTTP %2%3").arg(origin).arg(httpStatus).arg(text.isEmpty() ? QString() : QStringLiteral(": ") + text)};
        }
        return Error{Error::Code::Parse,
                     QStringLiteral("%1 did not answer like a Prometheus API (no JSON status); check the URL").arg(origin)};
    }
    if (envelope.value(QLatin1String("status")).toString() != u"success") {
        const QString type = envelope.value(QLatin1String("errorType")).toString();
        const QString message = envelope.value(QLatin1String("error")).toString();
        return Error{Error::Code::Refused, QStringLiteral("%1 refused the request (%2%3): %4")
                                               .arg(origin, type.isEmpty() ? QStringLiteral("error") : type,
                                                    httpStatus > 0 ? QStringLiteral(", HTTP %1").arg(httpStatus) : QString(),
                                                    message)};
    }
    return envelope.value(QLatin1String("data"));
}

Result<QList<TimeSeries>> matrix(const QJsonValue &data)
{
    const QJsonObject object = data.toObject();
    const QString type = object.value(QLatin1String("resultType")).toString();
    if (type != u"matrix")
        return malformed(QStringLiteral("a range query returned '%1' instead of a matrix").arg(type));
    const QJsonArray result = object.value(QLatin1String("result")).toArray();
    QList<TimeSeries> list;
    list.reserve(result.size());
    for (const QJsonValue &entry : result) {
        const QJsonObject series = entry.toObject();
        TimeSeries s;
        s.labels = labelsOf(series.value(QLatin1String("metric")));
        const QJsonArray values = series.value(QLatin1String("values")).toArray();
        s.times.reserve(values.size());
        s.values.reserve(values.size());
        for (const QJsonValue &pair : values) {
            const QJsonArray point = pair.toArray();
            if (point.size() != 2)
                return malformed(QStringLiteral("a sample is not a [time, value] pair"));
            s.times.append(point.at(0).toDouble());
            s.values.append(sampleValue(point.at(1)));
        }
        list.append(std::move(s));
    }
    return list;
}

Result<QList<InstantSample>> vector(const QJsonValue &data)
{
    const QJsonObject object = data.toObject();
    const QString type = object.value(QLatin1String("resultType")).toString();
    QList<InstantSample> list;
    if (type == u"scalar" || type == u"string") {
        const QJsonArray point = object.value(QLatin1String("result")).toArray();
        list.append(InstantSample{{}, point.at(0).toDouble(), sampleValue(point.at(1))});
        return list;
    }
    if (type != u"vector")
        return malformed(QStringLiteral("an instant query returned '%1' instead of a vector").arg(type));
    for (const QJsonValue &entry : object.value(QLatin1String("result")).toArray()) {
        const QJsonObject sample = entry.toObject();
        const QJsonArray point = sample.value(QLatin1String("value")).toArray();
        if (point.size() != 2)
            return malformed(QStringLiteral("a sample is not a [time, value] pair"));
        list.append(InstantSample{labelsOf(sample.value(QLatin1String("metric"))), point.at(0).toDouble(),
                                  sampleValue(point.at(1))});
    }
    return list;
}

Result<QStringList> labelNames(const QJsonValue &data)
{
    if (!data.isArray())
        return malformed(QStringLiteral("the label names are not a list"));
    QStringList names;
    for (const QJsonValue &v : data.toArray())
        names << v.toString();
    return names;
}

Result<QList<MetricLabels>> seriesList(const QJsonValue &data)
{
    if (!data.isArray())
        return malformed(QStringLiteral("the series are not a list"));
    QList<MetricLabels> list;
    for (const QJsonValue &v : data.toArray())
        list << labelsOf(v);
    return list;
}

Result<QList<PrometheusAlert>> alerts(const QJsonValue &data)
{
    QList<PrometheusAlert> list;
    for (const QJsonValue &v : data.toObject().value(QLatin1String("alerts")).toArray()) {
        const QJsonObject a = v.toObject();
        PrometheusAlert alert;
        alert.labels = labelsOf(a.value(QLatin1String("labels")));
        alert.annotations = labelsOf(a.value(QLatin1String("annotations")));
        alert.state = a.value(QLatin1String("state")).toString();
        alert.activeAt = QDateTime::fromString(a.value(QLatin1String("activeAt")).toString(), Qt::ISODateWithMs);
        alert.value = a.value(QLatin1String("value")).toString();
        list << alert;
    }
    return list;
}

} // namespace PrometheusResponse

QString describeSeries(const MetricLabels &labels)
{
    QString text = labels.value(QStringLiteral("__name__"));
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key() != u"__name__")
            parts << QStringLiteral("%1=\"%2\"").arg(it.key(), it.value());
    }
    if (!parts.isEmpty() || text.isEmpty())
        text += QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    return text;
}

} // namespace studio
