// SPDX-License-Identifier: MIT
#include "metrics/AxisTicks.h"

#include <QDateTime>

#include <array>
#include <cmath>

namespace studio::AxisTicks {

QList<double> values(double min, double max, int count)
{
    QList<double> ticks;
    if (!std::isfinite(min) || !std::isfinite(max) || count < 1)
        return ticks;
    if (max <= min)
        max = min + 1;
    const double raw = (max - min) / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * magnitude;
        if (step >= raw)
            break;
    }
    for (double v = std::ceil(min / step) * step; v <= max + step * 1e-9; v += step)
        ticks << (std::abs(v) < step * 1e-9 ? 0.0 : v);
    return ticks;
}

QList<double> binaryValues(double min, double max, int count)
{
    const double largest = std::max(std::abs(min), std::abs(max));
    double scale = 1;
    while (largest / scale >= 1024)
        scale *= 1024;
    QList<double> ticks = values(min / scale, max / scale, count);
    for (double &t : ticks)
        t *= scale;
    return ticks;
}

double timeStep(double from, double to, int count)
{
    static constexpr std::array<double, 19> steps{1,    2,     5,     10,    15,    30,    60,
                                                  120,  300,   600,   900,   1800,  3600,  7200,
                                                  10800, 21600, 43200, 86400, 604800};
    const double raw = (to - from) / std::max(count, 1);
    for (double s : steps) {
        if (s >= raw)
            return s;
    }
    return std::ceil(raw / 604800) * 604800;
}

QList<double> times(double from, double to, int count)
{
    QList<double> ticks;
    if (!(to > from))
        return ticks;
    const double step = timeStep(from, to, count);
    // Align to local time, so hour and day ticks fall on the clock's round values.
    const double offset = QDateTime::fromSecsSinceEpoch(qint64(from)).offsetFromUtc();
    for (double t = std::ceil((from + offset) / step) * step - offset; t <= to; t += step)
        ticks << t;
    return ticks;
}

} // namespace studio::AxisTicks
