// SPDX-License-Identifier: MIT
#pragma once

#include "MetricChart.h"
#include "metrics/Dashboard.h"
#include "metrics/DashboardQueries.h"

#include <QFrame>

class QLabel;

namespace studio {

class StatTile;

/// One dashboard panel in the Monitoring view: its title over a chart (timeseries) or a stat tile.
class MetricPanel : public QFrame
{
    Q_OBJECT

public:
    explicit MetricPanel(const DashboardPanel &definition, QWidget *parent = nullptr);

    const DashboardPanel &definition() const { return m_definition; }
    void setLoading();
    void setData(const QList<PanelSeries> &series, double from, double to);
    void setError(const QString &message);
    void setMarkers(const QList<ChartMarker> &markers);

    /// The chart of a timeseries panel (nullptr for a stat panel).
    MetricChart *chart() const { return m_chart; }
    /// The tile of a stat panel (nullptr for a timeseries panel).
    StatTile *stat() const { return m_stat; }
    /// The empty, loading or error message shown instead of data; empty when data is shown.
    QString stateText() const;

private:
    void showMessage(const QString &message, bool isError);

    DashboardPanel m_definition;
    MetricChart *m_chart = nullptr;
    StatTile *m_stat = nullptr;
    bool m_hasData = false;
    QStringList m_hidden; ///< series the user switched off in the legend; kept across refreshes
};

} // namespace studio
