// SPDX-License-Identifier: MIT
#include "PipelineView.h"

#include "PipelineGraphView.h"
#include "PipelineScene.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

/// A step's script as wrapping HTML lines, indentation kept.
QString scriptHtml(const QString &script)
{
    QStringList lines;
    for (const QString &line : script.trimmed().split(u'\n')) {
        qsizetype indent = 0;
        while (indent < line.size() && line[indent] == u' ')
            ++indent;
        lines << QStringLiteral("&nbsp;").repeated(indent) + escaped(line.mid(indent));
    }
    return lines.join(QStringLiteral("<br>"));
}

/// What the panel shows while no job is selected: each workflow, what triggers it, and the legend.
QString overviewHtml(const Pipeline &pipeline)
{
    if (pipeline.workflows.isEmpty())
        return QStringLiteral("<p style='color:#57606a'>No workflows in .github/workflows.</p>");
    QString html;
    for (const Workflow &workflow : pipeline.workflows) {
        html += QStringLiteral("<h3 style='margin-bottom:2px'>%1</h3><div style='color:#57606a'>%2</div>")
                    .arg(escaped(workflow.name), escaped(workflow.file));
        QString trigger = QStringLiteral("on %1").arg(escaped(workflow.events.join(QStringLiteral(", "))));
        if (!workflow.runsAfter.isEmpty())
            trigger += QStringLiteral(" after <b>%1</b>").arg(escaped(workflow.runsAfter.join(QStringLiteral(", "))));
        html += QStringLiteral("<p>%1 · %2 jobs</p>").arg(trigger).arg(workflow.jobs.size());
    }
    html += QStringLiteral("<p style='color:#57606a'>Click a job to see its steps, condition, environment and needs. "
                           "Ctrl+wheel or +/− zooms, dragging pans, 0 fits. Dashed lines are workflow_run triggers; "
                           "dotted lines lead from a deploying job to its environment.</p>");
    return html;
}

QToolButton *toolButton(const QString &text, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

PipelineView::PipelineView(QWidget *parent)
    : QWidget(parent)
    , m_scene(new PipelineScene(this))
    , m_view(new PipelineGraphView(this))
    , m_details(new QTextBrowser(this))
    , m_problems(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_zoom(new QLabel(this))
{
    m_view->setScene(m_scene);
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(QStringLiteral("Click a job to see its steps, condition, environment and needs."));
    m_problems->setVisible(false);
    m_problems->setMaximumHeight(110);
    m_details->setLineWrapMode(QTextEdit::WidgetWidth);
    m_zoom->setAlignment(Qt::AlignCenter);
    m_zoom->setMinimumWidth(m_zoom->fontMetrics().horizontalAdvance(QStringLiteral("400%")) + 8);
    m_zoom->setText(QStringLiteral("100%"));

    auto *zoomIn = toolButton(QStringLiteral("+"), QStringLiteral("Zoom in (+, Ctrl+wheel)"), this);
    auto *zoomOut = toolButton(QStringLiteral("−"), QStringLiteral("Zoom out (-, Ctrl+wheel)"), this);
    auto *fit = toolButton(QStringLiteral("Fit"), QStringLiteral("Show the whole pipeline (0)"), this);
    auto *exportButton = toolButton(QStringLiteral("Export…"), QStringLiteral("Save the graph as PNG or SVG"), this);
    connect(zoomIn, &QToolButton::clicked, this, [this] { m_view->zoomBy(1.25); });
    connect(zoomOut, &QToolButton::clicked, this, [this] { m_view->zoomBy(1 / 1.25); });
    connect(fit, &QToolButton::clicked, m_view, &PipelineGraphView::fitAll);
    connect(exportButton, &QToolButton::clicked, this, &PipelineView::chooseExport);
    connect(m_view, &PipelineGraphView::zoomChanged, this,
            [this](qreal zoom) { m_zoom->setText(QStringLiteral("%1%").arg(qRound(zoom * 100))); });
    connect(m_scene, &PipelineScene::jobSelected, this, &PipelineView::showDetails);
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"job") {
            selectJob(QUrlQuery(url).queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded));
        } else if (url.scheme() == u"file") {
            const QUrlQuery query(url);
            emit openRequested(query.queryItemValue(QStringLiteral("path"), QUrl::FullyDecoded),
                               query.queryItemValue(QStringLiteral("line")).toInt(), 1);
        }
    });
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit openRequested(item->data(Qt::UserRole).toString(), item->data(Qt::UserRole + 1).toInt(), 1);
    });

    auto *top = new QHBoxLayout;
    auto *title = new QLabel(QStringLiteral("<b>Pipeline</b>"), this);
    top->addWidget(title);
    top->addSpacing(12);
    top->addWidget(m_status, 1);
    top->addWidget(zoomOut);
    top->addWidget(m_zoom);
    top->addWidget(zoomIn);
    top->addWidget(fit);
    top->addWidget(exportButton);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setSizes({1000, 280});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_problems);

    connect(&m_load, &QFutureWatcherBase::finished, this, [this] {
        const std::shared_ptr<Loaded> result = m_load.result();
        m_scene->setPipeline(result->pipeline, result->layout);
        const auto count = [](qsizetype n, const char *one, const char *many) {
            return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
        };
        m_status->setText(QStringList{count(result->pipeline.workflows.size(), "workflow", "workflows"),
                                      count(result->pipeline.jobs().size(), "job", "jobs"),
                                      count(result->pipeline.stages.size(), "environment", "environments")}
                              .join(QStringLiteral(", ")));
        m_problems->clear();
        for (const Diagnostic &d : result->pipeline.diagnostics) {
            auto *item = new QListWidgetItem(QStringLiteral("%1:%2: %3: %4").arg(d.file).arg(d.line).arg(severityName(d.severity), d.message),
                                             m_problems);
            item->setData(Qt::UserRole, d.file);
            item->setData(Qt::UserRole + 1, d.line);
            item->setForeground(d.severity == Severity::Error ? QColor(0xcf, 0x22, 0x2e) : QColor(0x9a, 0x67, 0x00));
        }
        m_problems->setVisible(m_problems->count() > 0);
        showDetails(QString());
        m_view->fitAll();
        emit loaded();
    });
}

PipelineView::~PipelineView()
{
    m_load.waitForFinished();
}

void PipelineView::setWorkspace(const Workspace &workspace)
{
    m_status->setText(QStringLiteral("Reading workflows…"));
    m_load.setFuture(QtConcurrent::run([workspace] {
        auto result = std::make_shared<Loaded>();
        result->pipeline = Pipeline::load(workspace);
        result->layout = PipelineLayout::compute(result->pipeline);
        return result;
    }));
}

QString PipelineView::detailsText() const
{
    return m_details->toPlainText();
}

QString PipelineView::statusText() const
{
    return m_status->text();
}

int PipelineView::problemCount() const
{
    return m_problems->count();
}

bool PipelineView::selectJob(const QString &jobId)
{
    const bool found = m_scene->selectJob(jobId);
    if (found)
        m_view->ensureVisible(m_scene->selectedItems().front());
    return found;
}

Status PipelineView::exportTo(const QString &path) const
{
    return m_view->exportTo(path);
}

void PipelineView::chooseExport()
{
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export Pipeline"), QStringLiteral("pipeline.svg"),
                                                      QStringLiteral("SVG image (*.svg);;PNG image (*.png)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const Status written = exportTo(path);
    if (!written)
        QMessageBox::warning(this, QStringLiteral("Export Pipeline"), written.errorMessage());
    else
        m_status->setText(QStringLiteral("Exported to %1").arg(path));
}

void PipelineView::showDetails(const QString &jobId)
{
    const Pipeline &pipeline = m_scene->pipeline();
    const WorkflowJob *job = pipeline.job(jobId);
    if (!job) {
        m_details->setHtml(overviewHtml(pipeline));
        return;
    }
    const auto jobLink = [&pipeline](const QString &id) {
        const WorkflowJob *other = pipeline.job(id);
        QUrl url;
        url.setScheme(QStringLiteral("job"));
        url.setQuery(QUrlQuery{{QStringLiteral("id"), id}});
        return QStringLiteral("<a href=\"%1\">%2</a>").arg(url.toString(QUrl::FullyEncoded), escaped(other ? other->name : id));
    };
    const auto row = [](const QString &label, const QString &html) {
        return QStringLiteral("<tr><td style='color:#57606a;padding-right:8px'>%1</td><td>%2</td></tr>").arg(label, html);
    };
    QUrl source;
    source.setScheme(QStringLiteral("file"));
    source.setQuery(QUrlQuery{{QStringLiteral("path"), job->workflowFile}, {QStringLiteral("line"), QString::number(job->line)}});

    QString html = QStringLiteral("<h3 style='margin-bottom:2px'>%1</h3>").arg(escaped(job->name));
    html += QStringLiteral("<div><a href=\"%1\">%2:%3</a></div><table style='margin-top:6px'>")
                .arg(source.toString(QUrl::FullyEncoded), escaped(job->workflowFile))
                .arg(job->line);
    html += row(QStringLiteral("Runs on"), escaped(job->runsOn.isEmpty() ? QStringLiteral("—") : job->runsOn));
    if (!job->calls.isEmpty())
        html += row(QStringLiteral("Calls"), escaped(job->calls));
    QString environment = job->environment.isEmpty() ? QStringLiteral("—") : escaped(job->environment);
    if (!job->environmentUrl.isEmpty())
        environment += QStringLiteral(" (%1)").arg(escaped(job->environmentUrl));
    if (const PromotionStage *stage = pipeline.stageOf(job->id))
        environment += QStringLiteral("<br>deploys <b>%1</b> · Argo CD %2 · %3")
                           .arg(escaped(stage->environment), escaped(stage->application.isEmpty() ? QStringLiteral("—") : stage->application),
                                escaped(stage->syncPolicyText()));
    html += row(QStringLiteral("Environment"), environment);
    html += row(QStringLiteral("If"), job->condition.isEmpty() ? QStringLiteral("always runs when its needs succeed")
                                                               : QStringLiteral("<code>%1</code>").arg(escaped(job->condition)));
    QStringList needs;
    for (const QString &id : job->needs)
        needs << jobLink(id);
    html += row(QStringLiteral("Needs"), needs.isEmpty() ? QStringLiteral("—") : needs.join(QStringLiteral(", ")));
    QStringList neededBy;
    for (const PipelineEdge &edge : pipeline.edges) {
        if (edge.from == job->id)
            neededBy << jobLink(edge.to);
    }
    html += row(QStringLiteral("Needed by"), neededBy.isEmpty() ? QStringLiteral("—") : neededBy.join(QStringLiteral(", ")));
    if (job->hasMatrix())
        html += row(QStringLiteral("Matrix"), job->matrixIsDynamic ? QStringLiteral("computed at run time")
                                                                   : QStringLiteral("%1 jobs").arg(job->matrixCount));
    html += QStringLiteral("</table><h4 style='margin-bottom:2px'>Steps</h4><ol style='margin-left:-20px'>");
    for (const WorkflowStep &step : job->steps) {
        html += QStringLiteral("<li>%1").arg(escaped(step.title()));
        if (!step.name.isEmpty() && !step.uses.isEmpty())
            html += QStringLiteral("<br><span style='color:#57606a'>%1</span>").arg(escaped(step.uses));
        if (!step.run.isEmpty())
            html += QStringLiteral("<br><span style='color:#57606a;font-family:monospace'>%1</span>").arg(scriptHtml(step.run));
        html += QStringLiteral("</li>");
    }
    if (job->steps.isEmpty())
        html += QStringLiteral("<li>none</li>");
    html += QStringLiteral("</ol>");
    m_details->setHtml(html);
}

} // namespace studio
