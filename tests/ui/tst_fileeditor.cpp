// SPDX-License-Identifier: MIT
// Editing environment files in the real main window (offscreen): live diagnostics while typing,
// minimal saves, changes made behind the editor, failed saves, recovery after the GUI process is
// killed, and the questions asked before unsaved work is closed.

#include "CodeEditor.h"
#include "FileEditor.h"
#include "FindReplaceBar.h"
#include "MainWindow.h"
#include "StudioSession.h"
#include "../models/TestFiles.h"
#include "UserPrompts.h"

#include "documents/RecoveryJournal.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/WorkspaceSession.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

#include <unistd.h>

using namespace studio;
using namespace studio::test;

namespace {

const QString kValuesStaging = QStringLiteral("charts/tunemantra/values-staging.yaml");

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString git(const QString &repo, const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("git"), QStringList{QStringLiteral("-C"), repo} + arguments);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

/// Replaces the text of a 1-based line by typing, as a user would.
void retypeLine(CodeEditor *editor, int line, const QString &text)
{
    editor->goTo(line);
    QTextCursor cursor = editor->textCursor();
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    editor->setTextCursor(cursor);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClicks(editor, text);
}

/// Types a line of text and Enter.
void typeLine(QWidget *editor, const QString &text)
{
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

int runRecoveryChild()
{
    // Child process: edit a file, wait until the edit is journaled, then wait to be killed.
    StudioSession session;
    session.repo = qEnvironmentVariable("STUDIO_RECOVERY_REPO");
    session.journalDir = qEnvironmentVariable("STUDIO_RECOVERY_JOURNAL");
    if (!session.open())
        return 3;
    FileEditor *editor = session.openEditor(kValuesStaging);
    if (!editor)
        return 4;
    editor->editor()->goTo(1);
    typeLine(editor->editor(), QStringLiteral("# typed before the crash"));
    RecoveryJournal journal(session.journalDir);
    for (int i = 0; i < 100 && journal.entries().isEmpty(); ++i)
        QTest::qWait(50);
    if (journal.entries().isEmpty())
        return 5;
    std::printf("READY\n");
    std::fflush(stdout);
    for (;;)
        QTest::qWait(1000);
}

} // namespace

class TestFileEditor : public QObject
{
    Q_OBJECT

private slots:
    void typingProducesDiagnosticsOnTheRightLine()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *editor = s.openEditor(kValuesStaging);
        QVERIFY(editor);
        editor->setValidationDelay(20);
        const int line = lineOf(editor->text(), QStringLiteral("minReplicas:"));
        QVERIFY(line > 0);
        QSignalSpy updated(editor, &FileEditor::diagnosticsUpdated);

        retypeLine(editor->editor(), line, QStringLiteral("  minReplicas: 0"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->editor()->diagnostics().isEmpty(), 10000);
        Diagnostics found = editor->editor()->diagnostics();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.front().line, line);
        QCOMPARE(found.front().rule, QStringLiteral("values-schema"));
        QVERIFY(found.front().message.contains(QStringLiteral("minReplicas")));

        // A YAML error while typing is reported where it is, and fixing it clears it.
        retypeLine(editor->editor(), line, QStringLiteral("  minReplicas: [2"));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->editor()->diagnostics().isEmpty()
                                     && editor->editor()->diagnostics().front().rule == u"yaml-syntax",
                                 10000);
        QVERIFY2(editor->editor()->diagnostics().front().line == line,
                 qPrintable(editor->editor()->diagnostics().front().message));
        retypeLine(editor->editor(), line, QStringLiteral("  minReplicas: 2"));
        QTRY_VERIFY_WITH_TIMEOUT(editor->editor()->diagnostics().isEmpty(), 10000);
        QVERIFY(updated.count() >= 2);
    }

    void diagnosticsAreUnderlinedInRed()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *file = s.openEditor(QStringLiteral("charts/tunemantra/values-dev.yaml"));
        CodeEditor *editor = file->editor();
        editor->resize(900, 700);
        QVERIFY(!editor->diagnostics().isEmpty());
        const int line = editor->diagnostics().front().line;
        editor->goTo(1); // the cursor elsewhere
        editor->goTo(line);
        editor->moveCursor(QTextCursor::Start);
        QApplication::processEvents();
        const QTextBlock block = editor->document()->findBlockByNumber(line - 1);
        const QRect rect = editor->cursorRect(QTextCursor(block)).adjusted(0, 0, 0, 4);
        const QImage image = editor->viewport()->grab().toImage();
        int red = 0;
        for (int y = rect.top(); y <= rect.bottom() && y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.red() > 180 && c.green() < 130 && c.blue() < 140)
                    ++red;
            }
        }
        QVERIFY2(red > 20, qPrintable(QStringLiteral("%1 red pixels on line %2").arg(red).arg(line)));
    }

    void savingAnEditChangesExactlyThatLine()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *editor = s.openEditor(kValuesStaging);
        const int line = lineOf(editor->text(), QStringLiteral("minReplicas:"));
        retypeLine(editor->editor(), line, QStringLiteral("  minReplicas: 4"));
        QVERIFY(editor->isModified());
        QVERIFY(editor->save());
        QVERIFY(!editor->isModified());
        QCOMPARE(git(s.repo, {QStringLiteral("diff"), QStringLiteral("--numstat")}).trimmed(),
                 QStringLiteral("1\t1\t") + kValuesStaging);
        QVERIFY(readFile(s.repo + u'/' + kValuesStaging).contains(QStringLiteral("  minReplicas: 4\n")));
        // A saved file leaves nothing in the recovery journal.
        QVERIFY(RecoveryJournal(s.journalDir).entries().isEmpty());
    }

    void aChangeOnDiskIsNeverOverwrittenSilently()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *editor = s.openEditor(kValuesStaging);
        const QString path = s.repo + u'/' + kValuesStaging;
        typeLine(editor->editor(), QStringLiteral("# mine"));
        const QByteArray theirs = "# changed by another program\nreplicaCount: 9\n";
        QVERIFY(writeFile(path, theirs));
        editor->checkDiskState();
        QVERIFY2(editor->bannerText().contains(QStringLiteral("changed on disk")), qPrintable(editor->bannerText()));
        QVERIFY(editor->text().contains(QStringLiteral("# mine")));

        // Saving now is refused and says so; the other program's content stays.
        QVERIFY(!editor->save());
        QCOMPARE(readFile(path).toUtf8(), theirs);
        QVERIFY(editor->bannerText().contains(QStringLiteral("changed on disk")));
        QVERIFY(editor->isModified());

        // Reload takes the disk version (and can be undone).
        editor->reload();
        QCOMPARE(editor->text(), QString::fromUtf8(theirs));
        QVERIFY(!editor->isModified());
        QVERIFY(editor->bannerText().isEmpty());
    }

    void anUnmodifiedEditorFollowsTheDisk()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *editor = s.openEditor(kValuesStaging);
        const QByteArray updated = "replicaCount: 5\n";
        QVERIFY(writeFile(s.repo + u'/' + kValuesStaging, updated));
        editor->checkDiskState();
        QCOMPARE(editor->text(), QString::fromUtf8(updated));
        QVERIFY(editor->bannerText().isEmpty());
    }

    void aFailedSaveKeepsTheEdits()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *editor = s.openEditor(QStringLiteral("deploy/base/service.yaml"));
        typeLine(editor->editor(), QStringLiteral("# edit"));
        // The folder disappears (an unmounted share, a deleted checkout): the save must fail cleanly.
        QVERIFY(QDir(s.repo + QStringLiteral("/deploy/base")).removeRecursively());
        QVERIFY(!editor->save());
        QVERIFY(editor->isModified());
        QVERIFY(editor->text().contains(QStringLiteral("# edit")));
        QVERIFY2(!editor->bannerText().isEmpty(), "the banner explains the failure");
    }

    void aReadOnlyFileSaysWhyItCannotBeSaved()
    {
        StudioSession s;
        QVERIFY(s.start());
        const QString path = s.repo + u'/' + kValuesStaging;
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
        if (QFile(path).open(QIODevice::WriteOnly | QIODevice::Append))
            QSKIP("this process may write a read-only file (root with CAP_DAC_OVERRIDE), so the failure cannot be made here");
        FileEditor *editor = s.openEditor(kValuesStaging);
        QVERIFY(editor->bannerText().contains(QStringLiteral("read-only")));
        typeLine(editor->editor(), QStringLiteral("# edit"));
        QVERIFY(!editor->save());
        QVERIFY(editor->isModified());
        QVERIFY(editor->bannerText().contains(QStringLiteral("edits are kept")));
    }

    void nonUtf8FilesAreRefusedAndLeftAlone()
    {
        StudioSession s;
        QVERIFY(s.start());
        const QByteArray latin1 = "name: caf\xe9\n";
        QVERIFY(writeFile(s.repo + QStringLiteral("/latin1.yaml"), latin1));
        Result<FileEditor *> opened = FileEditor::open(s.repo + QStringLiteral("/latin1.yaml"), QStringLiteral("latin1.yaml"));
        QVERIFY(!opened.ok());
        QVERIFY(opened.errorMessage().contains(QStringLiteral("UTF-8")));
        QFile file(s.repo + QStringLiteral("/latin1.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), latin1);
    }

    void veryLongLinesStayEditable()
    {
        StudioSession s;
        QVERIFY(s.start());
        const QByteArray longLine = "annotation: " + QByteArray(100000, 'x') + "\nreplicaCount: 1\n";
        QVERIFY(writeFile(s.repo + QStringLiteral("/long.yaml"), longLine));
        s.window->session()->reload();
        QSignalSpy checked(s.window.get(), &MainWindow::checkCompleted);
        QVERIFY(checked.wait(20000));
        FileEditor *editor = s.openEditor(QStringLiteral("long.yaml"));
        QVERIFY(editor);
        editor->setValidationDelay(10);
        editor->editor()->goTo(2, 16);
        QTest::keyClicks(editor->editor(), QStringLiteral("0"));
        QTRY_VERIFY_WITH_TIMEOUT(editor->text().endsWith(QStringLiteral("replicaCount: 10\n")), 5000);
        QVERIFY(editor->save());
        QCOMPARE(readFile(s.repo + QStringLiteral("/long.yaml")).size(), longLine.size() + 1);
    }

    void editingHelpers()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *file = s.openEditor(kValuesStaging);
        CodeEditor *editor = file->editor();

        // Enter after "key:" indents one step.
        const int line = lineOf(file->text(), QStringLiteral("image:"));
        editor->goTo(line);
        QTextCursor cursor = editor->textCursor();
        cursor.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(cursor);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("digest: none"));
        QCOMPARE(editor->document()->findBlockByNumber(line).text(), QStringLiteral("  digest: none"));

        // Toggle comment on and off.
        editor->goTo(line + 1);
        editor->toggleComment();
        QCOMPARE(editor->document()->findBlockByNumber(line).text(), QStringLiteral("  # digest: none"));
        editor->toggleComment();
        QCOMPARE(editor->document()->findBlockByNumber(line).text(), QStringLiteral("  digest: none"));

        // Folding hides the block under a key and unfolding shows it again.
        QVERIFY(!editor->isFolded(line));
        editor->toggleFold(line);
        QVERIFY(editor->isFolded(line));
        QVERIFY(!editor->document()->findBlockByNumber(line).isVisible());
        editor->toggleFold(line);
        QVERIFY(editor->document()->findBlockByNumber(line).isVisible());

        // Replace all is one undo step.
        const QString before = file->text();
        file->findBar()->setFindText(QStringLiteral("tunemantra"));
        file->findBar()->setReplaceText(QStringLiteral("tm"));
        const int replaced = file->findBar()->replaceAll();
        QVERIFY(replaced > 0);
        QVERIFY(!file->text().contains(QStringLiteral("tunemantra")));
        editor->undo();
        QCOMPARE(file->text(), before);
    }

    void completionAndHoverComeFromTheSchema()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *file = s.openEditor(kValuesStaging);
        CodeEditor *editor = file->editor();
        const int line = lineOf(file->text(), QStringLiteral("tag:"));
        // A new key under "image:": the schema's image keys, without the one already there.
        editor->goTo(line);
        QTextCursor cursor = editor->textCursor();
        cursor.movePosition(QTextCursor::EndOfBlock);
        editor->setTextCursor(cursor);
        QTest::keyClick(editor, Qt::Key_Return);
        QTest::keyClicks(editor, QStringLiteral("pu"));
        QStringList labels;
        for (const CodeEditor::Completion &c : editor->completionsAtCursor())
            labels << c.label;
        QVERIFY2(labels.contains(QStringLiteral("pullPolicy")), qPrintable(labels.join(u',')));
        QVERIFY(!labels.contains(QStringLiteral("tag")));

        // Accepting it inserts the key; the value offers the enum.
        QTest::keyClicks(editor, QStringLiteral("llPolicy: "));
        labels.clear();
        for (const CodeEditor::Completion &c : editor->completionsAtCursor())
            labels << c.label;
        QCOMPARE(labels, (QStringList{QStringLiteral("Always"), QStringLiteral("IfNotPresent"), QStringLiteral("Never")}));

        // Hover on the key shows the schema's description.
        const QString hover = editor->hoverText(line, 4);
        QVERIFY2(hover.contains(QStringLiteral("image.tag")) || hover.contains(QStringLiteral("tag")), qPrintable(hover));
        QVERIFY2(hover.contains(QStringLiteral("string")), qPrintable(hover));
    }

    void closingWithUnsavedChangesAsks()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *editor = s.openEditor(kValuesStaging);
        typeLine(editor->editor(), QStringLiteral("# unsaved"));

        s.prompts->unsavedAnswer = UserPrompts::UnsavedChoice::Cancel;
        QVERIFY(!s.window->close());
        QCOMPARE(s.prompts->askedUnsaved, QStringList{kValuesStaging});
        QVERIFY(s.window->isVisible());

        s.prompts->unsavedAnswer = UserPrompts::UnsavedChoice::Save;
        QVERIFY(s.window->close());
        QVERIFY(readFile(s.repo + u'/' + kValuesStaging).startsWith(QStringLiteral("# unsaved\n")));
    }

    void discardingForgetsTheJournal()
    {
        StudioSession s;
        QVERIFY(s.start());
        FileEditor *editor = s.openEditor(kValuesStaging);
        typeLine(editor->editor(), QStringLiteral("# unsaved"));
        QTRY_VERIFY_WITH_TIMEOUT(!RecoveryJournal(s.journalDir).entries().isEmpty(), 5000);
        s.prompts->unsavedAnswer = UserPrompts::UnsavedChoice::Discard;
        QVERIFY(s.window->close());
        QVERIFY(RecoveryJournal(s.journalDir).entries().isEmpty());
        QVERIFY(!readFile(s.repo + u'/' + kValuesStaging).contains(QStringLiteral("# unsaved")));
    }

    void editsSurviveAKilledProcess()
    {
        QTemporaryDir dir;
        const QString repo = dir.filePath(QStringLiteral("tunemantra"));
        const QString journal = dir.filePath(QStringLiteral("journal"));
        QVERIFY(DemoWorkspace::create(repo).ok());
        const QString before = readFile(repo + u'/' + kValuesStaging);

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STUDIO_RECOVERY_CHILD"), QStringLiteral("1"));
        env.insert(QStringLiteral("STUDIO_RECOVERY_REPO"), repo);
        env.insert(QStringLiteral("STUDIO_RECOVERY_JOURNAL"), journal);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        QElapsedTimer waited;
        waited.start();
        while (!output.contains("READY") && child.state() == QProcess::Running && waited.elapsed() < 60000) {
            child.waitForReadyRead(200);
            output += child.readAllStandardOutput();
        }
        QVERIFY2(child.state() == QProcess::Running, qPrintable(QStringLiteral("child exited with %1: %2")
                                                                    .arg(child.exitCode())
                                                                    .arg(QString::fromUtf8(child.readAllStandardError()))));
        child.kill(); // SIGKILL: no chance to save or clean up
        QVERIFY(child.waitForFinished());
        QCOMPARE(readFile(repo + u'/' + kValuesStaging), before); // nothing was saved

        StudioSession s;
        s.repo = repo;
        s.journalDir = journal;
        QVERIFY(s.open());
        QCOMPARE(s.prompts->askedRecover, QStringList{kValuesStaging});
        FileEditor *editor = s.window->fileEditor(kValuesStaging);
        QVERIFY(editor);
        QVERIFY(editor->text().startsWith(QStringLiteral("# typed before the crash\n")));
        QVERIFY(editor->isModified());
        QVERIFY(editor->save());
        QVERIFY(readFile(repo + u'/' + kValuesStaging).startsWith(QStringLiteral("# typed before the crash\n")));
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(test::honourFilePermissions()); // before any worker thread starts
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("STUDIO_RECOVERY_CHILD")) {
        QStandardPaths::setTestModeEnabled(true);
        return runRecoveryChild();
    }
    TestFileEditor test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_fileeditor.moc"
