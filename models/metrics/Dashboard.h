// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "metrics/MetricUnit.h"

#include <QList>
#include <QMap>
#include <QString>

namespace studio {

/// One PromQL query of a panel. The expression may use `$env`, `$__interval` and `$__rate_interval`
/// (also written `${…}`); the legend may use `{{label}}`.
struct PanelQuery {
    QString expr;
    QString legend; ///< empty = the series' labels
};

/// A chart or a single-number tile, placed on a 24-column grid (Grafana's gridPos).
struct DashboardPanel {
    enum class Type { TimeSeries, Stat };
    QString title;
    Type type = Type::TimeSeries;
    QList<PanelQuery> queries;
    MetricUnit unit = MetricUnit::None;
    int x = 0; ///< column, 0–23
    int y = 0; ///< row
    int w = 12;
    int h = 8;
};

/// A set of panels, from the repository's `monitoring/dashboards/*.yaml` or imported from Grafana JSON.
struct Dashboard {
    QString title;
    QString file; ///< workspace-relative source file
    QList<DashboardPanel> panels;
    /// Defaults for the dashboard's own variables (Grafana `templating` current values, e.g. job → api);
    /// the view sets `env` itself.
    QMap<QString, QString> variables;
    Diagnostics diagnostics; ///< problems in the source file; what could be read is kept

    static constexpr int kColumns = 24;
};

} // namespace studio
