// SPDX-License-Identifier: MIT
#include "metrics/QueryResolution.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>

namespace studio {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;

qint64 floorTo(qint64 value, qint64 multiple)
{
    const qint64 q = value / multiple;
    return (value % multiple < 0 ? q - 1 : q) * multiple;
}

} // namespace

qint64 QueryResolution::roundInterval(qint64 ms)
{
    // Each readable interval covers the raw intervals up to the midpoint towards the next one.
    struct Step {
        qint64 upTo;
        qint64 interval;
    };
    static constexpr std::array<Step, 26> steps{{
        {15, 10},
        {35, 20},
        {75, 50},
        {150, 100},
        {350, 200},
        {750, 500},
        {1500, kSecond},
        {3500, 2 * kSecond},
        {7500, 5 * kSecond},
        {12500, 10 * kSecond},
        {17500, 15 * kSecond},
        {25000, 20 * kSecond},
        {45000, 30 * kSecond},
        {90000, kMinute},
        {210000, 2 * kMinute},
        {450000, 5 * kMinute},
        {750000, 10 * kMinute},
        {1050000, 15 * kMinute},
        {1500000, 20 * kMinute},
        {2700000, 30 * kMinute},
        {5400000, kHour},
        {9000000, 2 * kHour},
        {16200000, 3 * kHour},
        {27000000, 6 * kHour},
        {64800000, 12 * kHour},
        {302400000, kDay},
    }};
    for (const Step &s : steps) {
        if (ms <= s.upTo)
            return s.interval;
    }
    return ms <= 2 * kWeek ? kWeek : floorTo(ms, kDay);
}

QueryResolution QueryResolution::choose(qint64 start, qint64 end, int maxDataPoints, qint64 minStepMs)
{
    if (end < start)
        std::swap(start, end);
    const qint64 rangeMs = std::max<qint64>((end - start) * kSecond, kSecond);
    const qint64 points = maxDataPoints > 0 ? maxDataPoints : kDefaultMaxDataPoints;
    const qint64 scrapeMs = minStepMs > 0 ? minStepMs : kDefaultScrapeIntervalMs;

    QueryResolution r;
    r.intervalMs = std::max(roundInterval(rangeMs / points), scrapeMs);
    // Whole seconds keep the step exact in the form Prometheus parses, and at most 11,000 steps fit the range.
    const qint64 limitMs = (rangeMs + kMaxPointsPerSeries - 1) / kMaxPointsPerSeries;
    qint64 stepMs = std::max(r.intervalMs, limitMs);
    stepMs = std::max<qint64>(kSecond, (stepMs + kSecond - 1) / kSecond * kSecond);
    r.intervalMs = std::max(r.intervalMs, stepMs);
    r.rateIntervalMs = std::max(r.intervalMs + scrapeMs, 4 * scrapeMs);

    const qint64 stepSeconds = stepMs / kSecond;
    r.window.stepMs = stepMs;
    r.window.start = floorTo(start, stepSeconds);
    r.window.end = floorTo(end, stepSeconds);
    // Flooring may widen the range by almost a step; keep it within the limit.
    while ((r.window.end - r.window.start) / stepSeconds > kMaxPointsPerSeries)
        r.window.start += stepSeconds;
    return r;
}

QString formatDuration(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("0s");
    if (ms % kSecond != 0)
        return QStringLiteral("%1ms").arg(ms);
    QString text;
    qint64 rest = ms;
    for (const auto &[unit, suffix] : {std::pair{kWeek, 'w'}, std::pair{kDay, 'd'}, std::pair{kHour, 'h'},
                                       std::pair{kMinute, 'm'}, std::pair{kSecond, 's'}}) {
        if (rest >= unit) {
            text += QString::number(rest / unit) + QLatin1Char(suffix);
            rest %= unit;
        }
    }
    return text;
}

Result<qint64> parseDuration(const QString &text)
{
    const QString t = text.trimmed();
    bool isNumber = false;
    const double seconds = t.toDouble(&isNumber);
    if (isNumber && std::isfinite(seconds) && seconds > 0)
        return qint64(std::llround(seconds * 1000.0));
    static const QRegularExpression whole(QStringLiteral("^(?:\\d+(?:ms|[smhdwy]))+$"));
    static const QRegularExpression part(QStringLiteral("(\\d+)(ms|[smhdwy])"));
    if (!whole.match(t).hasMatch())
        return Result<qint64>::failure(Error::Code::Usage,
                                       QStringLiteral("'%1' is not a duration; write e.g. 15s, 5m, 1h, 7d").arg(text));
    qint64 total = 0;
    for (auto it = part.globalMatch(t); it.hasNext();) {
        const auto m = it.next();
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        const qint64 factor = unit == u"ms" ? 1
                              : unit == u"s" ? kSecond
                              : unit == u"m" ? kMinute
                              : unit == u"h" ? kHour
                              : unit == u"d" ? kDay
                              : unit == u"w" ? kWeek
                                             : 365 * kDay;
        total += n * factor;
    }
    if (total <= 0)
        return Result<qint64>::failure(Error::Code::Usage, QStringLiteral("the duration '%1' must be more than zero").arg(text));
    return total;
}

} // namespace studio
