// SPDX-License-Identifier: MIT
#include "MainWindow.h"

#include "CodeView.h"
#include "ExplorerPanel.h"
#include "ProblemsPanel.h"
#include "RecentRepositories.h"
#include "WelcomePage.h"

#include "git/GitRepository.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/TextFile.h"
#include "workspace/WorkspaceSession.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

MainWindow::MainWindow(const CheckOptions &checkOptions, QWidget *parent)
    : QMainWindow(parent)
    , m_session(new WorkspaceSession(this))
    , m_stack(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
    , m_files(new QTabWidget(this))
    , m_explorer(new ExplorerPanel(this))
    , m_problems(new ProblemsPanel(this))
    , m_explorerDock(new QDockWidget(QStringLiteral("Explorer"), this))
    , m_problemsDock(new QDockWidget(QStringLiteral("Problems"), this))
    , m_statusLabel(new QLabel(this))
    , m_summaryLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setWindowTitle(QStringLiteral("Deploy Studio"));
    m_session->setCheckOptions(checkOptions);

    m_files->setTabsClosable(true);
    m_files->setDocumentMode(true);
    m_files->setMovable(true);
    connect(m_files, &QTabWidget::tabCloseRequested, this, [this](int index) { delete m_files->widget(index); });
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

    connect(m_welcome, &WelcomePage::openFolderRequested, this, &MainWindow::chooseFolder);
    connect(m_welcome, &WelcomePage::cloneRequested, this, &MainWindow::cloneRepository);
    connect(m_welcome, &WelcomePage::createDemoRequested, this, &MainWindow::createDemo);
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
    file->addAction(QStringLiteral("&Open Folder…"), QKeySequence::Open, this, &MainWindow::chooseFolder);
    file->addAction(QStringLiteral("&Clone Repository…"), this, &MainWindow::cloneRepository);
    file->addAction(QStringLiteral("Create &Demo Workspace…"), this, &MainWindow::createDemo);
    m_recentMenu = file->addMenu(QStringLiteral("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(QStringLiteral("Close &Workspace"), QKeySequence(QStringLiteral("Ctrl+Shift+W")), this, [this] {
        m_session->close();
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

    QMenu *tools = menuBar()->addMenu(QStringLiteral("&Tools"));
    tools->addAction(QStringLiteral("&Re-check Workspace"), QKeySequence::Refresh, m_session, &WorkspaceSession::reload);

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
    m_statusLabel->setText(QStringLiteral("Opening %1…").arg(QDir::toNativeSeparators(path)));
    m_session->open(path);
}

void MainWindow::onWorkspaceOpened()
{
    const Workspace *ws = m_session->workspace();
    RecentRepositories::add(ws->root);
    rebuildRecentMenu();
    while (m_files->count() > 0)
        delete m_files->widget(0);
    m_explorer->setWorkspace(ws);
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
    m_summaryLabel->setText(QStringLiteral("%1 errors, %2 warnings").arg(errors).arg(warnings));
    for (int i = 0; i < m_files->count(); ++i) {
        auto *view = qobject_cast<CodeView *>(m_files->widget(i));
        Diagnostics own;
        for (const Diagnostic &d : diagnostics) {
            if (view && d.file == view->fileName())
                own << d;
        }
        if (view)
            view->setDiagnostics(own);
    }
    emit checkCompleted();
}

void MainWindow::openFile(const QString &relativePath, int line, int column)
{
    const Workspace *ws = m_session->workspace();
    if (!ws || relativePath.isEmpty())
        return;
    for (int i = 0; i < m_files->count(); ++i) {
        auto *view = qobject_cast<CodeView *>(m_files->widget(i));
        if (view && view->fileName() == relativePath) {
            m_files->setCurrentIndex(i);
            if (line > 0)
                view->goTo(line, column);
            return;
        }
    }
    const Result<QString> text = TextFile::read(ws->absolutePath(relativePath));
    if (!text) {
        showError(QStringLiteral("Cannot open %1").arg(relativePath), text.errorMessage());
        return;
    }
    auto *view = new CodeView(m_files);
    view->setSource(relativePath, *text);
    Diagnostics own;
    for (const Diagnostic &d : m_session->diagnostics()) {
        if (d.file == relativePath)
            own << d;
    }
    view->setDiagnostics(own);
    const int index = m_files->addTab(view, relativePath.section(u'/', -1));
    m_files->setTabToolTip(index, relativePath);
    m_files->setCurrentIndex(index);
    if (line > 0)
        view->goTo(line, column);
}

bool MainWindow::showView(const QString &name)
{
    if (name == u"welcome") {
        m_stack->setCurrentWidget(m_welcome);
        m_explorerDock->hide();
        m_problemsDock->hide();
        return true;
    }
    if (name == u"workspace" || name == u"problems" || name == u"explorer") {
        if (!m_session->isOpen())
            return false;
        m_stack->setCurrentIndex(1);
        m_explorerDock->show();
        m_problemsDock->show();
        if (name == u"problems") {
            resizeDocks({m_problemsDock}, {height() / 2}, Qt::Vertical);
            // Show the first problem's file, at its line, above the list.
            const Diagnostics &diagnostics = m_session->diagnostics();
            for (const Diagnostic &d : diagnostics) {
                if (d.severity == Severity::Error && d.line > 0) {
                    openFile(d.file, d.line, d.column);
                    break;
                }
            }
        } else {
            const Workspace *ws = m_session->workspace();
            if (!ws->environments.isEmpty() && !ws->environments.back().valuesFiles.isEmpty())
                openFile(ws->environments.back().valuesFiles.back());
        }
        return true;
    }
    return false;
}

void MainWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, QStringLiteral("Open GitOps Repository"));
    if (!dir.isEmpty())
        openRepository(dir);
}

void MainWindow::cloneRepository()
{
    bool ok = false;
    const QString url = QInputDialog::getText(this, QStringLiteral("Clone Repository"),
                                              QStringLiteral("Repository URL (https://, ssh:// or a path):"),
                                              QLineEdit::Normal, QString(), &ok)
                            .trimmed();
    if (!ok || url.isEmpty())
        return;
    const QString parent = QFileDialog::getExistingDirectory(this, QStringLiteral("Clone Into Folder"));
    if (parent.isEmpty())
        return;
    QString name = url.section(u'/', -1);
    if (name.endsWith(u".git"))
        name.chop(4);
    const QString target = QDir(parent).filePath(name.isEmpty() ? QStringLiteral("repository") : name);
    m_statusLabel->setText(QStringLiteral("Cloning %1…").arg(url));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, target] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty()) {
            m_statusLabel->setText(error);
            showError(QStringLiteral("Clone failed"), error);
            return;
        }
        openRepository(target);
    });
    watcher->setFuture(QtConcurrent::run([url, target] {
        const Result<GitRepository> repo = GitRepository::clone(url, target);
        return repo ? QString() : repo.errorMessage();
    }));
}

void MainWindow::createDemo()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString dir = QFileDialog::getSaveFileName(this, QStringLiteral("Create the TuneMantra Demo In"),
                                                     QDir(base).filePath(QStringLiteral("tunemantra-gitops")));
    if (dir.isEmpty())
        return;
    const Status created = DemoWorkspace::create(dir);
    if (!created) {
        showError(QStringLiteral("Cannot create the demo"), created.errorMessage());
        return;
    }
    openRepository(dir);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    if (QGuiApplication::platformName() == u"offscreen")
        return; // no modal dialogs in headless runs; the status bar says it
    QMessageBox::warning(this, title, message);
}

} // namespace studio
