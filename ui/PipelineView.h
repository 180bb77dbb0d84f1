// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "pipeline/Pipeline.h"
#include "pipeline/PipelineLayout.h"
#include "workspace/Workspace.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QTextBrowser;

namespace studio {

class PipelineGraphView;
class PipelineScene;

/// The Pipeline view: the repository's GitHub Actions jobs as a left-to-right graph with the
/// environment lane underneath, zoom/pan/fit, a details panel for the clicked job, the workflow
/// problems, and PNG/SVG export. Workflows are read and laid out off the GUI thread.
class PipelineView : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineView(QWidget *parent = nullptr);
    ~PipelineView() override;

    /// Reads and lays out the workspace's workflows in the background; loaded() follows.
    void setWorkspace(const Workspace &workspace);
    bool isBusy() const { return m_load.isRunning(); }

    PipelineScene *scene() const { return m_scene; }
    PipelineGraphView *graphView() const { return m_view; }
    /// The details panel's text (what the user reads after clicking a job).
    QString detailsText() const;
    QString statusText() const;
    /// Workflow problems listed under the graph.
    int problemCount() const;
    /// Selects a job as a click would.
    bool selectJob(const QString &jobId);
    /// Exports the graph; the error names the file.
    Status exportTo(const QString &path) const;

signals:
    void loaded();
    /// The user asked to open a workflow file at a line (from the details or problems).
    void openRequested(const QString &relativePath, int line, int column);

private:
    struct Loaded {
        Pipeline pipeline;
        PipelineLayout layout;
    };
    void showDetails(const QString &jobId);
    void chooseExport();

    PipelineScene *m_scene;
    PipelineGraphView *m_view;
    QTextBrowser *m_details;
    QListWidget *m_problems;
    QLabel *m_status;
    QLabel *m_zoom;
    QFutureWatcher<std::shared_ptr<Loaded>> m_load;
};

} // namespace studio
