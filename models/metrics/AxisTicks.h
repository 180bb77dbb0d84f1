// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

namespace studio {

/// Where a chart puts its grid lines.
namespace AxisTicks {

/// Round values (1, 2, 2.5, 5 × 10^n steps) covering [min, max] with about `count` ticks.
QList<double> values(double min, double max, int count);
/// The same for byte sizes: round values of the binary unit in range (KiB, MiB, GiB …), so labels read "256 MiB".
QList<double> binaryValues(double min, double max, int count);
/// Unix times (seconds) on round local-time boundaries (1 s … 1 week) with about `count` ticks.
QList<double> times(double from, double to, int count);
/// The spacing of `times` for that range, in seconds; the caller picks the label format from it.
double timeStep(double from, double to, int count);

} // namespace AxisTicks

} // namespace studio
