// SPDX-License-Identifier: MIT
#include "diff/LineDiff.h"

#include <vector>

namespace studio {

QStringList LineDiff::splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(u'\n');
    if (text.endsWith(u'\n'))
        lines.removeLast();
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    return lines;
}

QList<LineDiff::Line> LineDiff::compute(const QString &oldText, const QString &newText)
{
    return compute(splitLines(oldText), splitLines(newText));
}

QList<LineDiff::Line> LineDiff::compute(const QStringList &a, const QStringList &b)
{
    // Common prefix and suffix first: most edits touch a few lines of a long file.
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    const int n = int(a.size() - prefix - suffix);
    const int m = int(b.size() - prefix - suffix);
    auto A = [&](int i) -> const QString & { return a[prefix + i]; };
    auto B = [&](int j) -> const QString & { return b[prefix + j]; };

    // Myers: V[k] = furthest x on diagonal k; each round's diagonals -d..d are kept to backtrack
    // (O(D²) memory). Very different texts (D beyond kMaxEdits) are shown as one replaced block
    // rather than exhausting memory.
    constexpr int kMaxEdits = 4000;
    const int max = n + m;
    std::vector<std::vector<int>> trace;
    std::vector<int> v(size_t(2 * max + 3), 0); // round 0 reads v[offset + 1] even when max is 0
    const int offset = max + 1;
    int finalD = -1;
    for (int d = 0; d <= qMin(max, kMaxEdits); ++d) {
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        bool done = false;
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                ? v[size_t(offset + k + 1)]
                : v[size_t(offset + k - 1)] + 1;
            int y = x - k;
            while (x < n && y < m && A(x) == B(y)) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                done = true;
                break;
            }
        }
        if (done) {
            finalD = d;
            break;
        }
    }
    QList<Line> middle;
    if (finalD < 0) {
        for (int i = 0; i < n; ++i)
            middle << Line{Op::Delete, A(i), 0, 0};
        for (int j = 0; j < m; ++j)
            middle << Line{Op::Insert, B(j), 0, 0};
    }
    // Backtrack from (n, m). Round d's slice holds the diagonals -(d-1)..(d-1) of round d-1's V,
    // stored when round d started: slice[k + d - 1].
    int x = n;
    int y = m;
    for (int d = qMax(finalD, 0); d > 0; --d) {
        const std::vector<int> &pv = trace[size_t(d)];
        auto prev = [&pv, d](int k) { return pv[size_t(k + d)]; }; // slice of round d: diagonals -d..d
        const int k = x - y;
        const int prevK = (k == -d || (k != d && prev(k - 1) < prev(k + 1))) ? k + 1 : k - 1;
        const int prevX = prev(prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            --x;
            --y;
            middle.prepend(Line{Op::Equal, A(x), 0, 0});
        }
        if (x == prevX)
            middle.prepend(Line{Op::Insert, B(--y), 0, 0});
        else
            middle.prepend(Line{Op::Delete, A(--x), 0, 0});
    }
    while (finalD >= 0 && x > 0 && y > 0) {
        --x;
        --y;
        middle.prepend(Line{Op::Equal, A(x), 0, 0});
    }

    QList<Line> result;
    for (qsizetype i = 0; i < prefix; ++i)
        result << Line{Op::Equal, a[i], 0, 0};
    result << middle;
    for (qsizetype i = a.size() - suffix; i < a.size(); ++i)
        result << Line{Op::Equal, a[i], 0, 0};
    int oldLine = 0;
    int newLine = 0;
    for (Line &line : result) {
        if (line.op != Op::Insert)
            line.oldLine = ++oldLine;
        if (line.op != Op::Delete)
            line.newLine = ++newLine;
    }
    return result;
}

QPair<int, int> LineDiff::stat(const QString &oldText, const QString &newText)
{
    int added = 0;
    int removed = 0;
    for (const Line &line : compute(oldText, newText)) {
        if (line.op == Op::Insert)
            ++added;
        else if (line.op == Op::Delete)
            ++removed;
    }
    return {added, removed};
}

QString LineDiff::unified(const QString &oldText, const QString &newText, const QString &oldName,
                          const QString &newName, int context)
{
    const QList<Line> lines = compute(oldText, newText);
    QString out;
    qsizetype i = 0;
    while (i < lines.size()) {
        if (lines[i].op == Op::Equal) {
            ++i;
            continue;
        }
        // A hunk: from `context` lines before this change to `context` lines after the last change
        // that is no more than 2*context lines away.
        qsizetype start = qMax<qsizetype>(0, i - context);
        qsizetype end = i;
        qsizetype lastChange = i;
        while (end < lines.size()) {
            if (lines[end].op != Op::Equal)
                lastChange = end;
            else if (end - lastChange > 2 * context)
                break;
            ++end;
        }
        end = qMin<qsizetype>(lines.size(), lastChange + context + 1);
        int oldStart = 0, oldCount = 0, newStart = 0, newCount = 0;
        QString body;
        for (qsizetype j = start; j < end; ++j) {
            const Line &l = lines[j];
            if (l.op != Op::Insert) {
                if (!oldStart)
                    oldStart = l.oldLine;
                ++oldCount;
            }
            if (l.op != Op::Delete) {
                if (!newStart)
                    newStart = l.newLine;
                ++newCount;
            }
            body += (l.op == Op::Equal ? u' ' : l.op == Op::Delete ? u'-' : u'+') + l.text + u'\n';
        }
        if (out.isEmpty())
            out += QStringLiteral("--- %1\n+++ %2\n").arg(oldName, newName);
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n").arg(oldStart).arg(oldCount).arg(newStart).arg(newCount) + body;
        i = end;
    }
    return out;
}

} // namespace studio
