// SPDX-License-Identifier: MIT
#pragma once

// Private to models/schema: a line-by-line reading of YAML block structure for completion and hover.
// Nothing here builds a tree: each question is answered by looking at a few lines, so text that does
// not parse elsewhere (the line being typed) changes nothing.

#include "schema/SchemaAssist.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <vector>

namespace studio::yamllines {

inline bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

/// The lines of a text as views, without their line breaks (a CR before the LF is dropped).
class Lines
{
public:
    explicit Lines(const QString &text)
    {
        const QStringView all(text);
        qsizetype start = 0;
        while (true) {
            const qsizetype newline = text.indexOf(u'\n', start);
            QStringView line = all.mid(start, (newline < 0 ? text.size() : newline) - start);
            if (line.endsWith(u'\r'))
                line.chop(1);
            m_lines.push_back(line);
            if (newline < 0)
                break;
            start = newline + 1;
        }
    }
    int count() const { return int(m_lines.size()); }
    QStringView at(int index) const { return m_lines[size_t(index)]; }

private:
    std::vector<QStringView> m_lines;
};

/// What follows a "- " or a "key:" on its line: it decides whether deeper lines are its children.
enum class Follow {
    Nested,   ///< nothing, or only an anchor, tag or comment: the children are on the following lines
    SameLine, ///< an item whose content starts on its own line ("- name: x", "- - a")
    Block,    ///< a block scalar header ("|", ">-"): deeper lines are its text
    Inline,   ///< a scalar or flow collection: deeper lines continue it
};

struct Token {
    enum Kind { Item, Key } kind = Key;
    int column = 0;     ///< of the '-', or of the key's first character (its quote when quoted)
    QString key;        ///< keys: the name, unquoted
    bool quoted = false;
    int colon = 0;      ///< keys: column of the ':'
    Follow follow = Follow::Nested;
};

struct LineInfo {
    enum Kind { Blank, Comment, Marker, Content } kind = Blank;
    int indent = 0;
    QList<Token> tokens; ///< "- " items, then at most one key, left to right
    int textStart = 0;   ///< where the text after the last token (or of a line without tokens) starts
    int textEnd = 0;     ///< where that text ends: before a comment and trailing blanks
    int comment = -1;    ///< column of the '#' that starts a comment
};

/// The structure of one line: its indentation, its "- " items and key, and where its text is.
LineInfo parseLine(QStringView s);
/// A quoted scalar's text, escapes resolved.
QString unquote(QStringView s);
/// Where the cursor (1-based line and column) stands in the block structure.
CursorContext contextIn(const Lines &lines, int line, int column);

} // namespace studio::yamllines
