// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/MetricUnit.h"
#include "metrics/TimeSeries.h"

#include <QWidget>

namespace studio {

/// A single-number panel: the last value of the first series in large type over a sparkline of
/// the range, or a centred message for empty and error states.
class StatTile : public QWidget
{
    Q_OBJECT

public:
    explicit StatTile(QWidget *parent = nullptr);

    void setSeries(const QString &name, const TimeSeries &series);
    void setUnit(MetricUnit unit);
    void setMessage(const QString &message, bool isError = false);
    QString message() const { return m_message; }
    /// The number shown, formatted with its unit ("12.5%"), or empty.
    QString valueText() const;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_name;
    TimeSeries m_series;
    MetricUnit m_unit = MetricUnit::None;
    QString m_message;
    bool m_messageIsError = false;
};

} // namespace studio
