// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "core/Result.h"
#include "documents/DocumentFile.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <functional>

class QFileSystemWatcher;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabBar;

namespace studio {

class CodeEditor;
class FindReplaceBar;
class RecoveryJournal;

/// One open file: the code editor, its find bar and a banner for problems (changed on disk, save
/// failures). Owns the file's state on disk, so that nothing typed is lost: saves are atomic, a
/// change made behind the editor is never silently overwritten, and unsaved text is journaled for
/// crash recovery. Live validation runs on a worker thread, debounced, and stale results are dropped.
class FileEditor : public QWidget
{
    Q_OBJECT

public:
    /// Checks a text as the workspace would and returns the findings about this file.
    using Validator = std::function<Diagnostics(const QString &text)>;

    /// Opens `absolutePath` (shown as `relativePath`); fails for unreadable, binary or non-UTF-8 files.
    static Result<FileEditor *> open(const QString &absolutePath, const QString &relativePath,
                                     QWidget *parent = nullptr);

    CodeEditor *editor() const { return m_editor; }
    FindReplaceBar *findBar() const { return m_findBar; }
    QString relativePath() const { return m_relativePath; }
    QString absolutePath() const { return m_file.path(); }
    QString text() const;
    bool isModified() const;

    void setValidator(Validator validator);
    /// Milliseconds of quiet typing before a revalidation starts.
    void setValidationDelay(int milliseconds) { m_validationTimer.setInterval(milliseconds); }
    void setJournal(RecoveryJournal *journal) { m_journal = journal; }
    /// Findings from a workspace check of the file on disk (used until the buffer is edited).
    void setDiagnostics(const Diagnostics &diagnostics);

    /// Saves atomically. On failure the banner explains and the edits stay in the editor.
    bool save();
    /// Replaces the buffer with the file on disk (undoable) and forgets the journal entry.
    void reload();
    /// Puts recovered text into the buffer (undoable, marked modified).
    void restoreText(const QString &text);
    /// Forgets the journaled text (the user discarded the edits).
    void discardJournal();
    /// Compares the disk with the buffer; reloads an unmodified buffer, warns about a modified one.
    void checkDiskState();
    /// Text shown in the banner (empty when hidden), for tests and screenshots.
    QString bannerText() const;

    /// Adds a form view of the same document (e.g. the values form); a switch at the top chooses
    /// between the text and the form. The editor takes ownership.
    void setFormView(QWidget *form);
    QWidget *formView() const { return m_form; }
    void showForm(bool form);

signals:
    void modificationChanged(bool modified);
    void saved();
    void diagnosticsUpdated(const studio::Diagnostics &diagnostics);

private:
    FileEditor(DocumentFile file, const QString &relativePath, QWidget *parent);
    void showBanner(const QString &message, const QList<QPushButton *> &actions);
    void hideBanner();
    void startValidation();
    void compareWithDisk();

    DocumentFile m_file;
    QString m_relativePath;
    CodeEditor *m_editor;
    FindReplaceBar *m_findBar;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QFileSystemWatcher *m_watcher;
    QWidget *m_form = nullptr;
    QStackedWidget *m_views;
    QTabBar *m_viewSwitch;
    RecoveryJournal *m_journal = nullptr;
    Validator m_validator;
    QTimer m_validationTimer;
    QTimer m_journalTimer;
    QFutureWatcher<Diagnostics> m_validation;
    int m_revision = 0;
    int m_validatedRevision = 0;
    bool m_validationPending = false;
    bool m_overwriteAllowed = false; ///< the user chose "keep mine" after an external change
    bool m_crlf = false;             ///< the file uses CRLF line endings; saves keep them
};

} // namespace studio
