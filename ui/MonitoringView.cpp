// SPDX-License-Identifier: MIT
#include "MonitoringView.h"

#include "MetricPanel.h"
#include "metrics/DashboardCatalog.h"
#include "metrics/DashboardQueries.h"
#include "metrics/QueryResolution.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

constexpr int kRowHeightPx = 30; // one Grafana grid row

/// Asks for a custom range; false when cancelled.
bool askCustomRange(QWidget *parent, QDateTime &from, QDateTime &to)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QStringLiteral("Custom time range"));
    auto *form = new QFormLayout(&dialog);
    auto *fromEdit = new QDateTimeEdit(from, &dialog);
    auto *toEdit = new QDateTimeEdit(to, &dialog);
    for (QDateTimeEdit *edit : {fromEdit, toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    form->addRow(QStringLiteral("From:"), fromEdit);
    form->addRow(QStringLiteral("To:"), toEdit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted || fromEdit->dateTime() >= toEdit->dateTime())
        return false;
    from = fromEdit->dateTime();
    to = toEdit->dateTime();
    return true;
}

QString rangeName(qint64 seconds)
{
    return QStringLiteral("Last %1").arg(formatDuration(seconds * 1000));
}

ChartMarker markerFor(const HistoryEntry &entry)
{
    const GitCommitInfo &c = entry.commit;
    const QDateTime when = c.committer.when.isValid() ? c.committer.when : c.author.when;
    ChartMarker marker;
    marker.time = double(when.toSecsSinceEpoch());
    marker.label = c.shortId;
    marker.emphasized = entry.isPromotion;
    QStringList lines{QStringLiteral("%1 %2").arg(entry.isPromotion ? QStringLiteral("Promotion") : QStringLiteral("Commit"), c.shortId),
                      QStringLiteral("%1 <%2>").arg(c.author.name, c.author.email),
                      when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), c.summary};
    if (!entry.promotedFrom.isEmpty())
        lines << QStringLiteral("promoted from %1").arg(entry.promotedFrom);
    marker.detail = lines.join(QLatin1Char('\n'));
    return marker;
}

} // namespace

const QList<qint64> &MonitoringView::rangeChoices()
{
    static const QList<qint64> choices{15 * 60, 3600, 6 * 3600, 24 * 3600, 7 * 24 * 3600};
    return choices;
}

MonitoringView::MonitoringView(QWidget *parent)
    : QWidget(parent),
      m_environment(new QComboBox(this)),
      m_dashboard(new QComboBox(this)),
      m_range(new QComboBox(this)),
      m_autoRefresh(new QComboBox(this)),
      m_refresh(new QPushButton(QStringLiteral("Refresh"), this)),
      m_banner(new QLabel(this)),
      m_status(new QLabel(this)),
      m_scroll(new QScrollArea(this)),
      m_gridHost(new QWidget),
      m_grid(new QGridLayout(m_gridHost)),
      m_queries(new DashboardQueries(this))
{
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(QStringLiteral("Environment:"), this));
    bar->addWidget(m_environment);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(QStringLiteral("Dashboard:"), this));
    bar->addWidget(m_dashboard);
    bar->addSpacing(8);
    bar->addWidget(m_range);
    bar->addWidget(m_autoRefresh);
    bar->addWidget(m_refresh);
    bar->addStretch(1);
    bar->addWidget(m_status);
    m_environment->setMinimumContentsLength(10);
    m_dashboard->setMinimumContentsLength(22);
    for (qint64 seconds : rangeChoices())
        m_range->addItem(rangeName(seconds), seconds);
    m_range->addItem(QStringLiteral("Custom…"), qint64(0));
    m_range->setCurrentIndex(int(rangeChoices().indexOf(m_rangeSeconds)));
    m_autoRefresh->addItem(QStringLiteral("Auto-refresh off"), 0);
    for (int seconds : {10, 30, 60, 300})
        m_autoRefresh->addItem(QStringLiteral("Every %1").arg(formatDuration(seconds * 1000LL)), seconds);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setContentsMargins(12, 8, 12, 8);
    m_banner->hide();

    m_grid->setContentsMargins(8, 8, 8, 8);
    m_grid->setSpacing(8);
    for (int column = 0; column < Dashboard::kColumns; ++column)
        m_grid->setColumnStretch(column, 1);
    m_scroll->setWidget(m_gridHost);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addLayout(bar);
    layout->addWidget(m_banner);
    layout->addWidget(m_scroll, 1);

    connect(m_environment, &QComboBox::currentTextChanged, this, [this] {
        loadMarkers();
        refresh();
    });
    connect(m_dashboard, &QComboBox::currentIndexChanged, this, [this] {
        buildPanels();
        refresh();
    });
    connect(m_range, &QComboBox::activated, this, &MonitoringView::onRangeChosen);
    connect(m_autoRefresh, &QComboBox::activated, this, &MonitoringView::onAutoRefreshChosen);
    connect(m_refresh, &QPushButton::clicked, this, &MonitoringView::refresh);
    connect(&m_timer, &QTimer::timeout, this, &MonitoringView::refresh);

    connect(m_queries, &DashboardQueries::panelReady, this, [this](int panel, const QList<PanelSeries> &series) {
        const auto [from, to] = currentWindow();
        if (panel < m_panels.size())
            m_panels.at(panel)->setData(series, double(from), double(to));
    });
    connect(m_queries, &DashboardQueries::panelFailed, this, [this](int panel, const QString &message) {
        if (panel < m_panels.size())
            m_panels.at(panel)->setError(message);
        if (m_failedPanels++ == 0)
            m_firstError = message;
    });
    connect(m_queries, &DashboardQueries::finished, this, [this] {
        const QString now = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
        if (!m_panels.isEmpty() && m_failedPanels == m_panels.size()) {
            // One server problem: say it once, above the panels.
            showBanner(m_firstError, true);
            for (MetricPanel *panel : std::as_const(m_panels)) {
                if (panel->stateText() == m_firstError)
                    panel->setError(QStringLiteral("No data (see the message above)"));
            }
            m_status->setText(QStringLiteral("failed at %1").arg(now));
        } else {
            m_status->setText(QStringLiteral("step %1 · updated %2").arg(formatDuration(m_queries->resolution().window.stepMs), now));
        }
        emit refreshed();
    });

    connect(&m_dashboardWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_dashboards = m_dashboardWatcher.result();
        const QSignalBlocker blocker(m_dashboard);
        m_dashboard->clear();
        for (const Dashboard &d : std::as_const(m_dashboards))
            m_dashboard->addItem(d.title.isEmpty() ? d.file : d.title, d.file);
        buildPanels();
        emit dashboardsLoaded();
        refresh();
    });
    connect(&m_historyWatcher, &QFutureWatcherBase::finished, this, [this] {
        const auto history = m_historyWatcher.result();
        m_markers.clear();
        if (history && history->ok()) {
            for (const HistoryEntry &entry : history->value())
                m_markers << markerFor(entry);
        }
        for (MetricPanel *panel : std::as_const(m_panels))
            panel->setMarkers(m_markers);
        emit markersLoaded();
    });
}

MonitoringView::~MonitoringView()
{
    m_queries->cancel();
    m_dashboardWatcher.waitForFinished();
    m_historyWatcher.waitForFinished();
}

void MonitoringView::setWorkspace(const Workspace &workspace)
{
    m_workspace = workspace;
    {
        const QSignalBlocker blocker(m_environment);
        m_environment->clear();
        for (const Environment &env : workspace.environments)
            m_environment->addItem(env.name);
    }
    m_dashboardWatcher.setFuture(QtConcurrent::run([root = workspace.root] { return DashboardCatalog::load(root); }));
    loadMarkers();
}

void MonitoringView::setEnvironment(const QString &name)
{
    m_environment->setCurrentText(name);
}

QString MonitoringView::environment() const
{
    return m_environment->currentText();
}

void MonitoringView::setDashboard(int index)
{
    m_dashboard->setCurrentIndex(index);
}

void MonitoringView::setRange(qint64 seconds)
{
    m_rangeSeconds = std::max<qint64>(seconds, 60);
    m_customFrom = m_customTo = QDateTime();
    const int index = int(rangeChoices().indexOf(m_rangeSeconds));
    if (index >= 0)
        m_range->setCurrentIndex(index);
    refresh();
}

void MonitoringView::setCustomRange(const QDateTime &from, const QDateTime &to)
{
    m_customFrom = from;
    m_customTo = to;
    m_range->setItemText(m_range->count() - 1, QStringLiteral("%1 – %2").arg(from.toString(QStringLiteral("MMM d HH:mm")),
                                                                         to.toString(QStringLiteral("MMM d HH:mm"))));
    m_range->setCurrentIndex(m_range->count() - 1);
    refresh();
}

void MonitoringView::setAutoRefresh(int seconds)
{
    if (seconds > 0)
        m_timer.start(seconds * 1000);
    else
        m_timer.stop();
    const int index = m_autoRefresh->findData(seconds);
    if (index >= 0)
        m_autoRefresh->setCurrentIndex(index);
}

void MonitoringView::setCredentials(const QString &environment, const PrometheusCredentials &credentials)
{
    m_credentials.insert(environment, credentials);
    if (environment == m_environment->currentText())
        refresh();
}

void MonitoringView::onRangeChosen(int index)
{
    const qint64 seconds = m_range->itemData(index).toLongLong();
    if (seconds > 0) {
        m_range->setItemText(m_range->count() - 1, QStringLiteral("Custom…"));
        setRange(seconds);
        return;
    }
    const auto [from, to] = currentWindow();
    QDateTime start = QDateTime::fromSecsSinceEpoch(from), end = QDateTime::fromSecsSinceEpoch(to);
    if (askCustomRange(this, start, end))
        setCustomRange(start, end);
    else
        m_range->setCurrentIndex(int(rangeChoices().indexOf(m_rangeSeconds)));
}

void MonitoringView::onAutoRefreshChosen(int index)
{
    setAutoRefresh(m_autoRefresh->itemData(index).toInt());
}

std::pair<qint64, qint64> MonitoringView::currentWindow() const
{
    if (m_customFrom.isValid() && m_customTo.isValid())
        return {m_customFrom.toSecsSinceEpoch(), m_customTo.toSecsSinceEpoch()};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {now - m_rangeSeconds, now};
}

const Environment *MonitoringView::currentEnvironment() const
{
    for (const Environment &env : m_workspace.environments) {
        if (env.name == m_environment->currentText())
            return &env;
    }
    return nullptr;
}

QString MonitoringView::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QString MonitoringView::statusText() const
{
    return m_status->text();
}

void MonitoringView::showBanner(const QString &text, bool isError)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    m_banner->setStyleSheet(isError ? QStringLiteral("background:#fdecea; color:#8a1c12; border:1px solid #f5c2bd; border-radius:4px;")
                                    : QStringLiteral("background:#eef4fb; color:#1d4f7c; border:1px solid #c9dcef; border-radius:4px;"));
}

void MonitoringView::buildPanels()
{
    qDeleteAll(m_panels);
    m_panels.clear();
    const int index = m_dashboard->currentIndex();
    if (index < 0 || index >= m_dashboards.size())
        return;
    for (const DashboardPanel &definition : m_dashboards.at(index).panels) {
        auto *panel = new MetricPanel(definition, m_gridHost);
        panel->setMinimumHeight(definition.h * kRowHeightPx);
        panel->setMarkers(m_markers);
        m_grid->addWidget(panel, definition.y, definition.x, definition.h, definition.w);
        m_panels << panel;
    }
}

void MonitoringView::loadMarkers()
{
    if (m_workspace.root.isEmpty() || m_environment->currentText().isEmpty())
        return;
    m_historyWatcher.setFuture(QtConcurrent::run([workspace = m_workspace, env = m_environment->currentText()] {
        return std::make_shared<Result<QList<HistoryEntry>>>(EnvironmentHistory::load(workspace, env));
    }));
}

void MonitoringView::refresh()
{
    m_queries->cancel();
    m_failedPanels = 0;
    m_firstError.clear();
    const Environment *env = currentEnvironment();
    if (!env) {
        showBanner(m_workspace.environments.isEmpty() ? QStringLiteral("This repository has no environments.") : QString(), false);
        return;
    }
    if (env->prometheusUrl.isEmpty()) {
        showBanner(QStringLiteral("The environment '%1' has no Prometheus. Add 'prometheus: http://host:9090' to it in "
                                  ".deploy-studio.yaml.")
                       .arg(env->name),
                   false);
        for (MetricPanel *panel : std::as_const(m_panels))
            panel->setError(QStringLiteral("No Prometheus configured"));
        return;
    }
    if (m_dashboardWatcher.isRunning())
        return; // refreshed when the dashboards arrive
    if (m_dashboards.isEmpty()) {
        showBanner(QStringLiteral("No dashboards in %1/. Add a YAML dashboard or a Grafana JSON export there.")
                       .arg(QString::fromLatin1(DashboardCatalog::kFolder)),
                   false);
        return;
    }
    const Dashboard &dashboard = m_dashboards.at(std::max(0, m_dashboard->currentIndex()));
    showBanner(dashboard.diagnostics.isEmpty()
                   ? QString()
                   : QStringLiteral("%1:%2: %3").arg(dashboard.file).arg(dashboard.diagnostics.front().line).arg(dashboard.diagnostics.front().message),
               false);

    PrometheusEndpoint endpoint;
    endpoint.url = QUrl(env->prometheusUrl);
    endpoint.credentials = m_credentials.value(env->name);
    if (m_queries->endpoint().url != endpoint.url || m_credentials.contains(env->name))
        m_queries->setEndpoint(endpoint);
    for (MetricPanel *panel : std::as_const(m_panels))
        panel->setLoading();
    const auto [from, to] = currentWindow();
    // Half the view is the typical panel width; the step follows it, like Grafana's max data points.
    const int width = std::max(200, m_scroll->viewport()->width() / 2);
    m_status->setText(QStringLiteral("Querying %1…").arg(env->prometheusUrl));
    m_queries->run(dashboard, {{QStringLiteral("env"), env->name}}, from, to, width);
}

} // namespace studio
