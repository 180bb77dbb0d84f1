// SPDX-License-Identifier: MIT
#include "FileEditor.h"

#include "CodeEditor.h"
#include "FindReplaceBar.h"
#include "TextDiffDialog.h"

#include "documents/RecoveryJournal.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabBar>
#include <QTextBlock>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace studio {

namespace {

/// The editor works with '\n' line ends; CRLF files get theirs back when saved.
QString withoutCarriageReturns(const QString &text)
{
    return QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
}

} // namespace

Result<FileEditor *> FileEditor::open(const QString &absolutePath, const QString &relativePath, QWidget *parent)
{
    Result<DocumentFile> file = DocumentFile::load(absolutePath);
    if (!file)
        return Error{file.error().code, QStringLiteral("%1: %2").arg(relativePath, file.errorMessage())};
    return new FileEditor(std::move(file).value(), relativePath, parent);
}

FileEditor::FileEditor(DocumentFile file, const QString &relativePath, QWidget *parent)
    : QWidget(parent)
    , m_file(std::move(file))
    , m_relativePath(relativePath)
    , m_editor(new CodeEditor(this))
    , m_findBar(new FindReplaceBar(m_editor, this))
    , m_banner(new QWidget(this))
    , m_bannerText(new QLabel(m_banner))
    , m_watcher(new QFileSystemWatcher(this))
    , m_views(new QStackedWidget(this))
    , m_viewSwitch(new QTabBar(this))
{
    m_crlf = m_file.text().contains(QStringLiteral("\r\n"));
    m_editor->setSource(relativePath, withoutCarriageReturns(m_file.text()));
    m_bannerText->setWordWrap(true);
    m_banner->setAutoFillBackground(true);
    QPalette bannerPalette = m_banner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xff, 0xf5, 0xd6));
    m_banner->setPalette(bannerPalette);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    bannerLayout->addWidget(m_bannerText, 1);
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_viewSwitch->addTab(QStringLiteral("Text"));
    m_viewSwitch->addTab(QStringLiteral("Form"));
    m_viewSwitch->setDocumentMode(true);
    m_viewSwitch->setDrawBase(false);
    m_viewSwitch->hide();
    connect(m_viewSwitch, &QTabBar::currentChanged, this, [this](int index) { showForm(index == 1); });
    auto *textView = new QWidget(m_views);
    auto *textLayout = new QVBoxLayout(textView);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->setSpacing(0);
    textLayout->addWidget(m_editor, 1);
    textLayout->addWidget(m_findBar);
    m_views->addWidget(textView);
    layout->addWidget(m_banner);
    layout->addWidget(m_viewSwitch);
    layout->addWidget(m_views, 1);

    auto *find = new QShortcut(QKeySequence::Find, this, [this] { m_findBar->activate(false); });
    auto *replace = new QShortcut(QKeySequence(QStringLiteral("Ctrl+H")), this, [this] { m_findBar->activate(true); });
    auto *next = new QShortcut(QKeySequence::FindNext, this, [this] { m_findBar->findNext(false); });
    auto *previous = new QShortcut(QKeySequence::FindPrevious, this, [this] { m_findBar->findNext(true); });
    for (QShortcut *shortcut : {find, replace, next, previous})
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);

    if (!m_file.isWritable())
        showBanner(QStringLiteral("This file is read-only on disk: you can edit, but saving will fail until its "
                                  "permissions change."),
                   {});

    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (!modified && m_journal)
            m_journal->discard(m_file.path());
        emit modificationChanged(modified);
    });
    m_validationTimer.setSingleShot(true);
    m_validationTimer.setInterval(30); // short: validation runs on a worker and stale results are dropped
    connect(&m_validationTimer, &QTimer::timeout, this, &FileEditor::startValidation);
    m_journalTimer.setSingleShot(true);
    m_journalTimer.setInterval(400);
    connect(&m_journalTimer, &QTimer::timeout, this, [this] {
        if (m_journal && isModified())
            m_journal->record(m_file.path(), text());
    });
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
        ++m_revision;
        if (m_validator)
            m_validationTimer.start();
        if (m_journal && isModified())
            m_journalTimer.start();
    });
    connect(&m_validation, &QFutureWatcherBase::finished, this, [this] {
        const int revision = m_validation.property("revision").toInt();
        if (revision == m_revision) {
            m_validatedRevision = revision;
            m_editor->setDiagnostics(m_validation.result());
            emit diagnosticsUpdated(m_validation.result());
        }
        if (m_validationPending || revision != m_revision) {
            m_validationPending = false;
            startValidation();
        }
    });

    m_watcher->addPath(m_file.path());
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        // Atomic saves replace the file; watch the new one.
        if (!m_watcher->files().contains(m_file.path()) && QFileInfo::exists(m_file.path()))
            m_watcher->addPath(m_file.path());
        checkDiskState();
    });
}

QString FileEditor::text() const
{
    return m_editor->toPlainText();
}

bool FileEditor::isModified() const
{
    return m_editor->document()->isModified();
}

void FileEditor::setValidator(Validator validator)
{
    m_validator = std::move(validator);
}

void FileEditor::setDiagnostics(const Diagnostics &diagnostics)
{
    if (!isModified())
        m_editor->setDiagnostics(diagnostics);
}

void FileEditor::startValidation()
{
    if (!m_validator)
        return;
    if (m_validation.isRunning()) {
        m_validationPending = true;
        return;
    }
    const int revision = m_revision;
    m_validation.setProperty("revision", revision);
    m_validation.setFuture(QtConcurrent::run([validator = m_validator, text = text()] { return validator(text); }));
}

bool FileEditor::save()
{
    QString content = text();
    if (m_crlf)
        content.replace(u'\n', QStringLiteral("\r\n"));
    const Status result = m_file.save(content, m_overwriteAllowed);
    if (!result) {
        if (result.error().code == Error::Code::Refused) {
            auto *overwrite = new QPushButton(QStringLiteral("Overwrite"));
            auto *reloadButton = new QPushButton(QStringLiteral("Reload"));
            auto *compare = new QPushButton(QStringLiteral("Compare"));
            connect(overwrite, &QPushButton::clicked, this, [this] {
                m_overwriteAllowed = true;
                save();
            });
            connect(reloadButton, &QPushButton::clicked, this, &FileEditor::reload);
            connect(compare, &QPushButton::clicked, this, &FileEditor::compareWithDisk);
            showBanner(QStringLiteral("Not saved: %1.").arg(result.errorMessage()), {overwrite, reloadButton, compare});
        } else {
            showBanner(QStringLiteral("Not saved: %1.").arg(result.errorMessage()), {});
        }
        return false;
    }
    m_overwriteAllowed = false;
    hideBanner();
    m_editor->document()->setModified(false);
    if (m_journal)
        m_journal->discard(m_file.path());
    if (!m_watcher->files().contains(m_file.path()))
        m_watcher->addPath(m_file.path());
    emit saved();
    return true;
}

void FileEditor::reload()
{
    Result<DocumentFile> fresh = DocumentFile::load(m_file.path());
    if (!fresh) {
        showBanner(QStringLiteral("Cannot reload: %1").arg(fresh.errorMessage()), {});
        return;
    }
    m_file = std::move(fresh).value();
    m_crlf = m_file.text().contains(QStringLiteral("\r\n"));
    const int line = m_editor->textCursor().blockNumber() + 1;
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(withoutCarriageReturns(m_file.text()));
    cursor.endEditBlock();
    m_editor->document()->setModified(false);
    m_editor->goTo(qMin(line, m_editor->blockCount()));
    m_overwriteAllowed = false;
    hideBanner();
    if (m_journal)
        m_journal->discard(m_file.path());
}

void FileEditor::restoreText(const QString &recovered)
{
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(recovered);
    cursor.endEditBlock();
    m_editor->document()->setModified(recovered != withoutCarriageReturns(m_file.text()));
}

void FileEditor::discardJournal()
{
    if (m_journal)
        m_journal->discard(m_file.path());
}

void FileEditor::checkDiskState()
{
    if (!m_file.changedOnDisk())
        return;
    if (!QFileInfo::exists(m_file.path())) {
        showBanner(QStringLiteral("This file was deleted on disk. Save to write it again."), {});
        return;
    }
    if (!isModified()) {
        reload();
        return;
    }
    auto *reloadButton = new QPushButton(QStringLiteral("Reload"));
    auto *keep = new QPushButton(QStringLiteral("Keep Mine"));
    auto *compare = new QPushButton(QStringLiteral("Compare"));
    connect(reloadButton, &QPushButton::clicked, this, &FileEditor::reload);
    connect(keep, &QPushButton::clicked, this, [this] {
        m_overwriteAllowed = true;
        hideBanner();
    });
    connect(compare, &QPushButton::clicked, this, &FileEditor::compareWithDisk);
    showBanner(QStringLiteral("%1 changed on disk while you were editing it. Reload it (your edits are lost), keep "
                              "your version (saving overwrites the file), or compare them.")
                   .arg(QFileInfo(m_file.path()).fileName()),
               {reloadButton, keep, compare});
}

void FileEditor::compareWithDisk()
{
    Result<DocumentFile> disk = DocumentFile::load(m_file.path());
    TextDiffDialog dialog(QStringLiteral("%1: disk and editor").arg(m_relativePath), disk ? disk->text() : QString(),
                          text(), QStringLiteral("on disk"), QStringLiteral("in the editor"), this);
    dialog.exec();
}

void FileEditor::showBanner(const QString &message, const QList<QPushButton *> &actions)
{
    auto *layout = static_cast<QHBoxLayout *>(m_banner->layout());
    while (layout->count() > 1) {
        QLayoutItem *item = layout->takeAt(1);
        // deleteLater: the clicked button may be the one asking for a new banner.
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    m_bannerText->setText(message);
    for (QPushButton *button : actions) {
        button->setParent(m_banner);
        layout->addWidget(button);
    }
    m_banner->show();
}

void FileEditor::hideBanner()
{
    m_banner->hide();
    m_bannerText->clear();
}

void FileEditor::setFormView(QWidget *form)
{
    if (m_form) {
        m_views->removeWidget(m_form);
        delete m_form;
    }
    m_form = form;
    m_views->addWidget(form);
    m_viewSwitch->show();
}

void FileEditor::showForm(bool form)
{
    if (form && !m_form)
        return;
    m_views->setCurrentIndex(form ? 1 : 0);
    const QSignalBlocker block(m_viewSwitch);
    m_viewSwitch->setCurrentIndex(form ? 1 : 0);
}

QString FileEditor::bannerText() const
{
    return m_banner->isVisible() || !m_bannerText->text().isEmpty() ? m_bannerText->text() : QString();
}

} // namespace studio
