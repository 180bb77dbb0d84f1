// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QString>

namespace studio {

/// The time window and resolution of a range query: Unix seconds, both ends inclusive.
struct QueryWindow {
    qint64 start = 0;
    qint64 end = 0;
    qint64 stepMs = 15000;

    double stepSeconds() const { return double(stepMs) / 1000.0; }
};

/// What a dashboard query is run with, chosen the way Grafana does it (see QueryResolution::choose).
struct QueryResolution {
    QueryWindow window;
    qint64 intervalMs = 0;      ///< $__interval: range / max data points, rounded, at least the scrape interval
    qint64 rateIntervalMs = 0;  ///< $__rate_interval: max($__interval + scrape, 4 × scrape)

    /// Prometheus refuses a range query with more than 11,000 steps per series (range / step > 11000).
    static constexpr qint64 kMaxPointsPerSeries = 11000;
    static constexpr int kDefaultMaxDataPoints = 1500;
    static constexpr qint64 kDefaultScrapeIntervalMs = 15000;

    /// Picks the step for [start, end] (Unix seconds) drawn `maxDataPoints` wide (the panel's pixel
    /// width; <= 0 means Grafana's default 1500): range / maxDataPoints rounded to a readable
    /// interval, raised to at least `minStepMs` (the scrape interval), then raised until the range
    /// has at most 11,000 steps. Start and end are floored to multiples of the step, so the points
    /// of consecutive refreshes line up.
    static QueryResolution choose(qint64 start, qint64 end, int maxDataPoints = kDefaultMaxDataPoints,
                                  qint64 minStepMs = kDefaultScrapeIntervalMs);

    /// Rounds an interval to a readable one (1s, 2s, 5s, 10s, 15s, 20s, 30s, 1m, 2m, 5m …), as
    /// Grafana's interval rounding does.
    static qint64 roundInterval(qint64 ms);
};

/// A duration as PromQL and the CLI write it: "15s", "1m", "1h30m", "250ms".
QString formatDuration(qint64 ms);
/// Parses "15s", "1m", "1h30m", "7d", "1w", "250ms", or plain seconds ("30", "1.5").
Result<qint64> parseDuration(const QString &text);

} // namespace studio
