// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/Dashboard.h"

#include <QByteArray>

namespace studio {

/// Imports a Grafana dashboard JSON (the classic model: `panels[]` with `gridPos`, `targets[]`,
/// `fieldConfig.defaults.unit`; rows with nested panels; an API export wrapped in `{"dashboard": …}`).
/// Timeseries (and the older graph) and stat panels are kept; other panel types are reported and
/// skipped. Target expressions keep their `$__rate_interval`/`$__interval`/`$env` variables.
namespace GrafanaDashboard {

Dashboard import(const QByteArray &json, const QString &file);

} // namespace GrafanaDashboard

} // namespace studio
