// SPDX-License-Identifier: MIT
#pragma once

// Value types the Prometheus client hands out: plain data, safe to copy between threads.

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QVector>

namespace studio {

/// A series' labels, `__name__` included when Prometheus returns it.
using MetricLabels = QMap<QString, QString>;

/// `name{a="1",b="2"}`, the way Prometheus prints a series.
QString describeSeries(const MetricLabels &labels);

/// One series of a range query: parallel arrays of Unix times (seconds) and values. Values keep
/// NaN and ±Inf (Prometheus sends them as strings); a missing sample is simply absent.
struct TimeSeries {
    MetricLabels labels;
    QVector<double> times;
    QVector<double> values;

    qsizetype size() const { return times.size(); }
    bool isEmpty() const { return times.isEmpty(); }
};

/// One sample of an instant query.
struct InstantSample {
    MetricLabels labels;
    double time = 0;
    double value = 0;
};

/// An alert as `/api/v1/alerts` reports it.
struct PrometheusAlert {
    MetricLabels labels;
    MetricLabels annotations;
    QString state;       ///< "pending" or "firing"
    QDateTime activeAt;
    QString value;
};

} // namespace studio
