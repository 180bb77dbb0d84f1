// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace studio {

/// Two versions of a text aligned row by row for a side-by-side diff view. Unchanged lines face
/// each other; a deleted line faces a filler row and an inserted line faces one on the other side;
/// within a block of changes, deleted and inserted lines face each other as changed pairs with the
/// words that differ marked. Long unchanged runs are folded into one row until expanded.
/// Widget-free: a view only renders rows().
class SideBySideRows
{
public:
    enum class Kind { Equal, Deleted, Inserted, Changed, Folded };

    /// A range of characters in one side's line text.
    struct Segment {
        int start = 0;
        int length = 0;
        friend bool operator==(const Segment &, const Segment &) = default;
    };
    using Segments = QList<Segment>;

    struct Row {
        Kind kind = Kind::Equal;
        /// 1-based line numbers; 0 where that side is a filler. A folded row holds the first
        /// hidden line of each side.
        int oldLine = 0;
        int newLine = 0;
        QString oldText = {};
        QString newText = {};
        /// Changed rows only: the parts of oldText/newText that differ from the other side.
        Segments oldSegments = {};
        Segments newSegments = {};
        /// The change (block of consecutive non-equal lines) the row belongs to; -1 for equal and
        /// folded rows.
        int change = -1;
        /// Folded rows only: how many unchanged lines the row stands for.
        int foldedLines = 0;

        bool hasOld() const { return kind == Kind::Equal || kind == Kind::Deleted || kind == Kind::Changed; }
        bool hasNew() const { return kind == Kind::Equal || kind == Kind::Inserted || kind == Kind::Changed; }
    };

    SideBySideRows() = default;
    /// Aligns the texts and folds unchanged runs longer than 2 × `context` lines, keeping
    /// `context` lines next to each change. Identical texts are not folded.
    SideBySideRows(const QString &oldText, const QString &newText, int context = 3);

    /// The rows to show, folded runs included as one Folded row each.
    const QList<Row> &rows() const { return m_rows; }
    /// Every row, nothing folded.
    const QList<Row> &allRows() const { return m_all; }

    int changeCount() const { return m_changeCount; }
    /// The first and last index in rows() of change `change`; {-1, -1} when there is none.
    QPair<int, int> rowsOfChange(int change) const;
    bool hasFolds() const { return m_foldCount > 0; }

    /// Replaces the Folded row at `row` by the lines it hides; false when `row` is not folded.
    bool expand(int row);
    void expandAll();

    /// The parts of two versions of one line that differ, by a word-level diff: words (letters,
    /// digits, '_'), whitespace runs and single punctuation characters are compared, so
    /// "tag: 1.7.2" → "tag: 1.8.0" marks just "7" / "8" and "2" / "0".
    static QPair<Segments, Segments> intraLineSegments(const QString &oldLine, const QString &newLine);
    /// How alike two lines are, 0…1: twice the non-blank characters of common words over all
    /// non-blank characters. Used to pair lines inside a change.
    static double similarity(const QString &oldLine, const QString &newLine);

private:
    struct Fold {
        int first; ///< index in m_all
        int count;
        bool folded;
    };
    void rebuild();

    QList<Row> m_all;
    QList<Row> m_rows;
    QList<Fold> m_folds;
    QList<int> m_rowFold; ///< per visible row: the index in m_folds of a Folded row, else -1
    QList<QPair<int, int>> m_changeRows; ///< per change: its first and last index in m_rows
    int m_changeCount = 0;
    int m_foldCount = 0;
};

} // namespace studio
