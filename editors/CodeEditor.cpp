// SPDX-License-Identifier: MIT
#include "CodeEditor.h"

#include "SyntaxHighlighting.h"

#include <QAbstractItemView>
#include <QRegularExpression>
#include <QCompleter>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QInputDialog>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QToolTip>

namespace studio {

namespace {

int leadingSpaces(const QString &text)
{
    int n = 0;
    while (n < text.size() && text[n] == u' ')
        ++n;
    return n;
}

bool isBlankOrComment(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() || trimmed.startsWith(u'#');
}

/// The line without a trailing comment (a '#' after a blank, outside quotes).
QString withoutComment(const QString &text)
{
    bool single = false;
    bool dbl = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\'' && !dbl)
            single = !single;
        else if (c == u'"' && !single)
            dbl = !dbl;
        else if (c == u'#' && !single && !dbl && (i == 0 || text[i - 1].isSpace()))
            return text.left(i);
    }
    return text;
}

} // namespace

class EditorGutter : public QWidget
{
public:
    explicit EditorGutter(CodeEditor *editor) : QWidget(editor), m_editor(editor) { setMouseTracking(true); }
    QSize sizeHint() const override { return QSize(m_editor->lineNumberAreaWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }
    void mousePressEvent(QMouseEvent *event) override { m_editor->gutterClicked(event->position().toPoint().y()); }

private:
    CodeEditor *m_editor;
};

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new EditorGutter(this))
    , m_completer(new QCompleter(this))
    , m_completionModel(new QStringListModel(this))
{
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(false);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateExtraSelections);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);

    m_completer->setModel(m_completionModel);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &CodeEditor::insertCompletion);
}

void CodeEditor::setSource(const QString &fileName, const QString &text)
{
    m_fileName = fileName;
    const QString lower = fileName.toLower();
    m_commentPrefix = lower.endsWith(u".json") ? QString()
                      : (lower.endsWith(u".tf") || lower.endsWith(u".hcl")) ? QStringLiteral("# ")
                                                                             : QStringLiteral("# ");
    setPlainText(text);
    document()->setModified(false);
    attachHighlighter(document(), fileName);
    // The indentation step the file uses (the smallest positive indentation of a content line).
    m_indentStep = 2;
    int smallest = 0;
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next()) {
        const int n = leadingSpaces(b.text());
        if (n > 0 && !isBlankOrComment(b.text()) && (smallest == 0 || n < smallest))
            smallest = n;
    }
    if (smallest >= 2 && smallest <= 8)
        m_indentStep = smallest;
    setDiagnostics({});
}

void CodeEditor::setDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    updateExtraSelections();
    m_gutter->update();
}

void CodeEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(line, 1) - 1);
    if (!block.isValid())
        return;
    if (!block.isVisible())
        unfoldAll();
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qBound(0, column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

void CodeEditor::askGoToLine()
{
    bool ok = false;
    const int line = QInputDialog::getInt(this, QStringLiteral("Go to Line"),
                                          QStringLiteral("Line (1–%1):").arg(blockCount()),
                                          textCursor().blockNumber() + 1, 1, blockCount(), 1, &ok);
    if (ok)
        goTo(line);
}

int CodeEditor::lineNumberAreaWidth() const
{
    const int digits = int(QString::number(qMax(1, blockCount())).size());
    return 28 + fontMetrics().horizontalAdvance(u'9') * qMax(3, digits);
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

void CodeEditor::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    // Indentation guides: a faint line at each indentation step inside leading whitespace.
    QPainter painter(viewport());
    painter.setPen(QColor(0, 0, 0, 28));
    const int space = fontMetrics().horizontalAdvance(u' ');
    const qreal left = contentOffset().x() + document()->documentMargin();
    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    int carried = 0; // blank lines continue the guides of the block around them
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal height = blockBoundingRect(block).height();
        if (block.isVisible()) {
            const QString text = block.text();
            const int indent = text.trimmed().isEmpty() ? carried : leadingSpaces(text);
            carried = indent;
            for (int column = m_indentStep; column < indent; column += m_indentStep) {
                const qreal x = left + column * space - m_indentStep * space + 0.5;
                painter.drawLine(QPointF(x, top), QPointF(x, top + height));
            }
        }
        block = block.next();
        top += height;
    }

    // Diagnostics: a wavy line under the offending text, drawn here so it stays clearly visible at
    // any font size (the text format's wave underline is a hairline).
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        const QTextBlock line = document()->findBlockByNumber(d.line - 1);
        if (d.line <= 0 || !line.isValid() || !line.isVisible())
            continue;
        QTextCursor from(line);
        from.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qBound(0, d.column - 1, qMax(0, line.length() - 1)));
        QTextCursor to(line);
        to.movePosition(QTextCursor::EndOfBlock);
        const QRect start = cursorRect(from);
        if (start.bottom() < event->rect().top() || start.top() > event->rect().bottom())
            continue;
        const int x1 = start.left();
        const int x2 = qMax(cursorRect(to).left(), x1 + space * 2);
        const qreal y = start.bottom() - 1.5;
        QPainterPath wave(QPointF(x1, y));
        for (int x = x1; x < x2; x += 4) {
            wave.lineTo(x + 2, y + 2);
            wave.lineTo(x + 4, y);
        }
        painter.setPen(QPen(d.severity == Severity::Error ? QColor(0xd7, 0x3a, 0x49) : QColor(0xe3, 0x9b, 0x00), 1.4));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(wave);
    }
}

bool CodeEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        const int line = cursor.blockNumber() + 1;
        QStringList parts;
        for (const Diagnostic &d : std::as_const(m_diagnostics)) {
            if (d.line == line)
                parts << QStringLiteral("<b>%1</b>: %2").arg(severityName(d.severity), d.message.toHtmlEscaped());
        }
        if (m_hover) {
            const QString hover = m_hover(line, cursor.positionInBlock() + 1);
            if (!hover.isEmpty())
                parts << hover;
        }
        if (!parts.isEmpty())
            QToolTip::showText(help->globalPos(), parts.join(QStringLiteral("<hr>")), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer handles them
            return;
        default:
            break;
        }
    }
    if (isReadOnly()) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (ctrl && event->key() == Qt::Key_Space) {
        showCompletions();
        return;
    }
    if (ctrl && (event->key() == Qt::Key_Slash || event->key() == Qt::Key_Question)) {
        toggleComment();
        return;
    }
    if (ctrl && event->key() == Qt::Key_G) {
        askGoToLine();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !(event->modifiers() & Qt::ShiftModifier)) {
        insertNewlineWithIndent();
        return;
    }
    if (event->key() == Qt::Key_Tab && !ctrl) {
        if (textCursor().hasSelection()) {
            indentSelection(false);
        } else {
            const int column = textCursor().positionInBlock();
            insertPlainText(QString(m_indentStep - column % m_indentStep, u' '));
        }
        return;
    }
    if (event->key() == Qt::Key_Backtab) {
        indentSelection(true);
        return;
    }
    if (event->key() == Qt::Key_Backspace && !textCursor().hasSelection()) {
        // In leading whitespace, go back one indentation step at a time.
        QTextCursor cursor = textCursor();
        const QString before = cursor.block().text().left(cursor.positionInBlock());
        if (!before.isEmpty() && before.trimmed().isEmpty() && before.size() % m_indentStep == 0) {
            cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, m_indentStep);
            cursor.removeSelectedText();
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
    if (m_completions && !event->text().isEmpty() && (event->text().front().isLetter() || event->text() == u" ")) {
        // Offer completions while typing a key at the start of a line, or a value right after "key: ".
        const QString before = textCursor().block().text().left(textCursor().positionInBlock());
        const QString trimmed = before.trimmed();
        const bool typingKey = !trimmed.isEmpty() && !trimmed.contains(u':') && !trimmed.contains(u' ')
            && (trimmed.front().isLetter() || trimmed.startsWith(QStringLiteral("- ")));
        const bool startingValue = before.endsWith(QStringLiteral(": "));
        if (typingKey || startingValue)
            showCompletions();
        else if (m_completer->popup()->isVisible())
            m_completer->popup()->hide();
    } else if (m_completer->popup()->isVisible()) {
        const QString before = textCursor().block().text().left(textCursor().positionInBlock());
        const qsizetype start = before.lastIndexOf(QRegularExpression(QStringLiteral("[\\s:\\-]"))) + 1;
        m_completer->setCompletionPrefix(before.mid(start));
    }
}

void CodeEditor::insertNewlineWithIndent()
{
    QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    const QString before = line.left(cursor.positionInBlock());
    int indent = leadingSpaces(line);
    const QString code = withoutComment(before).trimmed();
    if (code.endsWith(u':') || code.endsWith(u'|') || code.endsWith(u'>') || code.endsWith(QStringLiteral("|-"))
        || code.endsWith(QStringLiteral(">-")) || code.endsWith(u'[') || code.endsWith(u'{'))
        indent += m_indentStep;
    else if (code.startsWith(QStringLiteral("- ")) && code.contains(QStringLiteral(": ")))
        indent += 2; // continue the mapping of a "- key: value" item
    else if (code == u"-")
        indent += 2;
    cursor.beginEditBlock();
    // Trailing spaces left by the split go away.
    while (cursor.positionInBlock() > 0 && cursor.block().text().at(cursor.positionInBlock() - 1) == u' '
           && cursor.positionInBlock() > leadingSpaces(line))
        cursor.deletePreviousChar();
    cursor.insertBlock();
    cursor.insertText(QString(indent, u' '));
    cursor.endEditBlock();
    setTextCursor(cursor);
}

void CodeEditor::indentSelection(bool outdent)
{
    QTextCursor cursor = textCursor();
    const int first = document()->findBlock(cursor.selectionStart()).blockNumber();
    const int last = document()->findBlock(cursor.selectionEnd() - (cursor.hasSelection() ? 1 : 0)).blockNumber();
    cursor.beginEditBlock();
    for (int n = first; n <= last; ++n) {
        QTextBlock block = document()->findBlockByNumber(n);
        QTextCursor c(block);
        if (outdent) {
            const int remove = qMin(leadingSpaces(block.text()), m_indentStep);
            c.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, remove);
            c.removeSelectedText();
        } else if (!block.text().trimmed().isEmpty()) {
            c.insertText(QString(m_indentStep, u' '));
        }
    }
    cursor.endEditBlock();
}

void CodeEditor::toggleComment()
{
    if (m_commentPrefix.isEmpty() || isReadOnly())
        return;
    QTextCursor cursor = textCursor();
    const int first = document()->findBlock(cursor.selectionStart()).blockNumber();
    const int last = document()->findBlock(cursor.selectionEnd() - (cursor.hasSelection() ? 1 : 0)).blockNumber();
    // Comment when any selected content line is uncommented; otherwise uncomment them all.
    bool allCommented = true;
    int minIndent = INT_MAX;
    for (int n = first; n <= last; ++n) {
        const QString text = document()->findBlockByNumber(n).text();
        if (text.trimmed().isEmpty())
            continue;
        minIndent = qMin(minIndent, leadingSpaces(text));
        allCommented = allCommented && text.trimmed().startsWith(u'#');
    }
    if (minIndent == INT_MAX)
        return;
    cursor.beginEditBlock();
    for (int n = first; n <= last; ++n) {
        const QTextBlock block = document()->findBlockByNumber(n);
        const QString text = block.text();
        if (text.trimmed().isEmpty())
            continue;
        QTextCursor c(block);
        if (allCommented) {
            const int at = leadingSpaces(text);
            const int length = text.mid(at).startsWith(m_commentPrefix) ? int(m_commentPrefix.size()) : 1;
            c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, at);
            c.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, length);
            c.removeSelectedText();
        } else {
            c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, minIndent);
            c.insertText(m_commentPrefix);
        }
    }
    cursor.endEditBlock();
}

void CodeEditor::showCompletions()
{
    if (!m_completions)
        return;
    const QTextCursor cursor = textCursor();
    m_currentCompletions = completionsAtCursor();
    if (m_currentCompletions.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    QStringList labels;
    for (const Completion &c : std::as_const(m_currentCompletions))
        labels << c.label;
    m_completionModel->setStringList(labels);
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype start = before.lastIndexOf(QRegularExpression(QStringLiteral("[\\s:\\-]"))) + 1;
    m_completer->setCompletionPrefix(before.mid(start));
    QRect rect = cursorRect();
    rect.setWidth(qMax(260, m_completer->popup()->sizeHintForColumn(0) + 40));
    m_completer->complete(rect);
}

QList<CodeEditor::Completion> CodeEditor::completionsAtCursor() const
{
    if (!m_completions)
        return {};
    const QTextCursor cursor = textCursor();
    return m_completions(cursor.blockNumber() + 1, cursor.positionInBlock() + 1);
}

void CodeEditor::insertCompletion(const QString &label)
{
    QString insert = label;
    int replaceFrom = 0;
    for (const Completion &c : std::as_const(m_currentCompletions)) {
        if (c.label == label) {
            insert = c.insertText;
            replaceFrom = c.replaceFromColumn;
        }
    }
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype start = replaceFrom > 0 ? qMin<qsizetype>(replaceFrom - 1, before.size())
                                            : before.lastIndexOf(QRegularExpression(QStringLiteral("[\\s:\\-]"))) + 1;
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(before.size() - start));
    cursor.insertText(insert);
    cursor.endEditBlock();
    setTextCursor(cursor);
}

bool CodeEditor::canFold(const QTextBlock &block) const
{
    const QString text = block.text();
    if (isBlankOrComment(text))
        return false;
    const int indent = leadingSpaces(text);
    for (QTextBlock next = block.next(); next.isValid(); next = next.next()) {
        if (isBlankOrComment(next.text()))
            continue;
        const int nextIndent = leadingSpaces(next.text());
        // A "- " item line under a key at the same indentation belongs to that key too.
        return nextIndent > indent || (nextIndent == indent && next.text().mid(indent).startsWith(QStringLiteral("- "))
                                       && withoutComment(text).trimmed().endsWith(u':'));
    }
    return false;
}

bool CodeEditor::isFolded(int line) const
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    return block.isValid() && block.next().isValid() && !block.next().isVisible() && canFold(block);
}

void CodeEditor::toggleFold(int line)
{
    const QTextBlock head = document()->findBlockByNumber(line - 1);
    if (!head.isValid() || !canFold(head))
        return;
    const bool fold = !isFolded(line);
    const int indent = leadingSpaces(head.text());
    const bool keyWithList = withoutComment(head.text()).trimmed().endsWith(u':');
    QTextBlock block = head.next();
    QTextBlock lastContent = head;
    // Blocks of the fold: deeper-indented lines (and same-indented list items under a key); trailing
    // blank lines stay visible.
    for (QTextBlock b = head.next(); b.isValid(); b = b.next()) {
        if (isBlankOrComment(b.text()))
            continue;
        const int n = leadingSpaces(b.text());
        const bool inside = n > indent || (keyWithList && n == indent && b.text().mid(n).startsWith(QStringLiteral("- ")));
        if (!inside)
            break;
        lastContent = b;
    }
    for (; block.isValid() && block.blockNumber() <= lastContent.blockNumber(); block = block.next())
        block.setVisible(!fold);
    document()->markContentsDirty(head.position(), lastContent.position() + lastContent.length() - head.position());
    viewport()->update();
    m_gutter->update();
    ensureCursorVisible();
}

void CodeEditor::unfoldAll()
{
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next())
        b.setVisible(true);
    document()->markContentsDirty(0, document()->characterCount());
    viewport()->update();
    m_gutter->update();
}

void CodeEditor::gutterClicked(int y)
{
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (!block.isVisible())
            continue;
        const QRectF geometry = blockBoundingGeometry(block).translated(contentOffset());
        if (y >= geometry.top() && y < geometry.bottom()) {
            toggleFold(block.blockNumber() + 1);
            return;
        }
        if (geometry.top() > y)
            return;
    }
}

void CodeEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setRenderHint(QPainter::Antialiasing);
    const int current = textCursor().blockNumber();
    const int foldX = m_gutter->width() - 12;
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        if (!block.isVisible())
            continue;
        const QRectF geometry = blockBoundingGeometry(block).translated(contentOffset());
        if (geometry.top() > event->rect().bottom())
            break;
        const int top = qRound(geometry.top());
        const int height = qRound(geometry.height());
        const int line = block.blockNumber() + 1;
        bool marked = false;
        Severity worst = Severity::Info;
        for (const Diagnostic &d : std::as_const(m_diagnostics)) {
            if (d.line == line) {
                marked = true;
                worst = std::min(worst, d.severity);
            }
        }
        if (marked) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(worst == Severity::Error ? QColor(0xd7, 0x3a, 0x49) : QColor(0xe3, 0x9b, 0x00));
            painter.drawEllipse(QPoint(6, top + height / 2), 3, 3);
        }
        painter.setPen(block.blockNumber() == current ? palette().color(QPalette::Text)
                                                      : palette().color(QPalette::PlaceholderText));
        painter.drawText(0, top, foldX - 4, height, Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
        if (canFold(block)) {
            const bool folded = block.next().isValid() && !block.next().isVisible();
            painter.drawText(foldX, top, 12, height, Qt::AlignCenter, folded ? QStringLiteral("▸") : QStringLiteral("▾"));
        }
    }
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection currentLine;
    currentLine.format.setBackground(QColor(0xf2, 0xf6, 0xfc));
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    selections << currentLine;
    setExtraSelections(selections);
    viewport()->update(); // the diagnostics' wavy lines are painted in paintEvent
    m_gutter->update();
}

} // namespace studio
