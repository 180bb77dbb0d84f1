// SPDX-License-Identifier: MIT
// Opens the demo workspace in the real main window (offscreen) and checks what a user sees:
// environments in the explorer, the expected problems listed, and a problem opening its file at its line.

#include "CodeEditor.h"
#include "FileEditor.h"
#include "ExplorerPanel.h"
#include "MainWindow.h"
#include "ProblemsPanel.h"
#include "RecentRepositories.h"

#include "checks/ProblemFilterModel.h"
#include "checks/ProblemListModel.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/EnvironmentTreeModel.h"
#include "workspace/WorkspaceSession.h"

#include <QFileInfo>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTest>
#include <QTreeView>

using namespace studio;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensTheDemoAndListsItsProblems()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("tunemantra"));
        QVERIFY(DemoWorkspace::create(repo).ok());

        CheckOptions options;
        options.schemaLocations = {QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes"),
                                   QStringLiteral(STUDIO_SHARED_DIR "/schemas/crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json")};
        options.offline = true;
        MainWindow window(options);
        window.show();
        QSignalSpy checked(&window, &MainWindow::checkCompleted);
        window.openRepository(repo);
        QVERIFY(checked.wait(20000));

        // Explorer: dev → staging → prod.
        QAbstractItemModel *envs = window.explorerPanel()->environmentModel();
        QCOMPARE(envs->rowCount(), 3);
        QCOMPARE(envs->index(0, 0).data(EnvironmentTreeModel::EnvironmentRole).toString(), QStringLiteral("dev"));
        QCOMPARE(envs->index(1, 0).data(EnvironmentTreeModel::EnvironmentRole).toString(), QStringLiteral("staging"));
        QCOMPARE(envs->index(2, 0).data(EnvironmentTreeModel::EnvironmentRole).toString(), QStringLiteral("prod"));

        // Problems: exactly the demo's deliberate findings, each at its line.
        ProblemListModel *problems = window.problemsPanel()->model();
        QStringList rows;
        for (int row = 0; row < problems->rowCount(); ++row) {
            const Diagnostic &d = problems->diagnostic(row);
            rows << QStringLiteral("%1:%2 %3 %4").arg(d.file).arg(d.line).arg(severityName(d.severity), d.rule);
        }
        rows.sort();
        QCOMPARE(rows, (QStringList{QStringLiteral("charts/tunemantra/values-dev.yaml:29 error values-schema"),
                                    QStringLiteral("charts/tunemantra/values-prod.yaml:10 warning latest-tag"),
                                    QStringLiteral("deploy/base/service.yaml:18 error schema")}));

        // Activating the service.yaml problem opens the file at line 18.
        QTableView *view = window.problemsPanel()->view();
        QModelIndex target;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, ProblemListModel::FileColumn);
            if (index.data().toString() == u"deploy/base/service.yaml")
                target = index;
        }
        QVERIFY(target.isValid());
        emit view->activated(target);
        FileEditor *current = window.currentFileEditor();
        QVERIFY(current);
        CodeEditor *code = current->editor();
        QCOMPARE(code->fileName(), QStringLiteral("deploy/base/service.yaml"));
        QCOMPARE(code->textCursor().blockNumber() + 1, 18);
        QVERIFY(code->textCursor().block().text().contains(QStringLiteral("sessionAfinity")));
        // The file's finding is marked in the editor too.
        QCOMPARE(code->diagnostics().size(), 1);
        QCOMPARE(code->diagnostics().front().line, 18);
    }

    void recentRepositoriesAndWindowStatePersist()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("tunemantra"));
        QVERIFY(DemoWorkspace::create(repo).ok());
        QSettings().clear();
        {
            MainWindow window;
            window.show();
            QSignalSpy checked(&window, &MainWindow::checkCompleted);
            window.openRepository(repo);
            QVERIFY(checked.wait(20000));
            window.resize(1111, 777);
            QVERIFY(window.close());
        }
        QCOMPARE(RecentRepositories::list().value(0), QFileInfo(repo).canonicalFilePath());
        QVERIFY(!QSettings().value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        QVERIFY(!QSettings().value(QStringLiteral("window/state")).toByteArray().isEmpty());
        // A new window comes back at the saved size and lists the repository on its welcome page.
        MainWindow again;
        QCOMPARE(again.size(), QSize(1111, 777));
        auto *recent = again.findChild<QListWidget *>(QStringLiteral("recentRepositories"));
        QVERIFY(recent);
        QCOMPARE(recent->item(0)->data(Qt::UserRole).toString(), QFileInfo(repo).canonicalFilePath());
    }

    void aMissingFolderIsReportedNotFatal()
    {
        MainWindow window;
        QSignalSpy failed(window.session(), &WorkspaceSession::openFailed);
        window.openRepository(QStringLiteral("/nonexistent/deploy-studio-test"));
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.front().front().toString().contains(QStringLiteral("not a folder")));
        QVERIFY(!window.session()->isOpen());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
