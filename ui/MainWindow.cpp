// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "CodeEditor.h"
#include "CompareView.h"
#include "EnvironmentMatrixView.h"
#include "ExplorerPanel.h"
#include "FileEditor.h"
#include "FindReplaceBar.h"
#include "GitPanel.h"
#include "HistoryView.h"
#include "MonitoringView.h"
#include "PipelineView.h"
#include "ProblemsPanel.h"
#include "PromoteView.h"
#include "RecentRepositories.h"
#include "RepositorySources.h"
#include "SchemaAssistProviders.h"
#include "SchemaForm.h"
#include "SettingsDialog.h"
#include "UserPrompts.h"
#include "WelcomePage.h"
#include "pages/ClusterWizard.h"

#include "documents/RecoveryJournal.h"
#include "schema/SchemaAssist.h"
#include "workspace/WorkspaceSession.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

#include <functional>

namespace studio {


MainWindow::MainWindow(const CheckOptions &checkOptions, QWidget *parent)
    : QMainWindow(parent)
    , m_session(new WorkspaceSession(this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_sources(new RepositorySources(this))
    , m_files(new QTabWidget(this))
    , m_explorer(new ExplorerPanel(this))
    , m_problems(new ProblemsPanel(this))
    , m_explorerDock(new QDockWidget(QStringLiteral("Explorer"), this))
    , m_problemsDock(new QDockWidget(QStringLiteral("Problems"), this))
    , m_statusLabel(new QLabel(this))
    , m_summaryLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_prompts(std::make_unique<UserPrompts>())
    , m_journal(std::make_unique<RecoveryJournal>())
{
    setWindowTitle(QStringLiteral("Deploy Studio"));
    m_session->setCheckOptions(checkOptions);

    m_files->setTabsClosable(true);
    m_files->setDocumentMode(true);
    m_files->setMovable(true);
    connect(m_files, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    auto *empty = new QLabel(QStringLiteral("Open a file from the Explorer, or double-click a problem."), this);
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    auto *filesArea = new QStackedWidget(this);
    filesArea->addWidget(empty);
    filesArea->addWidget(m_files);
    connect(m_files, &QTabWidget::currentChanged, filesArea,
            [this, filesArea] { filesArea->setCurrentIndex(m_files->count() > 0 ? 1 : 0); });
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(filesArea);
    setCentralWidget(m_stack);

    m_explorerDock->setObjectName(QStringLiteral("explorerDock"));
    m_explorerDock->setWidget(m_explorer);
    addDockWidget(Qt::LeftDockWidgetArea, m_explorerDock);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    resizeDocks({m_explorerDock}, {300}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {220}, Qt::Vertical);

    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_summaryLabel);

    connect(m_welcome, &WelcomePage::openFolderRequested, m_sources, &RepositorySources::chooseFolder);
    connect(m_welcome, &WelcomePage::cloneRequested, m_sources, &RepositorySources::clone);
    connect(m_welcome, &WelcomePage::createDemoRequested, m_sources, &RepositorySources::createDemo);
    connect(m_sources, &RepositorySources::ready, this, &MainWindow::openRepository);
    connect(m_sources, &RepositorySources::progress, m_statusLabel, &QLabel::setText);
    connect(m_sources, &RepositorySources::failed, this, [this](const QString &title, const QString &message) {
        m_statusLabel->setText(message);
        showError(title, message);
    });
    connect(m_welcome, &WelcomePage::openRepositoryRequested, this, &MainWindow::openRepository);
    connect(m_explorer, &ExplorerPanel::openRequested, this, [this](const QString &file) { openFile(file); });
    connect(m_problems, &ProblemsPanel::openRequested, this, &MainWindow::openFile);

    connect(m_session, &WorkspaceSession::workspaceOpened, this, &MainWindow::onWorkspaceOpened);
    connect(m_session, &WorkspaceSession::openFailed, this, [this](const QString &message) {
        m_statusLabel->setText(message);
        showError(QStringLiteral("Cannot open the repository"), message);
    });
    connect(m_session, &WorkspaceSession::checkStarted, this, [this](int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(0);
        m_progress->show();
        m_summaryLabel->setText(QStringLiteral("Checking…"));
    });
    connect(m_session, &WorkspaceSession::checkProgress, this, [this](int done, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(done);
    });
    connect(m_session, &WorkspaceSession::checkFinished, this, &MainWindow::onCheckFinished);

    createActions();
    m_explorerDock->hide();
    m_problemsDock->hide();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    file->addAction(QStringLiteral("&Open Folder…"), QKeySequence::Open, m_sources, &RepositorySources::chooseFolder);
    file->addAction(QStringLiteral("&Clone Repository…"), m_sources, &RepositorySources::clone);
    file->addAction(QStringLiteral("Create &Demo Workspace…"), m_sources, &RepositorySources::createDemo);
    m_recentMenu = file->addMenu(QStringLiteral("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(QStringLiteral("&Save"), QKeySequence::Save, this, [this] {
        if (FileEditor *editor = currentFileEditor())
            editor->save();
    });
    file->addAction(QStringLiteral("Save A&ll"), QKeySequence(QStringLiteral("Ctrl+Alt+S")), this, &MainWindow::saveAll);
    file->addAction(QStringLiteral("&Close File"), QKeySequence(QStringLiteral("Ctrl+W")), this, [this] {
        if (m_files->count() > 0)
            closeTab(m_files->currentIndex());
    });
    file->addSeparator();
    file->addAction(QStringLiteral("Close &Workspace"), QKeySequence(QStringLiteral("Ctrl+Shift+W")), this, [this] {
        if (!confirmClose(fileEditors()))
            return;
        m_session->close();
        m_openRoot.clear();
        while (m_files->count() > 0)
            delete m_files->widget(0);
        m_explorer->setWorkspace(nullptr);
        m_problems->setDiagnostics({});
        m_explorerDock->hide();
        m_problemsDock->hide();
        m_stack->setCurrentWidget(m_welcome);
        m_welcome->refreshRecent();
        m_statusLabel->clear();
        m_summaryLabel->clear();
        setWindowTitle(QStringLiteral("Deploy Studio"));
    });
    file->addSeparator();
    file->addAction(QStringLiteral("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu *view = menuBar()->addMenu(QStringLiteral("&View"));
    QAction *explorer = m_explorerDock->toggleViewAction();
    explorer->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    view->addAction(explorer);
    QAction *problems = m_problemsDock->toggleViewAction();
    problems->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+M")));
    view->addAction(problems);
    view->addSeparator();
    view->addAction(QStringLiteral("Environment &Matrix"), QKeySequence(QStringLiteral("Ctrl+Shift+X")), this,
                    [this] { showEnvironmentMatrix(); });
    view->addAction(QStringLiteral("&Pipeline"), QKeySequence(QStringLiteral("Ctrl+Shift+L")), this, [this] { showPipeline(); });
    view->addAction(QStringLiteral("M&onitoring"), QKeySequence(QStringLiteral("Ctrl+Shift+O")), this,
                    [this] { showMonitoring(); });

    QMenu *edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    edit->addAction(QStringLiteral("&Find…"), this, [this] {
        if (FileEditor *editor = currentFileEditor())
            editor->findBar()->activate(false);
    });
    edit->addAction(QStringLiteral("&Replace…"), this, [this] {
        if (FileEditor *editor = currentFileEditor())
            editor->findBar()->activate(true);
    });
    edit->addAction(QStringLiteral("&Go to Line…"), QKeySequence(QStringLiteral("Ctrl+G")), this, [this] {
        if (FileEditor *editor = currentFileEditor())
            editor->editor()->askGoToLine();
    });
    edit->addAction(QStringLiteral("Toggle &Comment"), QKeySequence(QStringLiteral("Ctrl+/")), this, [this] {
        if (FileEditor *editor = currentFileEditor())
            editor->editor()->toggleComment();
    });
    edit->addAction(QStringLiteral("&Complete"), QKeySequence(QStringLiteral("Ctrl+Space")), this, [this] {
        if (FileEditor *editor = currentFileEditor())
            editor->editor()->showCompletions();
    });

    QMenu *git = menuBar()->addMenu(QStringLiteral("&GitOps"));
    git->addAction(QStringLiteral("&Compare Environments"), QKeySequence(QStringLiteral("Ctrl+Shift+D")), this,
                   [this] { showCompare(); });
    git->addAction(QStringLiteral("&Git Changes"), QKeySequence(QStringLiteral("Ctrl+Shift+G")), this, [this] { showGit(); });
    git->addAction(QStringLiteral("&Promote…"), QKeySequence(QStringLiteral("Ctrl+Shift+P")), this, [this] { showPromote(); });
    git->addAction(QStringLiteral("&History"), QKeySequence(QStringLiteral("Ctrl+Shift+H")), this, [this] { showHistory(); });
    git->addSeparator();
    git->addAction(QStringLiteral("New &Sealed Secret…"), this, [this] { showSecretEditor(); });

    QMenu *tools = menuBar()->addMenu(QStringLiteral("&Tools"));
    tools->addAction(QStringLiteral("&Re-check Workspace"), QKeySequence::Refresh, m_session, &WorkspaceSession::reload);
    tools->addAction(QStringLiteral("&Settings…"), QKeySequence::Preferences, this, [this] {
        const Workspace *ws = m_session->workspace();
        auto *dialog = new SettingsDialog(ws ? ws->root : QString(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    tools->addAction(QStringLiteral("New &Cluster…"), this, [this] {
        const QStringList providers{QStringLiteral("AWS"), QStringLiteral("Azure"), QStringLiteral("Google Cloud")};
        bool chosen = false;
        const QString provider = QInputDialog::getItem(this, QStringLiteral("New Cluster"), QStringLiteral("Cloud provider:"), providers, 0,
                                                       false, &chosen);
        if (chosen)
            showClusterWizard(cloud::CloudProvider(providers.indexOf(provider)));
    });

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(QStringLiteral("&About Deploy Studio"), this, [this] {
        QMessageBox::about(this, QStringLiteral("About Deploy Studio"),
                           QStringLiteral("<b>Deploy Studio %1</b><p>A native studio for GitOps deployment "
                                          "repositories.</p>")
                               .arg(QStringLiteral(STUDIO_VERSION)));
    });
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    m_pendingState = settings.value(QStringLiteral("window/state")).toByteArray();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmClose(fileEditors())) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    if (m_session->isOpen())
        settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = RecentRepositories::list();
    for (const QString &path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openRepository(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openRepository(const QString &path)
{
    // Another repository replaces this one: its unsaved files are asked about first.
    const Workspace *current = m_session->workspace();
    if (current && QFileInfo(path).canonicalFilePath() != current->root && !confirmClose(fileEditors()))
        return;
    m_statusLabel->setText(QStringLiteral("Opening %1…").arg(QDir::toNativeSeparators(path)));
    m_session->open(path);
}

void MainWindow::onWorkspaceOpened()
{
    const Workspace *ws = m_session->workspace();
    RecentRepositories::add(ws->root);
    rebuildRecentMenu();
    // A re-read of the same repository (F5, after a promotion) keeps every open tab and its edits.
    if (ws->root != m_openRoot) {
        while (m_files->count() > 0)
            delete m_files->widget(0);
        m_openRoot = ws->root;
    }
    m_explorer->setWorkspace(ws);
    if (m_matrix)
        m_matrix->loadWorkspace(*ws);
    if (m_promote)
        m_promote->setWorkspace(*ws);
    if (m_history)
        m_history->setWorkspace(*ws);
    if (m_compare)
        m_compare->setWorkspace(*ws);
    if (m_git)
        m_git->setRepository(ws->root);
    if (m_pipeline)
        m_pipeline->setWorkspace(*ws);
    QStringList names;
    for (const Environment &env : ws->environments)
        names << env.name;
    m_problems->setEnvironments(names);
    m_problems->setDiagnostics(ws->diagnostics);
    m_stack->setCurrentIndex(1);
    if (!m_pendingState.isEmpty()) {
        restoreState(m_pendingState);
        m_pendingState.clear();
    }
    m_explorerDock->show();
    m_problemsDock->show();
    setWindowTitle(QStringLiteral("%1 — Deploy Studio").arg(QDir(ws->root).dirName()));
    offerRecovery();
    m_statusLabel->setText(QStringLiteral("%1 · %2 environments (%3) · %4 files")
                               .arg(QDir::toNativeSeparators(ws->root))
                               .arg(ws->environments.size())
                               .arg(names.join(QStringLiteral(" → ")))
                               .arg(ws->files.size()));
}

void MainWindow::onCheckFinished()
{
    const Diagnostics &diagnostics = m_session->diagnostics();
    m_problems->setDiagnostics(diagnostics);
    m_progress->hide();
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : diagnostics)
        (d.severity == Severity::Error ? errors : warnings)++;
    m_summaryLabel->setText(QStringLiteral("%1, %2")
                                .arg(errors == 1 ? QStringLiteral("1 error") : QStringLiteral("%1 errors").arg(errors),
                                     warnings == 1 ? QStringLiteral("1 warning") : QStringLiteral("%1 warnings").arg(warnings)));
    for (FileEditor *editor : fileEditors()) {
        Diagnostics own;
        for (const Diagnostic &d : diagnostics) {
            if (d.file == editor->relativePath())
                own << d;
        }
        // A file opened before the first check finished gets its values form now that the chart's
        // schema is loaded.
        if (!editor->formView()) {
            if (const std::shared_ptr<WorkspaceChecker> checker = m_session->checker())
                attachValuesForm(editor, checker);
        }
        editor->setDiagnostics(own);
        if (auto *form = qobject_cast<SchemaForm *>(editor->formView()))
            form->setDiagnostics(own);
    }
    emit checkCompleted();
}

void MainWindow::openFile(const QString &relativePath, int line, int column)
{
    const Workspace *ws = m_session->workspace();
    if (!ws || relativePath.isEmpty())
        return;
    if (FileEditor *open = fileEditor(relativePath)) {
        m_files->setCurrentWidget(open);
        if (line > 0)
            open->editor()->goTo(line, column);
        return;
    }
    Result<FileEditor *> opened = FileEditor::open(ws->absolutePath(relativePath), relativePath, m_files);
    if (!opened) {
        m_statusLabel->setText(opened.errorMessage());
        showError(QStringLiteral("Cannot open %1").arg(relativePath), opened.errorMessage());
        return;
    }
    FileEditor *editor = opened.value();
    editor->setJournal(m_journal.get());
    if (const std::shared_ptr<WorkspaceChecker> checker = m_session->checker()) {
        editor->setValidator([checker, relativePath](const QString &text) {
            return checker->checkDocument(relativePath, text);
        });
        installSchemaAssist(editor->editor(), checker, relativePath);
        attachValuesForm(editor, checker);
    }
    Diagnostics own;
    for (const Diagnostic &d : m_session->diagnostics()) {
        if (d.file == relativePath)
            own << d;
    }
    editor->setDiagnostics(own);
    if (auto *form = qobject_cast<SchemaForm *>(editor->formView()))
        form->setDiagnostics(own);
    connect(editor, &FileEditor::modificationChanged, this, [this, editor] { updateTabTitle(editor); });
    connect(editor, &FileEditor::saved, this, [this] {
        if (m_matrix && m_session->workspace())
            m_matrix->loadWorkspace(*m_session->workspace());
        if (m_git)
            m_git->refresh();
    });
    const int index = m_files->addTab(editor, relativePath.section(u'/', -1));
    m_files->setTabToolTip(index, relativePath);
    m_files->setCurrentIndex(index);
    if (line > 0)
        editor->editor()->goTo(line, column);
}

void MainWindow::attachValuesForm(FileEditor *editor, const std::shared_ptr<WorkspaceChecker> &checker)
{
    // The form edits an environment's own values file, layered on the files before it.
    const Workspace *ws = m_session->workspace();
    const QString file = editor->relativePath();
    const Environment *environment = nullptr;
    for (const Environment &env : ws->environments) {
        if (!env.valuesFiles.isEmpty() && env.valuesFiles.back() == file)
            environment = &env;
    }
    if (!environment)
        return;
    const CompiledSchemaPtr schema = checker->schemaAt(file, QString(), 1);
    if (!schema)
        return;
    ValuesFormContext context;
    context.schema = schema->json();
    context.environment = environment->name;
    context.ownFile = file;
    const QStringList before = environment->valuesFiles.mid(0, environment->valuesFiles.size() - 1);
    context.baseLayers = [this, before, checker] {
        QList<ValuesLayer> layers;
        for (const QString &layer : before) {
            // An open editor's text wins over the file on disk: the form shows what would be saved.
            // Files not open come from the check's last reading, so the GUI thread never reads them.
            if (FileEditor *open = fileEditor(layer))
                layers << ValuesLayer{layer, yaml::YamlDocument::parse(open->text())};
            else if (std::optional<yaml::YamlDocument> parsed = checker->lastParsed(layer))
                layers << ValuesLayer{layer, std::move(*parsed)};
        }
        return layers;
    };
    auto *form = new SchemaForm(editor->editor()->document(), std::move(context));
    editor->setFormView(form);
    connect(editor, &FileEditor::diagnosticsUpdated, form, &SchemaForm::setDiagnostics);
}

FileEditor *MainWindow::fileEditor(const QString &relativePath) const
{
    for (FileEditor *editor : fileEditors()) {
        if (editor->relativePath() == relativePath)
            return editor;
    }
    return nullptr;
}

FileEditor *MainWindow::currentFileEditor() const
{
    return qobject_cast<FileEditor *>(m_files->currentWidget());
}

QList<FileEditor *> MainWindow::fileEditors() const
{
    QList<FileEditor *> editors;
    for (int i = 0; i < m_files->count(); ++i) {
        if (auto *editor = qobject_cast<FileEditor *>(m_files->widget(i)))
            editors << editor;
    }
    return editors;
}

void MainWindow::setPrompts(std::unique_ptr<UserPrompts> prompts)
{
    m_prompts = std::move(prompts);
}

void MainWindow::setRecoveryJournal(std::unique_ptr<RecoveryJournal> journal)
{
    m_journal = std::move(journal);
    for (FileEditor *editor : fileEditors())
        editor->setJournal(m_journal.get());
}

void MainWindow::workspaceChangedOnDisk()
{
    for (FileEditor *editor : fileEditors())
        editor->checkDiskState();
    m_session->reload();
}

void MainWindow::updateTabTitle(FileEditor *editor)
{
    const int index = m_files->indexOf(editor);
    if (index >= 0)
        m_files->setTabText(index, editor->relativePath().section(u'/', -1) + (editor->isModified() ? QStringLiteral(" •") : QString()));
}

bool MainWindow::saveAll()
{
    bool ok = true;
    for (FileEditor *editor : fileEditors()) {
        if (editor->isModified())
            ok = editor->save() && ok;
    }
    return ok;
}

bool MainWindow::confirmClose(const QList<FileEditor *> &editors)
{
    QList<FileEditor *> unsaved;
    QStringList names;
    for (FileEditor *editor : editors) {
        if (editor->isModified()) {
            unsaved << editor;
            names << editor->relativePath();
        }
    }
    if (unsaved.isEmpty())
        return true;
    switch (m_prompts->askUnsaved(this, names)) {
    case UserPrompts::UnsavedChoice::Save:
        for (FileEditor *editor : std::as_const(unsaved)) {
            if (!editor->save()) {
                m_files->setCurrentWidget(editor);
                return false; // the banner says why; nothing is closed
            }
        }
        return true;
    case UserPrompts::UnsavedChoice::Discard:
        for (FileEditor *editor : std::as_const(unsaved))
            editor->discardJournal();
        return true;
    case UserPrompts::UnsavedChoice::Cancel:
        break;
    }
    return false;
}

void MainWindow::closeTab(int index)
{
    auto *editor = qobject_cast<FileEditor *>(m_files->widget(index));
    if (editor && !confirmClose({editor}))
        return;
    delete m_files->widget(index);
}

void MainWindow::offerRecovery()
{
    const Workspace *ws = m_session->workspace();
    const QList<RecoveryJournal::Entry> entries = m_journal->entriesUnder(ws->root);
    if (entries.isEmpty())
        return;
    QStringList files;
    for (const RecoveryJournal::Entry &entry : entries)
        files << QDir(ws->root).relativeFilePath(entry.path);
    if (!m_prompts->askRecover(this, files)) {
        for (const RecoveryJournal::Entry &entry : entries)
            m_journal->discard(entry.path);
        return;
    }
    for (const RecoveryJournal::Entry &entry : entries) {
        const QString relative = QDir(ws->root).relativeFilePath(entry.path);
        openFile(relative);
        if (FileEditor *editor = fileEditor(relative))
            editor->restoreText(entry.text);
    }
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::WindowActivate) {
        for (FileEditor *editor : fileEditors())
            editor->checkDiskState();
    }
    return QMainWindow::event(event);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    if (QGuiApplication::platformName() == u"offscreen")
        return; // no modal dialogs in headless runs; the status bar says it
    QMessageBox::warning(this, title, message);
}

} // namespace studio
