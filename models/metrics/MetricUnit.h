// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace studio {

/// How a panel's values read: the units the dashboards use, named like Grafana's unit ids.
enum class MetricUnit {
    None,          ///< "none" / "short": plain numbers with k, M, G
    Bytes,         ///< "bytes": IEC (KiB, MiB, GiB)
    Seconds,       ///< "s": µs, ms, s, min, h
    Milliseconds,  ///< "ms"
    Percent,       ///< "percent": values are 0–100
    PercentUnit,   ///< "percentunit": values are 0–1
    RequestsPerSecond, ///< "reqps"
};

namespace MetricUnits {

/// The unit for a Grafana unit id or a dashboard YAML unit ("bytes", "seconds", "percent", "req/s" …);
/// `known` is set to false (and None returned) for an id this studio does not know.
MetricUnit fromName(const QString &name, bool *known = nullptr);
/// The canonical name used in dashboard YAML.
QString name(MetricUnit unit);
/// A value for an axis label or a tooltip: "1.5 MiB", "230 ms", "12.5%", "3.2k req/s", "NaN".
QString format(double value, MetricUnit unit);

} // namespace MetricUnits

} // namespace studio
