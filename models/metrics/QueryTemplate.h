// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/TimeSeries.h"

#include <QMap>
#include <QString>

namespace studio {

/// Grafana-style variables in PromQL and legends.
namespace QueryTemplate {

/// Replaces `$name` and `${name}` with `variables[name]` (e.g. "env", "__interval",
/// "__rate_interval"); unknown variables stay as written, so Prometheus names them in its error.
QString expand(const QString &expression, const QMap<QString, QString> &variables);

/// A series' legend: `format` with `{{label}}` filled in, or the series written like Prometheus
/// (`name{a="1"}`) when the format is empty; empty for a series without labels (`sum(…)`).
QString legend(const QString &format, const MetricLabels &labels);

} // namespace QueryTemplate

} // namespace studio
