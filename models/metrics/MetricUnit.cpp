// SPDX-License-Identifier: MIT
#include "metrics/MetricUnit.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace studio::MetricUnits {

namespace {

/// At most three significant digits, trailing zeros dropped: 1.5, 12.3, 230.
QString number(double v)
{
    const double a = std::abs(v);
    // Below 1, as many decimals as three significant digits need (0.0012, not 0.001).
    const int decimals = a == 0 || a >= 100 ? 0
        : a >= 10                          ? 1
        : a >= 1                           ? 2
                                           : std::min(12, int(std::ceil(-std::log10(a))) + 2);
    QString text = QString::number(v, 'f', decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return text == u"-0" ? QStringLiteral("0") : text;
}

QString scaled(double v, double base, const std::array<const char *, 6> &prefixes, const QString &suffix)
{
    int i = 0;
    while (std::abs(v) >= base && i + 1 < int(prefixes.size())) {
        v /= base;
        ++i;
    }
    return number(v) + QString::fromLatin1(prefixes[size_t(i)]) + suffix;
}

QString duration(double seconds)
{
    const double a = std::abs(seconds);
    if (a == 0)
        return QStringLiteral("0 s");
    if (a < 1e-3)
        return number(seconds * 1e6) + QStringLiteral(" µs");
    if (a < 1)
        return number(seconds * 1e3) + QStringLiteral(" ms");
    if (a < 60)
        return number(seconds) + QStringLiteral(" s");
    if (a < 3600)
        return number(seconds / 60) + QStringLiteral(" min");
    if (a < 86400)
        return number(seconds / 3600) + QStringLiteral(" h");
    return number(seconds / 86400) + QStringLiteral(" d");
}

} // namespace

MetricUnit fromName(const QString &name, bool *known)
{
    const QString n = name.trimmed().toLower();
    MetricUnit unit = MetricUnit::None;
    bool found = true;
    if (n.isEmpty() || n == u"none" || n == u"short")
        unit = MetricUnit::None;
    else if (n == u"bytes" || n == u"decbytes" || n == u"byte")
        unit = MetricUnit::Bytes;
    else if (n == u"s" || n == u"seconds" || n == u"dtdurations")
        unit = MetricUnit::Seconds;
    else if (n == u"ms" || n == u"milliseconds")
        unit = MetricUnit::Milliseconds;
    else if (n == u"percent")
        unit = MetricUnit::Percent;
    else if (n == u"percentunit" || n == u"ratio")
        unit = MetricUnit::PercentUnit;
    else if (n == u"reqps" || n == u"req/s" || n == u"ops" || n == u"rps")
        unit = MetricUnit::RequestsPerSecond;
    else
        found = false;
    if (known)
        *known = found;
    return unit;
}

QString name(MetricUnit unit)
{
    switch (unit) {
    case MetricUnit::None: return QStringLiteral("none");
    case MetricUnit::Bytes: return QStringLiteral("bytes");
    case MetricUnit::Seconds: return QStringLiteral("seconds");
    case MetricUnit::Milliseconds: return QStringLiteral("ms");
    case MetricUnit::Percent: return QStringLiteral("percent");
    case MetricUnit::PercentUnit: return QStringLiteral("ratio");
    case MetricUnit::RequestsPerSecond: return QStringLiteral("req/s");
    }
    return QStringLiteral("none");
}

QString format(double value, MetricUnit unit)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    switch (unit) {
    case MetricUnit::Bytes:
        return scaled(value, 1024, {" B", " KiB", " MiB", " GiB", " TiB", " PiB"}, QString());
    case MetricUnit::Seconds:
        return duration(value);
    case MetricUnit::Milliseconds:
        return duration(value / 1000.0);
    case MetricUnit::Percent:
        return number(value) + QLatin1Char('%');
    case MetricUnit::PercentUnit:
        return number(value * 100) + QLatin1Char('%');
    case MetricUnit::RequestsPerSecond:
        return scaled(value, 1000, {"", "k", "M", "G", "T", "P"}, QStringLiteral(" req/s"));
    case MetricUnit::None:
        break;
    }
    return scaled(value, 1000, {"", "k", "M", "G", "T", "P"}, QString());
}

} // namespace studio::MetricUnits
