// SPDX-License-Identifier: MIT
#pragma once

#include "diff/SideBySideRows.h"

#include <QColor>
#include <QPlainTextEdit>
#include <QPointer>

class QPalette;
class QSyntaxHighlighter;

namespace studio {

/// The colours of a side-by-side diff, in a light and a dark variant.
struct DiffColours {
    QColor deletedLine;
    QColor deletedWord;
    QColor deletedGutter;
    QColor insertedLine;
    QColor insertedWord;
    QColor insertedGutter;
    QColor filler;
    QColor fillerHatch;
    QColor fold;
    QColor foldText;
    QColor currentChange;

    /// The variant that suits the palette's base colour.
    static DiffColours forPalette(const QPalette &palette);
};

/// One side of a SideBySideDiff: a read-only view of the old or the new lines of SideBySideRows,
/// one text line per row, with that side's line numbers in the gutter, the rows' colours, hatched
/// filler rows facing the other side's additions, and clickable folded rows.
class DiffPane : public QPlainTextEdit
{
    Q_OBJECT

public:
    enum class Side { Old, New };

    explicit DiffPane(Side side, QWidget *parent = nullptr);

    Side side() const { return m_side; }
    /// Shows this side of `rows`, highlighted as `fileName`. Resets the scroll position.
    void showRows(const QList<SideBySideRows::Row> &rows, const QString &fileName);
    const QList<SideBySideRows::Row> &rows() const { return m_rows; }
    /// Frames rows `first`…`last` as the current change; -1 for none.
    void setCurrentRows(int first, int last);

    /// The row under a point of the viewport, -1 where there is none.
    int rowAt(const QPoint &viewportPos) const;
    /// The line number the gutter shows beside `row`: 0 for filler and folded rows.
    int lineNumber(int row) const;
    /// How many whole rows fit in the viewport.
    int visibleRowCount() const;
    int gutterWidth() const;
    /// The width the text needs without scrolling, and the width the pane scrolls over at least
    /// (so that both panes of a diff scroll alike).
    int naturalWidth() const;
    void setMinimumDocumentWidth(int width);

signals:
    /// A folded row was clicked (in the text or the gutter).
    void foldClicked(int row);
    /// Another row was clicked.
    void rowClicked(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class DiffPaneGutter;
    template<typename Visit>
    void forEachVisibleRow(Visit visit) const;
    void paintGutter(QPaintEvent *event);
    void gutterPressed(int y);
    void applyWordHighlights();
    QColor lineColour(const SideBySideRows::Row &row, const DiffColours &colours) const;

    Side m_side;
    QWidget *m_gutter;
    QList<SideBySideRows::Row> m_rows;
    QString m_fileName;
    QPointer<QSyntaxHighlighter> m_highlighter;
    int m_currentFirst = -1;
    int m_currentLast = -1;
};

} // namespace studio
