// SPDX-License-Identifier: MIT
#include "metrics/DashboardQueries.h"

#include "metrics/PrometheusClient.h"
#include "metrics/QueryTemplate.h"

namespace studio {

DashboardQueries::DashboardQueries(QObject *parent) : QObject(parent), m_client(new PrometheusClient({}, this)) {}

DashboardQueries::~DashboardQueries() = default;

void DashboardQueries::setEndpoint(const PrometheusEndpoint &endpoint)
{
    cancel();
    delete m_client;
    m_client = new PrometheusClient(endpoint, this);
}

const PrometheusEndpoint &DashboardQueries::endpoint() const
{
    return m_client->endpoint();
}

void DashboardQueries::cancel()
{
    ++m_generation;
    m_pending = 0;
    m_client->cancelAll();
}

void DashboardQueries::run(const Dashboard &dashboard, const QMap<QString, QString> &variables, qint64 start,
                           qint64 end, int maxDataPoints)
{
    cancel();
    const int generation = m_generation;
    m_resolution = QueryResolution::choose(start, end, maxDataPoints, m_scrapeMs);
    QMap<QString, QString> vars = dashboard.variables;
    vars.insert(variables);
    vars.insert(QStringLiteral("__interval"), formatDuration(m_resolution.intervalMs));
    vars.insert(QStringLiteral("__interval_ms"), QString::number(m_resolution.intervalMs));
    vars.insert(QStringLiteral("__rate_interval"), formatDuration(m_resolution.rateIntervalMs));
    vars.insert(QStringLiteral("__rate_interval_ms"), QString::number(m_resolution.rateIntervalMs));
    vars.insert(QStringLiteral("__range"), formatDuration((end - start) * 1000));
    vars.insert(QStringLiteral("__range_s"), QString::number(end - start));

    m_panels.clear();
    m_titles.clear();
    for (const DashboardPanel &panel : dashboard.panels) {
        m_titles << panel.title;
        PanelState state;
        state.remaining = int(panel.queries.size());
        state.perQuery.resize(panel.queries.size());
        m_panels << state;
    }
    for (int p = 0; p < dashboard.panels.size(); ++p) {
        const DashboardPanel &panel = dashboard.panels.at(p);
        if (panel.queries.isEmpty()) {
            emit panelReady(p, {});
            continue;
        }
        for (int q = 0; q < panel.queries.size(); ++q) {
            const PanelQuery &query = panel.queries.at(q);
            ++m_pending;
            m_client->queryRange(QueryTemplate::expand(query.expr, vars), m_resolution.window, this,
                                 [this, generation, p, q, legend = query.legend](Result<QList<TimeSeries>> result) {
                                     answer(generation, p, q, std::move(result), legend);
                                 });
        }
    }
    if (m_pending == 0)
        emit finished();
}

void DashboardQueries::answer(int generation, int panel, int query, Result<QList<TimeSeries>> result,
                              const QString &legend)
{
    if (generation != m_generation)
        return;
    PanelState &state = m_panels[panel];
    if (!result) {
        if (state.error.isEmpty())
            state.error = result.errorMessage();
    } else {
        for (TimeSeries &s : result.value()) {
            const QString name = QueryTemplate::legend(legend, s.labels);
            state.perQuery[query] << PanelSeries{name.isEmpty() ? m_titles.value(panel) : name, std::move(s)};
        }
    }
    if (--state.remaining == 0) {
        if (!state.error.isEmpty()) {
            emit panelFailed(panel, state.error);
        } else {
            QList<PanelSeries> all;
            for (const QList<PanelSeries> &part : state.perQuery)
                all += part;
            emit panelReady(panel, all);
        }
    }
    if (--m_pending == 0)
        emit finished();
}

} // namespace studio
