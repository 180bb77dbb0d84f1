// SPDX-License-Identifier: MIT
#include "MetricPanel.h"

#include "StatTile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace studio {

MetricPanel::MetricPanel(const DashboardPanel &definition, QWidget *parent) : QFrame(parent), m_definition(definition)
{
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 6);
    layout->setSpacing(4);
    auto *title = new QLabel(definition.title, this);
    QFont bold = title->font();
    bold.setWeight(QFont::DemiBold);
    title->setFont(bold);
    QStringList queries;
    for (const PanelQuery &q : definition.queries)
        queries << q.expr;
    title->setToolTip(queries.join(QLatin1Char('\n')));
    layout->addWidget(title);
    if (definition.type == DashboardPanel::Type::Stat) {
        m_stat = new StatTile(this);
        m_stat->setUnit(definition.unit);
        layout->addWidget(m_stat, 1);
    } else {
        m_chart = new MetricChart(this);
        m_chart->setUnit(definition.unit);
        layout->addWidget(m_chart, 1);
        connect(m_chart, &MetricChart::seriesToggled, this, [this](int index, bool visible) {
            const QString name = m_chart->series().at(index).name;
            m_hidden.removeAll(name);
            if (!visible)
                m_hidden << name;
        });
    }
    setMinimumHeight(definition.type == DashboardPanel::Type::Stat ? 120 : 220);
}

void MetricPanel::showMessage(const QString &message, bool isError)
{
    if (m_chart)
        m_chart->setMessage(message, isError);
    else
        m_stat->setMessage(message, isError);
}

QString MetricPanel::stateText() const
{
    return m_chart ? m_chart->message() : m_stat->message();
}

void MetricPanel::setLoading()
{
    // Keep the previous data on screen during an auto-refresh.
    if (!m_hasData)
        showMessage(QStringLiteral("Loading…"), false);
}

void MetricPanel::setError(const QString &message)
{
    m_hasData = false;
    showMessage(message, true);
}

void MetricPanel::setData(const QList<PanelSeries> &series, double from, double to)
{
    qsizetype samples = 0;
    for (const PanelSeries &s : series)
        samples += s.series.size();
    m_hasData = samples > 0;
    if (!m_hasData) {
        showMessage(QStringLiteral("No data in this time range"), false);
        return;
    }
    showMessage(QString(), false);
    if (m_stat) {
        // The tile's title already names an unlabelled series.
        const QString name = series.front().name == m_definition.title ? QString() : series.front().name;
        m_stat->setSeries(name, series.front().series);
        return;
    }
    QList<MetricChart::Series> chartSeries;
    for (const PanelSeries &s : series)
        chartSeries << MetricChart::Series{s.name, s.series, MetricChart::seriesColor(int(chartSeries.size())),
                                             !m_hidden.contains(s.name)};
    m_chart->setTimeRange(from, to);
    m_chart->setSeries(chartSeries);
}

void MetricPanel::setMarkers(const QList<ChartMarker> &markers)
{
    if (m_chart)
        m_chart->setMarkers(markers);
}

} // namespace studio
