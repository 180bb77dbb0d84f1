// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "metrics/TimeSeries.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace studio {

/// The parts of a /api/v1/query or /api/v1/query_range answer that the studio uses.
struct PrometheusQueryAnswer {
    QString status;                ///< "success" or "error"; for "error" nothing else is filled
    QString resultType;            ///< "matrix", "vector", "scalar" or "string"
    QList<TimeSeries> matrix;      ///< for "matrix"
    QList<InstantSample> samples;  ///< for "vector"; one unlabelled sample for "scalar" and "string"
};

/// A single-pass scanner over the UTF-8 bytes of a query answer that fills TimeSeries directly,
/// without building a JSON tree first: a million-sample range result reads several times faster
/// than through QJsonDocument. Strict JSON (RFC 8259): malformed input, a wrong type where
/// Prometheus puts a number, a string or a [time, value] pair, and sample values that are neither
/// numbers nor Prometheus' "NaN", "+Inf", "-Inf" are errors naming the byte offset. Members it
/// does not use (warnings, infos, stats, native histograms) are checked and skipped.
namespace PrometheusJsonParser {

Result<PrometheusQueryAnswer> parse(QByteArrayView body);

} // namespace PrometheusJsonParser

} // namespace studio
