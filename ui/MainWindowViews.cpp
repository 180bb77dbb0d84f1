// SPDX-License-Identifier: MIT
// MainWindow's tool views: the tabs created on first use (matrix, promote, history, compare, Git,
// pipeline, monitoring), the dialogs and wizards it opens, and --view routing for screenshots.
#include "MainWindow.h"

#include "CompareView.h"
#include "EnvironmentMatrixView.h"
#include "FileEditor.h"
#include "GitPanel.h"
#include "HistoryView.h"
#include "MonitoringView.h"
#include "PipelineView.h"
#include "PromoteView.h"
#include "SecretEditorDialog.h"
#include "SyntaxHighlighting.h"
#include "WelcomePage.h"
#include "pages/ClusterWizard.h"

#include "credentials/CredentialStore.h"
#include "workspace/WorkspaceSession.h"

#include <QDockWidget>
#include <QStackedWidget>
#include <QTabWidget>

#include <functional>

namespace studio {

namespace {

/// The tool view kept in `slot`: created on first use (`init` connects and loads it) and added as a tab
/// titled `title`, then made the current tab. Closing the tab deletes the view and clears `slot`.
template<typename View, typename Init>
View *showTab(QTabWidget *tabs, QPointer<View> &slot, const QString &title, Init init)
{
    if (!slot) {
        slot = new View(tabs);
        init(slot.data());
        tabs->addTab(slot, title);
    }
    tabs->setCurrentWidget(slot);
    return slot.data();
}

} // namespace

EnvironmentMatrixView *MainWindow::showEnvironmentMatrix()
{
    const Workspace *ws = m_session->workspace();
    return !ws ? nullptr : showTab(m_files, m_matrix, QStringLiteral("Environment Matrix"), [&](EnvironmentMatrixView *view) {
        connect(view, &EnvironmentMatrixView::openRequested, this, &MainWindow::openFile);
        view->loadWorkspace(*ws);
    });
}

PromoteView *MainWindow::showPromote()
{
    const Workspace *ws = m_session->workspace();
    return !ws ? nullptr : showTab(m_files, m_promote, QStringLiteral("Promote"), [&](PromoteView *view) {
        connect(view, &PromoteView::promoted, this, &MainWindow::workspaceChangedOnDisk);
        connect(view, &PromoteView::sealRequested, this, [this] { showSecretEditor(); });
        view->setWorkspace(*ws);
    });
}

HistoryView *MainWindow::showHistory()
{
    const Workspace *ws = m_session->workspace();
    return !ws ? nullptr : showTab(m_files, m_history, QStringLiteral("History"), [&](HistoryView *view) {
        connect(view, &HistoryView::rolledBack, this, &MainWindow::workspaceChangedOnDisk);
        view->setWorkspace(*ws);
    });
}

MonitoringView *MainWindow::showMonitoring()
{
    const Workspace *ws = m_session->workspace();
    return !ws ? nullptr : showTab(m_files, m_monitoring, QStringLiteral("Monitoring"), [&](MonitoringView *view) {
        view->setWorkspace(*ws);
        // An environment's Prometheus credentials live in the OS keychain under the environment's name:
        // a user name means basic auth, none a bearer token.
        auto *store = new CredentialStore(QString(), view);
        for (const CredentialEntry &entry : store->entries()) {
            if (entry.kind != CredentialKind::Prometheus)
                continue;
            store->read(entry.kind, entry.name, [target = QPointer<MonitoringView>(view), entry](Result<QString> secret) {
                if (target && secret)
                    target->setCredentials(entry.name, entry.user.isEmpty()
                                                           ? PrometheusCredentials::bearer(secret.value())
                                                           : PrometheusCredentials::basic(entry.user, secret.value()));
            });
        }
    });
}

PipelineView *MainWindow::showPipeline()
{
    const Workspace *ws = m_session->workspace();
    return !ws ? nullptr : showTab(m_files, m_pipeline, QStringLiteral("Pipeline"), [&](PipelineView *view) {
        connect(view, &PipelineView::openRequested, this, &MainWindow::openFile);
        view->setWorkspace(*ws);
    });
}

CompareView *MainWindow::showCompare()
{
    const Workspace *ws = m_session->workspace();
    return !ws ? nullptr : showTab(m_files, m_compare, QStringLiteral("Compare"), [&](CompareView *view) {
        connect(view, &CompareView::openRequested, this, &MainWindow::openFile);
        view->setWorkspace(*ws);
    });
}

GitPanel *MainWindow::showGit()
{
    const Workspace *ws = m_session->workspace();
    return !ws ? nullptr : showTab(m_files, m_git, QStringLiteral("Git"), [&](GitPanel *view) {
        connect(view, &GitPanel::operationFinished, this, &MainWindow::workspaceChangedOnDisk);
        connect(view, &GitPanel::sealRequested, this, [this] { showSecretEditor(); });
        view->setRepository(ws->root);
    });
}

SecretEditorDialog *MainWindow::showSecretEditor()
{
    const Workspace *ws = m_session->workspace();
    if (!ws)
        return nullptr;
    auto *dialog = new SecretEditorDialog(*ws, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SecretEditorDialog::sealed, this, &MainWindow::workspaceChangedOnDisk);
    dialog->show();
    return dialog;
}

cloud::ClusterWizard *MainWindow::showClusterWizard(cloud::CloudProvider provider)
{
    const Workspace *ws = m_session->workspace();
    if (!ws)
        return nullptr;
    auto *wizard = new cloud::ClusterWizard(provider, ws->root, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setHighlighter([](QTextDocument *document, const QString &fileName) { attachHighlighter(document, fileName); });
    connect(wizard, &cloud::ClusterWizard::committed, this, &MainWindow::workspaceChangedOnDisk);
    wizard->show();
    return wizard;
}

bool MainWindow::showView(const QString &name)
{
    if (name.startsWith(u"wizard-")) {
        const auto provider = cloud::providerFromId(QStringView(name).mid(7));
        return provider && showClusterWizard(*provider);
    }
    if (name == u"welcome") {
        m_stack->setCurrentWidget(m_welcome);
        m_explorerDock->hide();
        m_problemsDock->hide();
        return true;
    }
    if (!m_session->isOpen())
        return false;
    const Workspace *ws = m_session->workspace();
    auto workspaceArea = [this](bool docks) {
        m_stack->setCurrentIndex(1);
        m_explorerDock->setVisible(docks);
        m_problemsDock->setVisible(docks);
    };
    // The tool views, beside the explorer and problems docks or (graphs and charts) at full width.
    struct ToolView {
        bool docks;
        std::function<QWidget *()> show;
    };
    const QHash<QString, ToolView> toolViews{
        {QStringLiteral("promote"), {true, [this]() -> QWidget * { return showPromote(); }}},
        {QStringLiteral("history"), {true, [this]() -> QWidget * { return showHistory(); }}},
        {QStringLiteral("compare"), {true, [this]() -> QWidget * { return showCompare(); }}},
        {QStringLiteral("git"), {true, [this]() -> QWidget * { return showGit(); }}},
        {QStringLiteral("matrix"), {true, [this]() -> QWidget * { return showEnvironmentMatrix(); }}},
        {QStringLiteral("monitoring"), {false, [this]() -> QWidget * { return showMonitoring(); }}},
        {QStringLiteral("pipeline"), {false, [this]() -> QWidget * { return showPipeline(); }}},
    };
    if (const auto tool = toolViews.constFind(name); tool != toolViews.constEnd()) {
        workspaceArea(tool->docks);
        return tool->show() != nullptr;
    }
    if (name == u"form") {
        if (ws->environments.isEmpty() || ws->environments.front().valuesFiles.isEmpty())
            return false;
        workspaceArea(true);
        const QString file = ws->environments.front().valuesFiles.back();
        openFile(file);
        FileEditor *editor = fileEditor(file);
        if (!editor || !editor->formView())
            return false;
        editor->showForm(true);
        return true;
    }
    if (name == u"problems") {
        workspaceArea(true);
        resizeDocks({m_problemsDock}, {height() / 2}, Qt::Vertical);
        // The first error's file, at its line, above the list.
        for (const Diagnostic &d : m_session->diagnostics()) {
            if (d.severity == Severity::Error && d.line > 0) {
                openFile(d.file, d.line, d.column);
                break;
            }
        }
        return true;
    }
    if (name == u"workspace" || name == u"explorer") {
        workspaceArea(true);
        if (!ws->environments.isEmpty() && !ws->environments.back().valuesFiles.isEmpty())
            openFile(ws->environments.back().valuesFiles.back());
        return true;
    }
    return false;
}

} // namespace studio
