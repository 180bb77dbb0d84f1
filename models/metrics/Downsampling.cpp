// SPDX-License-Identifier: MIT
#include "metrics/Downsampling.h"

#include <algorithm>
#include <cmath>

namespace studio::Downsampling {

PlotPoints minMaxPerColumn(std::span<const double> times, std::span<const double> values, double from, double to,
                           int columns)
{
    PlotPoints out;
    const qsizetype n = qsizetype(std::min(times.size(), values.size()));
    if (n == 0 || !(to > from))
        return out;
    // The visible slice plus one neighbour each side.
    qsizetype begin = std::lower_bound(times.begin(), times.begin() + n, from) - times.begin();
    qsizetype end = std::upper_bound(times.begin(), times.begin() + n, to) - times.begin();
    begin = std::max<qsizetype>(0, begin - 1);
    end = std::min(n, end + 1);
    const qsizetype count = end - begin;
    columns = std::max(columns, 1);

    auto append = [&out, &times, &values](qsizetype i) {
        out.times.append(times[size_t(i)]);
        out.values.append(values[size_t(i)]);
    };
    if (count <= 4 * qsizetype(columns)) {
        out.times.reserve(count);
        out.values.reserve(count);
        for (qsizetype i = begin; i < end; ++i)
            append(i);
        return out;
    }

    out.times.reserve(4 * columns + 2);
    out.values.reserve(4 * columns + 2);
    const double scale = columns / (to - from);
    qsizetype i = begin;
    while (i < end) {
        const double x = (times[size_t(i)] - from) * scale;
        const int column = x < 0 ? -1 : (x >= columns ? columns : int(x));
        // Collect the run of points in this column.
        qsizetype first = i, last = i, minIndex = -1, maxIndex = -1, nanIndex = -1;
        for (; i < end; ++i) {
            const double xi = (times[size_t(i)] - from) * scale;
            const int c = xi < 0 ? -1 : (xi >= columns ? columns : int(xi));
            if (c != column)
                break;
            last = i;
            const double v = values[size_t(i)];
            if (std::isnan(v)) {
                if (nanIndex < 0)
                    nanIndex = i;
                continue;
            }
            if (minIndex < 0 || v < values[size_t(minIndex)])
                minIndex = i;
            if (maxIndex < 0 || v > values[size_t(maxIndex)])
                maxIndex = i;
        }
        // Emit first, min, max, NaN (a gap), last — each once, in time order.
        qsizetype picks[5] = {first, minIndex, maxIndex, nanIndex, last};
        std::sort(std::begin(picks), std::end(picks));
        qsizetype previous = -1;
        for (qsizetype p : picks) {
            if (p >= 0 && p != previous)
                append(p);
            if (p >= 0)
                previous = p;
        }
    }
    return out;
}

} // namespace studio::Downsampling
