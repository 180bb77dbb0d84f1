// SPDX-License-Identifier: MIT
#include "diff/SideBySideRows.h"

#include "diff/LineDiff.h"

#include <QStringList>

#include <algorithm>
#include <vector>

namespace studio {

namespace {

using Kind = SideBySideRows::Kind;
using Row = SideBySideRows::Row;
using Segment = SideBySideRows::Segment;
using Segments = SideBySideRows::Segments;

/// Lines at least this alike are paired with each other inside a change even when other lines
/// come between them; the rest are paired in order.
constexpr double kPairingThreshold = 0.4;
/// How much pairing prefers lines at the same position in their runs: "cpu: 500m" → "cpu: 750m"
/// rather than a later `cpu: "1"` that shares a character more.
constexpr double kPositionPreference = 0.1;
/// Similarity pairing compares every deleted line with every inserted line of a change; above
/// this many comparisons lines are paired in order.
constexpr qsizetype kMaxPairingComparisons = 2500;
/// Above this many words in a line pair, only the common prefix and suffix are looked for (the
/// word diff keeps one vector per edit step, which grows quadratically for unrelated lines).
constexpr qsizetype kMaxWordDiffTokens = 4000;

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

int nonBlankLength(QStringView text)
{
    return int(std::count_if(text.begin(), text.end(), [](QChar c) { return !c.isSpace(); }));
}

/// Words, whitespace runs and single other characters, in order; their concatenation is `line`.
QStringList tokenize(const QString &line)
{
    QStringList tokens;
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line.at(i);
        qsizetype j = i + 1;
        if (isWordChar(c)) {
            while (j < line.size() && isWordChar(line.at(j)))
                ++j;
        } else if (c.isSpace()) {
            while (j < line.size() && line.at(j).isSpace())
                ++j;
        }
        tokens << line.mid(i, j - i);
        i = j;
    }
    return tokens;
}

void appendSegment(Segments &segments, int start, int length)
{
    if (length <= 0)
        return;
    if (!segments.isEmpty() && segments.last().start + segments.last().length == start)
        segments.last().length += length;
    else
        segments << Segment{start, length};
}

/// Two changes separated only by blanks read as one ("foo bar" → "baz qux" is one edit).
void mergeAcrossBlanks(Segments &segments, const QString &text)
{
    for (qsizetype i = segments.size() - 1; i > 0; --i) {
        Segment &previous = segments[i - 1];
        const Segment &next = segments.at(i);
        const int gapStart = previous.start + previous.length;
        if (nonBlankLength(QStringView(text).mid(gapStart, next.start - gapStart)) == 0) {
            previous.length = next.start + next.length - previous.start;
            segments.removeAt(i);
        }
    }
}

struct WordDiff {
    Segments oldSegments;
    Segments newSegments;
    int commonNonBlank = 0;
};

/// LineDiff::compute for two different lists. Equal lists are answered here: LineDiff reads past
/// its diagonal vector when nothing is left after the common prefix (n + m == 0).
QList<LineDiff::Line> differentListsDiff(const QStringList &a, const QStringList &b)
{
    if (a != b)
        return LineDiff::compute(a, b);
    QList<LineDiff::Line> lines;
    lines.reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i)
        lines << LineDiff::Line{LineDiff::Op::Equal, a.at(i), int(i + 1), int(i + 1)};
    return lines;
}

WordDiff wordDiff(const QString &a, const QString &b)
{
    WordDiff result;
    const QStringList oldTokens = tokenize(a);
    const QStringList newTokens = tokenize(b);
    if (oldTokens.size() + newTokens.size() > kMaxWordDiffTokens) {
        qsizetype prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
               && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
            ++suffix;
        appendSegment(result.oldSegments, int(prefix), int(a.size() - prefix - suffix));
        appendSegment(result.newSegments, int(prefix), int(b.size() - prefix - suffix));
        result.commonNonBlank = nonBlankLength(QStringView(a).left(prefix)) + nonBlankLength(QStringView(a).right(suffix));
        return result;
    }
    int oldPos = 0;
    int newPos = 0;
    for (const LineDiff::Line &token : differentListsDiff(oldTokens, newTokens)) {
        const int length = int(token.text.size());
        switch (token.op) {
        case LineDiff::Op::Equal:
            result.commonNonBlank += nonBlankLength(token.text);
            oldPos += length;
            newPos += length;
            break;
        case LineDiff::Op::Delete:
            appendSegment(result.oldSegments, oldPos, length);
            oldPos += length;
            break;
        case LineDiff::Op::Insert:
            appendSegment(result.newSegments, newPos, length);
            newPos += length;
            break;
        }
    }
    return result;
}

/// Which deleted line goes with which inserted line inside one change: the order-preserving
/// pairing of lines at least kPairingThreshold alike with the largest total similarity, so that
/// "x\na: 1" → "a: 2" pairs the two "a:" lines instead of "x" with "a: 2". Between about equally
/// alike candidates, the one at the same position in its run wins.
QList<QPair<int, int>> pairSimilarLines(const QStringList &deleted, const QStringList &inserted)
{
    const qsizetype d = deleted.size();
    const qsizetype n = inserted.size();
    if (d == 0 || n == 0 || d * n > kMaxPairingComparisons)
        return {};
    std::vector<double> similarity(size_t(d * n));
    const double positionWeight = kPositionPreference / double(std::max(d, n));
    for (qsizetype i = 0; i < d; ++i) {
        for (qsizetype j = 0; j < n; ++j) {
            similarity[size_t(i * n + j)] = SideBySideRows::similarity(deleted.at(i), inserted.at(j))
                - positionWeight * double(std::abs(i - j));
        }
    }
    // best[i][j]: the best total for the first i deleted and first j inserted lines.
    const auto at = [n](qsizetype i, qsizetype j) { return size_t(i * (n + 1) + j); };
    std::vector<double> best(size_t((d + 1) * (n + 1)), 0.0);
    for (qsizetype i = 1; i <= d; ++i) {
        for (qsizetype j = 1; j <= n; ++j) {
            double value = std::max(best[at(i - 1, j)], best[at(i, j - 1)]);
            const double s = similarity[size_t((i - 1) * n + (j - 1))];
            if (s >= kPairingThreshold)
                value = std::max(value, best[at(i - 1, j - 1)] + s);
            best[at(i, j)] = value;
        }
    }
    QList<QPair<int, int>> pairs;
    qsizetype i = d;
    qsizetype j = n;
    while (i > 0 && j > 0) {
        const double s = similarity[size_t((i - 1) * n + (j - 1))];
        if (s >= kPairingThreshold && best[at(i, j)] == best[at(i - 1, j - 1)] + s) {
            pairs.prepend({int(i - 1), int(j - 1)});
            --i;
            --j;
        } else if (best[at(i, j)] == best[at(i - 1, j)]) {
            --i;
        } else {
            --j;
        }
    }
    return pairs;
}

/// Appends the rows of one change: similar lines side by side, the lines between them paired in
/// order, and what is left over facing filler rows.
void appendChange(QList<Row> &rows, const QList<LineDiff::Line> &deleted, const QList<LineDiff::Line> &inserted,
                  int change)
{
    QStringList deletedTexts;
    for (const LineDiff::Line &line : deleted)
        deletedTexts << line.text;
    QStringList insertedTexts;
    for (const LineDiff::Line &line : inserted)
        insertedTexts << line.text;

    qsizetype d = 0;
    qsizetype n = 0;
    const auto appendChanged = [&] {
        const LineDiff::Line &from = deleted.at(d++);
        const LineDiff::Line &to = inserted.at(n++);
        const auto [oldSegments, newSegments] = SideBySideRows::intraLineSegments(from.text, to.text);
        rows << Row{.kind = Kind::Changed, .oldLine = from.oldLine, .newLine = to.newLine, .oldText = from.text,
                    .newText = to.text, .oldSegments = oldSegments, .newSegments = newSegments, .change = change};
    };
    const auto appendUpTo = [&](qsizetype deletedEnd, qsizetype insertedEnd) {
        while (d < deletedEnd && n < insertedEnd)
            appendChanged();
        while (d < deletedEnd) {
            const LineDiff::Line &line = deleted.at(d++);
            rows << Row{.kind = Kind::Deleted, .oldLine = line.oldLine, .oldText = line.text, .change = change};
        }
        while (n < insertedEnd) {
            const LineDiff::Line &line = inserted.at(n++);
            rows << Row{.kind = Kind::Inserted, .newLine = line.newLine, .newText = line.text, .change = change};
        }
    };
    for (const auto &[pairedDeleted, pairedInserted] : pairSimilarLines(deletedTexts, insertedTexts)) {
        appendUpTo(pairedDeleted, pairedInserted);
        appendChanged();
    }
    appendUpTo(deleted.size(), inserted.size());
}

} // namespace

SideBySideRows::SideBySideRows(const QString &oldText, const QString &newText, int context)
{
    const QList<LineDiff::Line> lines = differentListsDiff(LineDiff::splitLines(oldText), LineDiff::splitLines(newText));
    qsizetype i = 0;
    while (i < lines.size()) {
        const LineDiff::Line &line = lines.at(i);
        if (line.op == LineDiff::Op::Equal) {
            m_all << Row{.kind = Kind::Equal, .oldLine = line.oldLine, .newLine = line.newLine, .oldText = line.text,
                         .newText = line.text};
            ++i;
            continue;
        }
        // Myers may interleave deletions and insertions inside one change; the side-by-side view
        // shows all deletions of the change against all its insertions.
        QList<LineDiff::Line> deleted;
        QList<LineDiff::Line> inserted;
        for (; i < lines.size() && lines.at(i).op != LineDiff::Op::Equal; ++i)
            (lines.at(i).op == LineDiff::Op::Delete ? deleted : inserted) << lines.at(i);
        appendChange(m_all, deleted, inserted, m_changeCount++);
    }

    // Identical texts stay unfolded: there is no change to give context to.
    context = std::max(context, 0);
    for (qsizetype start = 0; m_changeCount > 0 && start < m_all.size();) {
        if (m_all.at(start).kind != Kind::Equal) {
            ++start;
            continue;
        }
        qsizetype end = start;
        while (end < m_all.size() && m_all.at(end).kind == Kind::Equal)
            ++end;
        if (end - start > 2 * context) {
            const qsizetype first = start == 0 ? start : start + context;
            const qsizetype last = end == m_all.size() ? end : end - context;
            m_folds << Fold{int(first), int(last - first), true};
        }
        start = end;
    }
    rebuild();
}

void SideBySideRows::rebuild()
{
    m_rows.clear();
    m_rowFold.clear();
    m_foldCount = 0;
    m_changeRows = QList<QPair<int, int>>(m_changeCount, {-1, -1});
    qsizetype nextFold = 0;
    for (qsizetype i = 0; i < m_all.size();) {
        if (nextFold < m_folds.size() && m_folds.at(nextFold).first == i) {
            const Fold &fold = m_folds.at(nextFold);
            if (fold.folded) {
                const Row &first = m_all.at(i);
                m_rows << Row{.kind = Kind::Folded, .oldLine = first.oldLine, .newLine = first.newLine,
                              .foldedLines = fold.count};
                m_rowFold << int(nextFold);
                ++m_foldCount;
                i += fold.count;
                ++nextFold;
                continue;
            }
            ++nextFold;
        }
        const Row &row = m_all.at(i);
        if (row.change >= 0) {
            QPair<int, int> &range = m_changeRows[row.change];
            if (range.first < 0)
                range.first = int(m_rows.size());
            range.second = int(m_rows.size());
        }
        m_rows << row;
        m_rowFold << -1;
        ++i;
    }
}

QPair<int, int> SideBySideRows::rowsOfChange(int change) const
{
    return change >= 0 && change < m_changeRows.size() ? m_changeRows.at(change) : QPair<int, int>(-1, -1);
}

bool SideBySideRows::expand(int row)
{
    if (row < 0 || row >= m_rowFold.size() || m_rowFold.at(row) < 0)
        return false;
    m_folds[m_rowFold.at(row)].folded = false;
    rebuild();
    return true;
}

void SideBySideRows::expandAll()
{
    if (m_foldCount == 0)
        return;
    for (Fold &fold : m_folds)
        fold.folded = false;
    rebuild();
}

QPair<SideBySideRows::Segments, SideBySideRows::Segments> SideBySideRows::intraLineSegments(const QString &oldLine,
                                                                                          const QString &newLine)
{
    WordDiff diff = wordDiff(oldLine, newLine);
    mergeAcrossBlanks(diff.oldSegments, oldLine);
    mergeAcrossBlanks(diff.newSegments, newLine);
    return {diff.oldSegments, diff.newSegments};
}

double SideBySideRows::similarity(const QString &oldLine, const QString &newLine)
{
    const int total = nonBlankLength(oldLine) + nonBlankLength(newLine);
    if (total == 0)
        return 1.0;
    return 2.0 * wordDiff(oldLine, newLine).commonNonBlank / total;
}

} // namespace studio
