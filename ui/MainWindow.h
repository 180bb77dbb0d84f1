// SPDX-License-Identifier: MIT
#pragma once

#include "checks/WorkspaceChecker.h"
#include "spec/CloudProvider.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTabWidget;

namespace studio {

class FileEditor;
class RecoveryJournal;
class UserPrompts;
class EnvironmentMatrixView;
class CompareView;
class GitPanel;
class HistoryView;
class SecretEditorDialog;
class PipelineView;
class MonitoringView;
class PromoteView;
class ExplorerPanel;
class ProblemsPanel;
class RepositorySources;
class WelcomePage;
class WorkspaceSession;
namespace cloud {
class ClusterWizard;
}

/// The studio window: welcome page or workspace (explorer, file views, problems), menus, status bar.
/// All work runs in WorkspaceSession's background tasks; this class only wires views to it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const CheckOptions &checkOptions = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openRepository(const QString &path);
    /// Opens a workspace file at a 1-based line (read-only view) and selects that tab.
    void openFile(const QString &relativePath, int line = 0, int column = 1);

    WorkspaceSession *session() const { return m_session; }
    /// The editor of an open file (workspace-relative path), or nullptr.
    FileEditor *fileEditor(const QString &relativePath) const;
    FileEditor *currentFileEditor() const;
    QList<FileEditor *> fileEditors() const;
    /// Replaces the questions asked to the user (tests answer them without dialogs).
    void setPrompts(std::unique_ptr<UserPrompts> prompts);
    /// Where unsaved buffers are journaled (default: the user's data folder).
    void setRecoveryJournal(std::unique_ptr<RecoveryJournal> journal);
    bool saveAll();
    /// Shows the settings × environments matrix in a tab (created on first use).
    EnvironmentMatrixView *showEnvironmentMatrix();
    /// Shows the Promote view in a tab (created on first use).
    PromoteView *showPromote();
    /// Shows the History view in a tab (created on first use).
    HistoryView *showHistory();
    /// Opens the sealed secret editor for the open workspace (a non-modal dialog).
    SecretEditorDialog *showSecretEditor();
    /// Opens the cluster setup wizard of `provider` for the open workspace (a non-modal dialog).
    cloud::ClusterWizard *showClusterWizard(cloud::CloudProvider provider);
    /// Shows the environment comparison in a tab (created on first use).
    CompareView *showCompare();
    /// Shows the Git panel in a tab (created on first use).
    GitPanel *showGit();
    /// Shows the Pipeline view (workflow graph and promotion flow) in a tab (created on first use).
    PipelineView *showPipeline();
    /// Shows the Monitoring view (Prometheus dashboards) in a tab (created on first use).
    MonitoringView *showMonitoring();
    ProblemsPanel *problemsPanel() const { return m_problems; }
    ExplorerPanel *explorerPanel() const { return m_explorer; }
    /// Shows one part of the window for screenshots: "welcome", "workspace", "problems", "explorer", "matrix".
    bool showView(const QString &name);

signals:
    /// Emitted when the open workspace has been checked (also after re-checks).
    void checkCompleted();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void createActions();
    void restoreWindowState();
    void onWorkspaceOpened();
    void onCheckFinished();
    void rebuildRecentMenu();
    void showError(const QString &title, const QString &message);
    /// Asks about unsaved files among `editors`; false when the user cancels.
    bool confirmClose(const QList<FileEditor *> &editors);
    void closeTab(int index);
    void offerRecovery();
    void updateTabTitle(FileEditor *editor);
    void attachValuesForm(FileEditor *editor, const std::shared_ptr<WorkspaceChecker> &checker);
    /// Git changed files on disk (promotion, rollback): re-read the workspace and the open editors.
    void workspaceChangedOnDisk();

    WorkspaceSession *m_session;
    QStackedWidget *m_stack;
    WelcomePage *m_welcome;
    RepositorySources *m_sources;
    QTabWidget *m_files;
    ExplorerPanel *m_explorer;
    ProblemsPanel *m_problems;
    QDockWidget *m_explorerDock;
    QDockWidget *m_problemsDock;
    QMenu *m_recentMenu = nullptr;
    QPointer<EnvironmentMatrixView> m_matrix; ///< null until shown, and again when its tab is closed
    QPointer<PromoteView> m_promote;
    QString m_openRoot; ///< the repository whose files the tabs show
    QPointer<HistoryView> m_history;
    QPointer<CompareView> m_compare;
    QPointer<GitPanel> m_git;
    QPointer<PipelineView> m_pipeline;
    QPointer<MonitoringView> m_monitoring;
    QLabel *m_statusLabel;
    QLabel *m_summaryLabel;
    QProgressBar *m_progress;
    QByteArray m_pendingState; ///< dock layout restored once a workspace is shown
    std::unique_ptr<UserPrompts> m_prompts;
    std::unique_ptr<RecoveryJournal> m_journal;
};

} // namespace studio
