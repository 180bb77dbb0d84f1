// SPDX-License-Identifier: MIT
#pragma once

#include "MetricChart.h"
#include "metrics/Dashboard.h"
#include "metrics/PrometheusEndpoint.h"
#include "promote/EnvironmentHistory.h"
#include "workspace/Workspace.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QMap>
#include <QTimer>
#include <QWidget>

#include <memory>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace studio {

class DashboardQueries;
class MetricPanel;

/// Each environment's Prometheus as dashboards: the environment's `prometheus:` URL from
/// `.deploy-studio.yaml`, the repository's dashboards (`monitoring/dashboards/`), a time range,
/// auto-refresh, and the environment's commits as markers on every chart. Disk, Git and network
/// work all run off the GUI thread.
class MonitoringView : public QWidget
{
    Q_OBJECT

public:
    /// The time ranges offered, in seconds (15m, 1h, 6h, 24h, 7d).
    static const QList<qint64> &rangeChoices();

    explicit MonitoringView(QWidget *parent = nullptr);
    ~MonitoringView() override;

    void setWorkspace(const Workspace &workspace);
    void setEnvironment(const QString &name);
    QString environment() const;
    void setDashboard(int index);
    /// A range ending now, in seconds.
    void setRange(qint64 seconds);
    void setCustomRange(const QDateTime &from, const QDateTime &to);
    /// Re-queries every `seconds` (0 = off).
    void setAutoRefresh(int seconds);
    /// Credentials for an environment's Prometheus (from the OS keychain); kept in memory only.
    void setCredentials(const QString &environment, const PrometheusCredentials &credentials);
    void refresh();

    const QList<Dashboard> &dashboards() const { return m_dashboards; }
    QList<MetricPanel *> panels() const { return m_panels; }
    const QList<ChartMarker> &markers() const { return m_markers; }
    /// The message shown above the panels (no Prometheus configured, unreachable, no dashboards); empty when none.
    QString bannerText() const;
    QString statusText() const;

signals:
    /// Every panel of a refresh has its data or its error.
    void refreshed();
    void markersLoaded();
    void dashboardsLoaded();

private:
    void buildPanels();
    void loadMarkers();
    void showBanner(const QString &text, bool isError);
    void onRangeChosen(int index);
    void onAutoRefreshChosen(int index);
    std::pair<qint64, qint64> currentWindow() const;
    const Environment *currentEnvironment() const;

    Workspace m_workspace;
    QComboBox *m_environment;
    QComboBox *m_dashboard;
    QComboBox *m_range;
    QComboBox *m_autoRefresh;
    QPushButton *m_refresh;
    QLabel *m_banner;
    QLabel *m_status;
    QScrollArea *m_scroll;
    QWidget *m_gridHost;
    QGridLayout *m_grid;
    DashboardQueries *m_queries;
    QTimer m_timer;
    QList<Dashboard> m_dashboards;
    QList<MetricPanel *> m_panels;
    QList<ChartMarker> m_markers;
    QMap<QString, PrometheusCredentials> m_credentials;
    qint64 m_rangeSeconds = 6 * 3600; // Grafana's default range
    QDateTime m_customFrom; ///< valid when a custom range is chosen
    QDateTime m_customTo;
    int m_failedPanels = 0;
    QString m_firstError;
    QFutureWatcher<QList<Dashboard>> m_dashboardWatcher;
    QFutureWatcher<std::shared_ptr<Result<QList<HistoryEntry>>>> m_historyWatcher;
};

} // namespace studio
