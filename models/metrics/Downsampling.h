// SPDX-License-Identifier: MIT
#pragma once

#include <QVector>

#include <span>

namespace studio {

/// Points to draw for a series: parallel arrays, in time order.
struct PlotPoints {
    QVector<double> times;
    QVector<double> values;

    qsizetype size() const { return times.size(); }
};

/// Reduces a series to what a chart `columns` pixels wide can show, so that a million points draw
/// as fast as a few thousand and every peak stays visible.
namespace Downsampling {

/// M4 (Jugel et al., PVLDB 2014): per pixel column over [from, to], the first, minimum, maximum and
/// last point, in time order. The polyline through them is pixel-identical to the full series.
/// Points outside [from, to] are dropped except the nearest one on each side, so lines still run
/// to the chart's edges. NaN values are kept (they break the line). `times` must be sorted.
/// When there are no more points than 4 per column, the visible points are returned unchanged.
PlotPoints minMaxPerColumn(std::span<const double> times, std::span<const double> values, double from, double to,
                           int columns);

} // namespace Downsampling

} // namespace studio
