// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/Dashboard.h"

namespace studio {

/// The repository's own dashboard format, `monitoring/dashboards/*.yaml`:
///
///     title: TuneMantra
///     panels:
///       - title: Request rate
///         type: timeseries            # or stat
///         unit: req/s                 # none, bytes, seconds, ms, percent, ratio, req/s
///         grid: {x: 0, y: 0, w: 12, h: 8}   # 24 columns, like Grafana
///         queries:
///           - expr: sum by (status) (rate(http_requests_total{namespace="tunemantra-$env"}[$__rate_interval]))
///             legend: "{{status}}"
///
/// A panel with one query may write `expr:` and `legend:` directly instead of `queries:`.
namespace DashboardYaml {

/// Problems are diagnostics with file and line; whatever could be read is kept.
Dashboard parse(const QString &text, const QString &file);

} // namespace DashboardYaml

} // namespace studio
