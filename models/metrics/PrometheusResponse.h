// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "metrics/TimeSeries.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace studio {

/// Reads the bodies of Prometheus' HTTP API (`{status, data, errorType, error, warnings}`) into
/// time series. Pure functions: they run on a worker thread for large results.
namespace PrometheusResponse {

/// The `data` member of a successful answer, or the server's `errorType`/`error` as a sentence.
/// `httpStatus` (0 when unknown) and `origin` ("Prometheus at URL") word the failure.
Result<QJsonValue> data(const QByteArray &body, int httpStatus, const QString &origin);

/// The series of a /api/v1/query_range answer, read by PrometheusJsonParser straight from the bytes
/// (the path for large results); failures are worded like data()'s.
Result<QList<TimeSeries>> rangeResult(const QByteArray &body, int httpStatus, const QString &origin);
/// The samples of a /api/v1/query answer (vector, scalar or string), read like rangeResult().
Result<QList<InstantSample>> instantResult(const QByteArray &body, int httpStatus, const QString &origin);

/// A `matrix` result of /api/v1/query_range from its QJsonDocument tree: the reference that
/// rangeResult() is tested against.
Result<QList<TimeSeries>> matrix(const QJsonValue &data);
/// A `vector` (or `scalar`) result of /api/v1/query from its QJsonDocument tree.
Result<QList<InstantSample>> vector(const QJsonValue &data);
/// The label names of /api/v1/labels.
Result<QStringList> labelNames(const QJsonValue &data);
/// The label sets of /api/v1/series.
Result<QList<MetricLabels>> seriesList(const QJsonValue &data);
/// The alerts of /api/v1/alerts.
Result<QList<PrometheusAlert>> alerts(const QJsonValue &data);

} // namespace PrometheusResponse

} // namespace studio
