// SPDX-License-Identifier: MIT
#include "DiffPane.h"

#include "SyntaxHighlighting.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextDocumentLayout>
#include <QtMath>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QTextDocument>
#include <QTextBlock>
#include <QToolTip>

namespace studio {

using Kind = SideBySideRows::Kind;
using Row = SideBySideRows::Row;

DiffColours DiffColours::forPalette(const QPalette &palette)
{
    if (palette.color(QPalette::Base).lightness() < 128) {
        return {QColor(0x4b, 0x22, 0x24), QColor(0x8e, 0x32, 0x35), QColor(0x5c, 0x27, 0x29),
                QColor(0x1b, 0x3b, 0x27), QColor(0x2b, 0x6e, 0x3f), QColor(0x21, 0x4a, 0x30),
                QColor(0x22, 0x26, 0x2c), QColor(0x33, 0x38, 0x40),
                QColor(0x1c, 0x2e, 0x45), QColor(0x9d, 0xa7, 0xb3),
                QColor(0x58, 0xa6, 0xff)};
    }
    // The red/green of GitHub's split diff: line tints light enough to keep syntax colours
    // readable, word tints clearly stronger.
    return {QColor(0xff, 0xeb, 0xe9), QColor(0xff, 0xb8, 0xb4), QColor(0xff, 0xd7, 0xd5),
            QColor(0xe6, 0xff, 0xec), QColor(0xa6, 0xf0, 0xb7), QColor(0xcc, 0xff, 0xd8),
            QColor(0xf6, 0xf8, 0xfa), QColor(0xe1, 0xe4, 0xe8),
            QColor(0xdd, 0xf4, 0xff), QColor(0x57, 0x60, 0x6a),
            QColor(0x09, 0x69, 0xda)};
}

namespace {

/// A plain-text layout at least a given width wide. Both panes of a diff get the width of the
/// longer side, so they scroll horizontally over the same range even when one side has a long
/// line the other lacks (QPlainTextEdit takes its horizontal range from documentSize()).
class MinimumWidthLayout : public QPlainTextDocumentLayout
{
public:
    using QPlainTextDocumentLayout::QPlainTextDocumentLayout;

    void setMinimumWidth(qreal width)
    {
        if (width == m_minimumWidth)
            return;
        m_minimumWidth = width;
        emit documentSizeChanged(documentSize());
    }
    QSizeF documentSize() const override
    {
        QSizeF size = QPlainTextDocumentLayout::documentSize();
        size.setWidth(qMax(size.width(), m_minimumWidth));
        return size;
    }

private:
    qreal m_minimumWidth = 0;
};

/// `line` as one text line: a carriage return or a line/paragraph separator inside a line would
/// start a new block (or a second visual line) and push every following row out of alignment, so
/// they show as a symbol of the same length, which keeps the word highlights' offsets valid.
QString displayText(QString line)
{
    for (QChar &c : line) {
        if (c == u'\r')
            c = QChar(0x240D); // ␍
        else if (c == QChar::LineSeparator || c == QChar::ParagraphSeparator || c == u'\v' || c == u'\f')
            c = QChar(0x2424); // ␤
    }
    return line;
}

} // namespace

class DiffPaneGutter : public QWidget
{
public:
    explicit DiffPaneGutter(DiffPane *pane) : QWidget(pane), m_pane(pane) {}
    QSize sizeHint() const override { return QSize(m_pane->gutterWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_pane->paintGutter(event); }
    void mousePressEvent(QMouseEvent *event) override { m_pane->gutterPressed(event->position().toPoint().y()); }

private:
    DiffPane *m_pane;
};

DiffPane::DiffPane(Side side, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_side(side)
    , m_gutter(new DiffPaneGutter(this))
{
    auto *document = new QTextDocument(this);
    document->setDocumentLayout(new MinimumWidthLayout(document));
    document->setUndoRedoEnabled(false);
    setDocument(document);
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    setViewportMargins(gutterWidth(), 0, 0, 0);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    // Scrolling moves the viewport's pixels, but fold labels stay put horizontally.
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
}

void DiffPane::showRows(const QList<Row> &rows, const QString &fileName)
{
    m_rows = rows;
    m_currentFirst = m_currentLast = -1;
    bool newHighlighter = false;
    if (fileName != m_fileName || !m_highlighter) {
        delete m_highlighter; // detaches itself from the document
        m_fileName = fileName;
        m_highlighter = attachHighlighter(document(), fileName);
        newHighlighter = true;
    }
    QStringList lines;
    lines.reserve(rows.size());
    for (const Row &row : rows) {
        if (m_side == Side::Old)
            lines << displayText(row.hasOld() ? row.oldText : QString());
        else
            lines << displayText(row.hasNew() ? row.newText : QString());
    }
    setPlainText(lines.join(u'\n'));
    // A new highlighter ignores edits until its first, queued, pass: colour the text now, so that
    // the pane never shows (or grabs) a first frame without highlighting.
    if (newHighlighter && m_highlighter)
        m_highlighter->rehighlight();
    applyWordHighlights();
    setViewportMargins(gutterWidth(), 0, 0, 0);
    m_gutter->setGeometry(QRect(contentsRect().left(), contentsRect().top(), gutterWidth(), contentsRect().height()));
    m_gutter->update();
}

void DiffPane::applyWordHighlights()
{
    const DiffColours colours = DiffColours::forPalette(palette());
    QTextCharFormat word;
    word.setBackground(m_side == Side::Old ? colours.deletedWord : colours.insertedWord);
    QTextCursor cursor(document());
    QTextBlock block = document()->begin();
    for (const Row &row : std::as_const(m_rows)) {
        if (row.kind == Kind::Changed) {
            for (const SideBySideRows::Segment &segment : m_side == Side::Old ? row.oldSegments : row.newSegments) {
                cursor.setPosition(block.position() + segment.start);
                cursor.setPosition(block.position() + segment.start + segment.length, QTextCursor::KeepAnchor);
                cursor.setCharFormat(word);
            }
        }
        block = block.next();
    }
}

void DiffPane::setCurrentRows(int first, int last)
{
    m_currentFirst = first;
    m_currentLast = last;
    viewport()->update();
    m_gutter->update();
}

int DiffPane::rowAt(const QPoint &viewportPos) const
{
    const QTextBlock block = cursorForPosition(viewportPos).block();
    if (!block.isValid() || block.blockNumber() >= m_rows.size())
        return -1;
    const QRectF rect = blockBoundingGeometry(block).translated(contentOffset());
    return viewportPos.y() >= rect.top() && viewportPos.y() < rect.bottom() ? block.blockNumber() : -1;
}

int DiffPane::naturalWidth() const
{
    const QFontMetrics metrics(font());
    qreal widest = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const QString text = block.text();
        const qreal tabs = text.count(u'\t') * tabStopDistance();
        widest = qMax(widest, metrics.horizontalAdvance(text) + tabs);
    }
    return qCeil(widest + 2 * document()->documentMargin() + cursorWidth());
}

void DiffPane::setMinimumDocumentWidth(int width)
{
    static_cast<MinimumWidthLayout *>(document()->documentLayout())->setMinimumWidth(width);
}

int DiffPane::lineNumber(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return 0;
    const Row &r = m_rows.at(row);
    if (m_side == Side::Old)
        return r.hasOld() ? r.oldLine : 0;
    return r.hasNew() ? r.newLine : 0;
}

int DiffPane::visibleRowCount() const
{
    return qMax(1, viewport()->height() / qMax(1, fontMetrics().lineSpacing()));
}

int DiffPane::gutterWidth() const
{
    int largest = 1;
    if (!m_rows.isEmpty()) {
        const Row &last = m_rows.last();
        largest = qMax(last.oldLine, last.newLine) + last.foldedLines;
    }
    const int digits = int(QString::number(largest).size());
    return 20 + fontMetrics().horizontalAdvance(u'9') * qMax(3, digits);
}

template<typename Visit>
void DiffPane::forEachVisibleRow(Visit visit) const
{
    const int bottom = viewport()->height();
    for (QTextBlock block = firstVisibleBlock(); block.isValid() && block.blockNumber() < m_rows.size();
         block = block.next()) {
        const QRectF rect = blockBoundingGeometry(block).translated(contentOffset());
        if (rect.top() > bottom)
            break;
        visit(block.blockNumber(), rect);
    }
}

QColor DiffPane::lineColour(const Row &row, const DiffColours &colours) const
{
    switch (row.kind) {
    case Kind::Equal:
        return {};
    case Kind::Folded:
        return colours.fold;
    case Kind::Changed:
        return m_side == Side::Old ? colours.deletedLine : colours.insertedLine;
    case Kind::Deleted:
        return m_side == Side::Old ? colours.deletedLine : colours.filler;
    case Kind::Inserted:
        return m_side == Side::New ? colours.insertedLine : colours.filler;
    }
    return {};
}

void DiffPane::paintEvent(QPaintEvent *event)
{
    const DiffColours colours = DiffColours::forPalette(palette());
    const int width = viewport()->width();
    {
        // Row backgrounds go under the text, across the whole width.
        QPainter painter(viewport());
        forEachVisibleRow([&](int row, const QRectF &rect) {
            const Row &r = m_rows.at(row);
            const QColor colour = lineColour(r, colours);
            if (!colour.isValid())
                return;
            const QRectF line(0, rect.top(), width, rect.height());
            painter.fillRect(line, colour);
            if (colour == colours.filler && r.kind != Kind::Folded) {
                // Anchored to the document, so the hatching lines up across rows and scrolling.
                painter.setBrushOrigin(QPointF(contentOffset().x(), rect.top() - row * rect.height()));
                painter.fillRect(line, QBrush(colours.fillerHatch, Qt::BDiagPattern));
            }
        });
    }
    QPlainTextEdit::paintEvent(event);

    QPainter painter(viewport());
    const qreal margin = document()->documentMargin();
    forEachVisibleRow([&](int row, const QRectF &rect) {
        const Row &r = m_rows.at(row);
        if (r.kind == Kind::Folded) {
            painter.setPen(colours.foldText);
            QFont font = this->font();
            font.setItalic(true);
            painter.setFont(font);
            const QString label = r.foldedLines == 1 ? tr("⋯ 1 unchanged line")
                                                     : tr("⋯ %1 unchanged lines").arg(r.foldedLines);
            // Indented by a space, clear of the text cursor at the start of the row.
            const qreal left = margin + painter.fontMetrics().horizontalAdvance(u' ');
            painter.drawText(QRectF(left, rect.top(), width - left, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
        }
        if (row == m_currentFirst || row == m_currentLast) {
            QColor frame = colours.currentChange;
            frame.setAlpha(160);
            painter.setPen(frame);
            if (row == m_currentFirst)
                painter.drawLine(QPointF(0, rect.top() + 0.5), QPointF(width, rect.top() + 0.5));
            if (row == m_currentLast)
                painter.drawLine(QPointF(0, rect.bottom() - 0.5), QPointF(width, rect.bottom() - 0.5));
        }
    });
}

void DiffPane::paintGutter(QPaintEvent *event)
{
    const DiffColours colours = DiffColours::forPalette(palette());
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    const int width = m_gutter->width();
    forEachVisibleRow([&](int row, const QRectF &rect) {
        const Row &r = m_rows.at(row);
        const QRect line(0, qRound(rect.top()), width, qRound(rect.height()));
        QColor background = lineColour(r, colours);
        if (background == colours.deletedLine)
            background = colours.deletedGutter;
        else if (background == colours.insertedLine)
            background = colours.insertedGutter;
        if (background.isValid())
            painter.fillRect(line, background);
        if (row >= m_currentFirst && row <= m_currentLast && m_currentFirst >= 0)
            painter.fillRect(QRect(0, line.top(), 3, line.height()), colours.currentChange);
        if (const int number = lineNumber(row)) {
            painter.setPen(r.kind == Kind::Equal ? palette().color(QPalette::PlaceholderText) : palette().color(QPalette::Text));
            painter.drawText(line.adjusted(0, 0, -8, 0), Qt::AlignRight | Qt::AlignVCenter, QString::number(number));
        }
    });
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(width - 1, event->rect().top(), width - 1, event->rect().bottom());
}

void DiffPane::gutterPressed(int y)
{
    const int row = rowAt(QPoint(0, y));
    if (row >= 0 && m_rows.at(row).kind == Kind::Folded)
        emit foldClicked(row);
    else if (row >= 0)
        emit rowClicked(row);
}

void DiffPane::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void DiffPane::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && row >= 0 && m_rows.at(row).kind == Kind::Folded) {
        emit foldClicked(row);
        event->accept();
        return;
    }
    QPlainTextEdit::mousePressEvent(event);
    if (row >= 0)
        emit rowClicked(row);
}

void DiffPane::mouseMoveEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    const bool overFold = row >= 0 && m_rows.at(row).kind == Kind::Folded;
    viewport()->setCursor(overFold ? Qt::PointingHandCursor : Qt::IBeamCursor);
    QPlainTextEdit::mouseMoveEvent(event);
}

bool DiffPane::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row >= 0 && m_rows.at(row).kind == Kind::Folded) {
            const Row &r = m_rows.at(row);
            const int first = m_side == Side::Old ? r.oldLine : r.newLine;
            QToolTip::showText(help->globalPos(), tr("Click to show lines %1–%2").arg(first).arg(first + r.foldedLines - 1),
                               viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void DiffPane::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    // The word highlights are character formats in the document: recolour them for a new palette.
    if (event->type() == QEvent::PaletteChange && !m_rows.isEmpty())
        applyWordHighlights();
}

} // namespace studio
