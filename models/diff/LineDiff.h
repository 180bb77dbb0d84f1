// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

/// Line-by-line difference of two texts (Myers' O(ND) algorithm), as edit operations and as a
/// unified diff like `git diff` prints.
class LineDiff
{
public:
    enum class Op { Equal, Delete, Insert };
    struct Line {
        Op op;
        QString text;
        int oldLine; ///< 1-based, 0 for inserted lines
        int newLine; ///< 1-based, 0 for deleted lines
    };

    static QList<Line> compute(const QStringList &oldLines, const QStringList &newLines);
    static QList<Line> compute(const QString &oldText, const QString &newText);

    /// Unified diff with `context` lines around each change; empty when the texts are equal.
    static QString unified(const QString &oldText, const QString &newText, const QString &oldName,
                           const QString &newName, int context = 3);
    /// Number of added and removed lines, as `git diff --numstat` counts them.
    static QPair<int, int> stat(const QString &oldText, const QString &newText);

    static QStringList splitLines(const QString &text);
};

} // namespace studio
