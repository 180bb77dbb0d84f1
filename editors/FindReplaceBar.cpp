// SPDX-License-Identifier: MIT
#include "FindReplaceBar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextDocument>

namespace studio {

FindReplaceBar::FindReplaceBar(QPlainTextEdit *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_caseSensitive(new QCheckBox(QStringLiteral("Match case"), this))
    , m_status(new QLabel(this))
    , m_replaceRow(new QWidget(this))
{
    m_find->setPlaceholderText(QStringLiteral("Find"));
    m_replace->setPlaceholderText(QStringLiteral("Replace with"));
    auto *next = new QPushButton(QStringLiteral("Next"), this);
    auto *previous = new QPushButton(QStringLiteral("Previous"), this);
    auto *close = new QPushButton(QStringLiteral("✕"), this);
    close->setFlat(true);
    close->setToolTip(QStringLiteral("Close (Esc)"));
    auto *replaceOne = new QPushButton(QStringLiteral("Replace"), m_replaceRow);
    auto *replaceEvery = new QPushButton(QStringLiteral("Replace All"), m_replaceRow);
    connect(next, &QPushButton::clicked, this, [this] { findNext(false); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(close, &QPushButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(false); });
    connect(replaceOne, &QPushButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(replaceEvery, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_find, 1);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(m_caseSensitive);
    findRow->addWidget(m_status);
    findRow->addWidget(close);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);
    hide();
}

void FindReplaceBar::activate(bool replace)
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_replaceRow->setVisible(replace);
    show();
    m_find->setFocus();
    m_find->selectAll();
}

void FindReplaceBar::setFindText(const QString &text) { m_find->setText(text); }
void FindReplaceBar::setReplaceText(const QString &text) { m_replace->setText(text); }

bool FindReplaceBar::findNext(bool backwards)
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextCursor found = m_editor->document()->find(needle, m_editor->textCursor(), flags);
    if (found.isNull()) { // wrap around
        QTextCursor start(m_editor->document());
        if (backwards)
            start.movePosition(QTextCursor::End);
        found = m_editor->document()->find(needle, start, flags);
    }
    if (found.isNull()) {
        m_status->setText(QStringLiteral("No matches"));
        return false;
    }
    m_status->clear();
    if (!found.block().isVisible()) {
        for (QTextBlock b = m_editor->document()->begin(); b.isValid(); b = b.next())
            b.setVisible(true);
        m_editor->document()->markContentsDirty(0, m_editor->document()->characterCount());
    }
    m_editor->setTextCursor(found);
    m_editor->centerCursor();
    return true;
}

bool FindReplaceBar::selectionMatches() const
{
    const QString selected = m_editor->textCursor().selectedText();
    return m_caseSensitive->isChecked() ? selected == m_find->text()
                                        : selected.compare(m_find->text(), Qt::CaseInsensitive) == 0;
}

void FindReplaceBar::replaceCurrent()
{
    if (m_editor->isReadOnly() || m_find->text().isEmpty())
        return;
    if (selectionMatches())
        m_editor->textCursor().insertText(m_replace->text());
    findNext(false);
}

int FindReplaceBar::replaceAll()
{
    if (m_editor->isReadOnly() || m_find->text().isEmpty())
        return 0;
    QTextDocument::FindFlags flags;
    if (m_caseSensitive->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    int count = 0;
    QTextCursor edit(m_editor->document());
    edit.beginEditBlock();
    QTextCursor found = m_editor->document()->find(m_find->text(), 0, flags);
    while (!found.isNull()) {
        found.insertText(m_replace->text());
        ++count;
        found = m_editor->document()->find(m_find->text(), found, flags);
    }
    edit.endEditBlock();
    m_status->setText(QStringLiteral("%1 replaced").arg(count));
    return count;
}

void FindReplaceBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace studio
