// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/Dashboard.h"
#include "metrics/PrometheusEndpoint.h"
#include "metrics/QueryResolution.h"
#include "metrics/TimeSeries.h"

#include <QMap>
#include <QObject>
#include <QStringList>

namespace studio {

class PrometheusClient;

/// A series as a panel shows it: its legend name (the panel title for an unlabelled series) and its samples.
struct PanelSeries {
    QString name;
    TimeSeries series;
};

/// Runs every query of a dashboard against one Prometheus for a time range, with the step and the
/// `$__interval`/`$__rate_interval` chosen like Grafana, and reports each panel when all its queries
/// have answered. A new run cancels the previous one; its late answers are dropped.
class DashboardQueries : public QObject
{
    Q_OBJECT

public:
    explicit DashboardQueries(QObject *parent = nullptr);
    ~DashboardQueries() override;

    void setEndpoint(const PrometheusEndpoint &endpoint);
    const PrometheusEndpoint &endpoint() const;
    /// The Prometheus scrape interval, the smallest useful step (default 15 s).
    void setScrapeIntervalMs(qint64 ms) { m_scrapeMs = ms; }

    /// Queries every panel over [start, end] (Unix seconds), `maxDataPoints` points wide.
    /// `variables` fills `$env` and friends; `$__interval`, `$__rate_interval` and `$__range` are added.
    void run(const Dashboard &dashboard, const QMap<QString, QString> &variables, qint64 start, qint64 end,
             int maxDataPoints);
    void cancel();
    bool isRunning() const { return m_pending > 0; }
    /// The resolution of the last run.
    const QueryResolution &resolution() const { return m_resolution; }

signals:
    void panelReady(int panel, const QList<studio::PanelSeries> &series);
    void panelFailed(int panel, const QString &message);
    /// Every panel of the run has answered.
    void finished();

private:
    struct PanelState {
        int remaining = 0;
        QList<QList<PanelSeries>> perQuery;
        QString error;
    };
    void answer(int generation, int panel, int query, Result<QList<TimeSeries>> result, const QString &legend);

    PrometheusClient *m_client = nullptr;
    qint64 m_scrapeMs = QueryResolution::kDefaultScrapeIntervalMs;
    QueryResolution m_resolution;
    QList<PanelState> m_panels;
    QStringList m_titles; ///< names series that have no labels and no legend
    int m_generation = 0;
    int m_pending = 0;
};

} // namespace studio
