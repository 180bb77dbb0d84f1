// SPDX-License-Identifier: MIT
// Shared by the UI suites: a demo workspace opened in the real main window (offscreen), with a
// private recovery journal and scripted answers to the window's questions.
#pragma once

#include "FileEditor.h"
#include "MainWindow.h"
#include "UserPrompts.h"

#include "documents/RecoveryJournal.h"
#include "workspace/DemoWorkspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace studio::test {

/// Answers the window's questions without dialogs and remembers what was asked.
class ScriptedPrompts : public UserPrompts
{
public:
    UnsavedChoice unsavedAnswer = UnsavedChoice::Cancel;
    bool recoverAnswer = true;
    QStringList askedUnsaved;
    QStringList askedRecover;

    UnsavedChoice askUnsaved(QWidget *, const QStringList &files) override
    {
        askedUnsaved << files;
        return unsavedAnswer;
    }
    bool askRecover(QWidget *, const QStringList &files) override
    {
        askedRecover << files;
        return recoverAnswer;
    }
};

inline QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// The 1-based number of the first line containing `needle`; 0 when none does.
inline int lineOf(const QString &text, const QString &needle)
{
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].contains(needle))
            return i + 1;
    }
    return 0;
}

/// A demo workspace open in a main window with a private recovery journal.
struct StudioSession {
    QTemporaryDir dir;
    QString repo;
    QString journalDir;
    std::unique_ptr<MainWindow> window;
    ScriptedPrompts *prompts = nullptr;

    /// Creates the demo (unless `createDemo` is false and `repo` is already set up) and opens it.
    bool start(bool createDemo = true)
    {
        repo = dir.filePath(QStringLiteral("tunemantra"));
        journalDir = dir.filePath(QStringLiteral("journal"));
        if (createDemo && !DemoWorkspace::create(repo).ok())
            return false;
        return open();
    }
    /// Opens `repo` in a new window and waits for the first check.
    bool open()
    {
        CheckOptions options;
        options.schemaLocations = {QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes")};
        options.offline = true;
        window = std::make_unique<MainWindow>(options);
        auto scripted = std::make_unique<ScriptedPrompts>();
        prompts = scripted.get();
        window->setPrompts(std::move(scripted));
        window->setRecoveryJournal(std::make_unique<RecoveryJournal>(journalDir));
        window->show();
        QSignalSpy checked(window.get(), &MainWindow::checkCompleted);
        window->openRepository(repo);
        return checked.wait(20000);
    }
    FileEditor *openEditor(const QString &file)
    {
        window->openFile(file);
        return window->fileEditor(file);
    }
};

} // namespace studio::test
