// SPDX-License-Identifier: MIT
#include "CodeView.h"

#include "SyntaxHighlighting.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace studio {

class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(CodeView *view) : QWidget(view), m_view(view) {}
    QSize sizeHint() const override { return QSize(m_view->lineNumberAreaWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumbers(event); }

private:
    CodeView *m_view;
};

CodeView::CodeView(QWidget *parent) : QPlainTextEdit(parent), m_lineNumbers(new LineNumberArea(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeView::updateExtraSelections);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void CodeView::setSource(const QString &fileName, const QString &text)
{
    m_fileName = fileName;
    setPlainText(text);
    attachHighlighter(document(), fileName);
    setDiagnostics({});
}

void CodeView::setDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    updateExtraSelections();
    m_lineNumbers->update();
}

void CodeView::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(line, 1) - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, qBound(0, column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

int CodeView::lineNumberAreaWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    return 16 + fontMetrics().horizontalAdvance(u'9') * qMax(3, digits);
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_lineNumbers->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
}

bool CodeView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        const int line = cursor.blockNumber() + 1;
        QStringList messages;
        for (const Diagnostic &d : std::as_const(m_diagnostics)) {
            if (d.line == line)
                messages << QStringLiteral("%1: %2").arg(severityName(d.severity), d.message);
        }
        if (!messages.isEmpty())
            QToolTip::showText(help->globalPos(), messages.join(u'\n'), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void CodeView::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            Severity worst = Severity::Info;
            bool marked = false;
            for (const Diagnostic &d : std::as_const(m_diagnostics)) {
                if (d.line == line) {
                    marked = true;
                    worst = std::min(worst, d.severity);
                }
            }
            if (marked) {
                painter.setBrush(worst == Severity::Error ? QColor(0xd7, 0x3a, 0x49) : QColor(0xe3, 0x9b, 0x00));
                painter.setPen(Qt::NoPen);
                painter.drawEllipse(QPoint(6, top + height / 2), 3, 3);
            }
            painter.setPen(block.blockNumber() == current ? palette().color(QPalette::Text)
                                                          : palette().color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_lineNumbers->width() - 6, height, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

void CodeView::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection currentLine;
    currentLine.format.setBackground(palette().color(QPalette::Highlight).lighter(185));
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    selections << currentLine;
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        const QTextBlock block = document()->findBlockByNumber(d.line - 1);
        if (d.line <= 0 || !block.isValid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(d.severity == Severity::Error ? QColor(0xd7, 0x3a, 0x49) : QColor(0xe3, 0x9b, 0x00));
        mark.format.setToolTip(d.message);
        QTextCursor cursor(block);
        const int start = qBound(0, d.column - 1, block.length() - 1);
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, start);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        mark.cursor = cursor;
        selections << mark;
    }
    setExtraSelections(selections);
    m_lineNumbers->update();
}

} // namespace studio
