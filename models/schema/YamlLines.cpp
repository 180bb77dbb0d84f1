// SPDX-License-Identifier: MIT
#include "schema/YamlLines_p.h"

namespace studio::yamllines {

static int skipBlanks(QStringView s, int p, int end)
{
    while (p < end && isBlank(s[p]))
        ++p;
    return p;
}

/// Column of the quote closing the quoted scalar that opens at `p`; -1 when this line does not close it.
static int closingQuote(QStringView s, int p)
{
    const QChar quote = s[p];
    for (int j = p + 1; j < s.size(); ++j) {
        if (quote == u'"' && s[j] == u'\\') {
            ++j;
        } else if (s[j] == quote) {
            if (quote == u'\'' && j + 1 < s.size() && s[j + 1] == u'\'')
                ++j; // '' is an escaped quote
            else
                return j;
        }
    }
    return -1;
}

/// The content of a quoted scalar written on one line (quotes included in `s`).
QString unquote(QStringView s)
{
    if (s.size() < 2)
        return s.toString();
    const QStringView inner = s.mid(1, s.size() - 2);
    if (s.front() == u'\'')
        return inner.toString().replace(QStringLiteral("''"), QStringLiteral("'"));
    QString out;
    out.reserve(inner.size());
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner[i] == u'\\' && i + 1 < inner.size()) {
            const QChar c = inner[++i];
            out += c == u'n' ? QChar(u'\n') : c == u't' ? QChar(u'\t') : c;
        } else {
            out += inner[i];
        }
    }
    return out;
}

/// Column of a '#' that starts a comment in the value starting at `from`; -1 when there is none. A
/// quoted value that this line does not close hides everything after it.
static int commentStart(QStringView s, int from)
{
    int j = from;
    if (j < s.size() && (s[j] == u'"' || s[j] == u'\'')) {
        const int close = closingQuote(s, j);
        if (close < 0)
            return -1;
        j = close + 1;
    }
    for (; j < s.size(); ++j) {
        if (s[j] == u'#' && (j == 0 || isBlank(s[j - 1])))
            return j;
    }
    return -1;
}

/// Skips the anchors ("&base") and tags ("!!str", "!secret") in front of a value.
static int skipProperties(QStringView s, int p, int end)
{
    while (p < end && (s[p] == u'&' || s[p] == u'!')) {
        while (p < end && !isBlank(s[p]))
            ++p;
        p = skipBlanks(s, p, end);
    }
    return p;
}

static Follow classify(QStringView s, int start, int end)
{
    const int p = skipProperties(s, start, end);
    if (p >= end)
        return Follow::Nested;
    if (s[p] == u'|' || s[p] == u'>') {
        int j = p + 1;
        while (j < end && ((s[j] >= u'0' && s[j] <= u'9') || s[j] == u'+' || s[j] == u'-'))
            ++j;
        if (j == end)
            return Follow::Block;
    }
    return Follow::Inline;
}

/// Reads "key:" at `p` into `token`; false when the text there is not a mapping key.
static bool readKey(QStringView s, int p, Token &token)
{
    const int n = int(s.size());
    if (p >= n)
        return false;
    const QChar c = s[p];
    if (c == u'"' || c == u'\'') {
        const int close = closingQuote(s, p);
        if (close < 0)
            return false;
        const int colon = skipBlanks(s, close + 1, n);
        // A quoted key may be followed by ':' without a space, as in JSON.
        if (colon >= n || s[colon] != u':')
            return false;
        token.key = unquote(s.mid(p, close - p + 1));
        token.quoted = true;
        token.colon = colon;
    } else {
        static const QString indicators = QStringLiteral("[]{}#&*!|>%@`,?\"'");
        if (indicators.contains(c))
            return false;
        int colon = -1;
        for (int j = p; j < n && colon < 0; ++j) {
            if (s[j] == u'#' && j > p && isBlank(s[j - 1]))
                return false; // a comment starts before any "key:"
            if (s[j] == u':' && (j + 1 == n || isBlank(s[j + 1])))
                colon = j;
        }
        if (colon < 0)
            return false;
        const QStringView key = s.mid(p, colon - p).trimmed();
        if (key.isEmpty())
            return false;
        token.key = key.toString();
        token.colon = colon;
    }
    token.kind = Token::Key;
    token.column = p;
    return true;
}

LineInfo parseLine(QStringView s)
{
    LineInfo info;
    const int n = int(s.size());
    int p = skipBlanks(s, 0, n);
    info.indent = p;
    info.textStart = info.textEnd = n;
    if (p == n)
        return info;
    if (s[p] == u'#' || (p == 0 && s[0] == u'%')) { // directives are as inert as comments here
        info.kind = LineInfo::Comment;
        info.comment = p;
        return info;
    }
    if (p == 0 && n >= 3 && (s.startsWith(u"---") || s.startsWith(u"...")) && (n == 3 || isBlank(s[3]))) {
        info.kind = LineInfo::Marker;
        return info;
    }
    info.kind = LineInfo::Content;
    while (p < n && s[p] == u'-' && (p + 1 == n || isBlank(s[p + 1]))) {
        Token item;
        item.kind = Token::Item;
        item.column = p;
        item.follow = Follow::SameLine;
        info.tokens << item;
        p = skipBlanks(s, p + 1, n);
    }
    Token key;
    if (readKey(s, p, key)) {
        info.tokens << key;
        p = skipBlanks(s, key.colon + 1, n);
    }
    info.textStart = p;
    info.comment = commentStart(s, p);
    int end = info.comment >= 0 ? info.comment : n;
    while (end > p && isBlank(s[end - 1]))
        --end;
    info.textEnd = end;
    if (!info.tokens.isEmpty())
        info.tokens.last().follow = classify(s, info.textStart, info.textEnd);
    return info;
}

struct TokenRef {
    int line = -1;
    int token = -1;
    bool valid() const { return line >= 0; }
};

/// The token that holds a node written at `column` of `line` when nothing on that line holds it:
/// walking up, the first line with a token left of `column` (or, for an item, a "key:" at the same
/// column: a sequence may sit at its key's indentation). Lines with their first token right of
/// `column` belong to deeper nodes and are passed over; block scalar bodies are always deeper than
/// their header, so they are passed over too. On the way, counts the items of the same sequence and
/// collects the keys of the same mapping.
static TokenRef findParent(const Lines &lines, int line, int column, bool isItem, int *itemIndex, QStringList *siblingKeys)
{
    int items = 0;
    TokenRef parent;
    for (int j = line - 1; j >= 0 && !parent.valid(); --j) {
        const LineInfo info = parseLine(lines.at(j));
        if (info.kind == LineInfo::Marker)
            break;
        if (info.tokens.isEmpty() || info.tokens.first().column > column)
            continue;
        int left = -1;
        int same = -1;
        for (int k = 0; k < info.tokens.size(); ++k) {
            if (info.tokens[k].column < column)
                left = k;
            else if (info.tokens[k].column == column)
                same = k;
        }
        if (same >= 0) {
            const Token &token = info.tokens[same];
            if (token.kind == Token::Key && isItem && token.follow == Follow::Nested) {
                parent = {j, same};
                break;
            }
            if (token.kind == Token::Key && !isItem && siblingKeys)
                *siblingKeys << token.key;
            else if (token.kind == Token::Item && isItem)
                ++items;
        }
        if (left >= 0)
            parent = {j, left};
    }
    if (itemIndex)
        *itemIndex = items;
    return parent;
}

struct Step {
    Token token;
    int index = 0; ///< items: position in their sequence
};

/// `start` and the tokens that hold it, innermost first.
static std::vector<Step> ancestry(const Lines &lines, TokenRef start)
{
    std::vector<Step> chain;
    TokenRef current = start;
    while (current.valid()) {
        const LineInfo info = parseLine(lines.at(current.line));
        Step step{info.tokens.at(current.token), 0};
        TokenRef parent;
        if (current.token > 0) // held by the token before it on the same line, and its first entry
            parent = {current.line, current.token - 1};
        else
            parent = findParent(lines, current.line, step.token.column, step.token.kind == Token::Item, &step.index,
                                nullptr);
        chain.push_back(step);
        current = parent;
    }
    return chain;
}

static QString segment(const Step &step)
{
    return step.token.kind == Token::Key ? step.token.key : u'[' + QString::number(step.index) + u']';
}

/// The path of chain[from] (chain is innermost first).
static QStringList pathOf(const std::vector<Step> &chain, size_t from)
{
    QStringList path;
    for (size_t i = chain.size(); i-- > from;)
        path << segment(chain[i]);
    return path;
}

/// Keys at `column` on the lines after `line`, until the collection at that column ends.
static void collectKeysBelow(const Lines &lines, int line, int column, QStringList &keys)
{
    for (int j = line + 1; j < lines.count(); ++j) {
        const LineInfo info = parseLine(lines.at(j));
        if (info.kind == LineInfo::Marker)
            break;
        if (info.tokens.isEmpty())
            continue;
        const Token &first = info.tokens.first();
        if (first.column < column)
            break;
        if (first.column == column && first.kind == Token::Key)
            keys << first.key;
    }
}

/// An ancestor that cannot have children (a block scalar header, or a key or item with a value on its
/// own line) means the cursor is in that scalar's text: the context becomes free text in its value.
/// chain[from..] are the ancestors to check, innermost first; the outermost such ancestor wins.
static void applyScalarAncestor(const std::vector<Step> &chain, size_t from, CursorContext &context)
{
    for (size_t i = chain.size(); i-- > from;) {
        const Step &step = chain[i];
        if (step.token.follow != Follow::Block && step.token.follow != Follow::Inline)
            continue;
        context.mappingPath = pathOf(chain, i + 1);
        context.currentKey.clear();
        if (step.token.kind == Token::Key)
            context.currentKey = step.token.key;
        else
            context.mappingPath << segment(step);
        context.inValue = true;
        context.inFreeText = true;
        context.prefix.clear();
        context.siblingKeys.clear();
        return;
    }
}

/// The word typed from `start` to the cursor at `at`, an opening quote left out.
static void setPrefix(CursorContext &context, QStringView s, int start, int at)
{
    if (at <= start) {
        context.prefix.clear();
        context.prefixColumn = at + 1;
        return;
    }
    context.prefixColumn = start + 1;
    const int from = (s[start] == u'"' || s[start] == u'\'') ? start + 1 : start;
    context.prefix = from < at ? s.mid(from, at - from).toString() : QString();
}

CursorContext contextIn(const Lines &lines, int line, int column)
{
    CursorContext context;
    if (line < 1 || line > lines.count())
        return context;
    const int i = line - 1;
    const QStringView s = lines.at(i);
    const LineInfo info = parseLine(s);
    const int col = std::clamp(column - 1, 0, int(s.size()));
    context.prefixColumn = col + 1;

    // A key typed at `probe` on this line, with nothing left of it on the line.
    const auto probeKey = [&](int probe) {
        QStringList siblings;
        const std::vector<Step> chain = ancestry(lines, findParent(lines, i, probe, false, nullptr, &siblings));
        collectKeysBelow(lines, i, probe, siblings);
        context.mappingPath = pathOf(chain, 0);
        context.siblingKeys = siblings;
        applyScalarAncestor(chain, 0, context);
    };

    switch (info.kind) {
    case LineInfo::Marker:
        context.inFreeText = true;
        return context;
    case LineInfo::Blank:
        probeKey(col);
        return context;
    case LineInfo::Comment:
        probeKey(std::min(col, info.indent));
        context.inFreeText = true;
        context.prefix.clear();
        return context;
    case LineInfo::Content:
        break;
    }

    const bool inComment = info.comment >= 0 && col > info.comment;
    const int at = inComment ? info.comment : col;
    // The innermost token the cursor is in: after an item's '-', or from a key's first character on.
    int k = -1;
    for (int t = 0; t < info.tokens.size(); ++t) {
        const Token &token = info.tokens[t];
        if (token.kind == Token::Item ? token.column < at : token.column <= at)
            k = t;
    }

    if (k < 0) {
        if (info.tokens.isEmpty() && at >= info.indent) {
            // A word without a colon yet: a key being typed (or the scalar value of the key above).
            probeKey(info.indent);
            if (!context.inFreeText)
                setPrefix(context, s, info.indent, std::min(at, info.textEnd));
        } else {
            probeKey(at); // in the indentation, or before a '-'
        }
    } else if (info.tokens[k].kind == Token::Key) {
        const Token &key = info.tokens[k];
        QStringList siblings;
        const TokenRef parent =
            k > 0 ? TokenRef{i, k - 1} : findParent(lines, i, key.column, false, nullptr, &siblings);
        const std::vector<Step> chain = ancestry(lines, parent);
        collectKeysBelow(lines, i, key.column, siblings);
        context.mappingPath = pathOf(chain, 0);
        context.siblingKeys = siblings;
        context.currentKey = key.key;
        if (at <= key.colon) {
            setPrefix(context, s, key.column, at);
        } else {
            context.inValue = true;
            setPrefix(context, s, skipProperties(s, info.textStart, info.textEnd), at);
        }
        applyScalarAncestor(chain, 0, context);
    } else {
        // After "- ": the item itself is the node being written (its first key, or its scalar).
        const Token &item = info.tokens[k];
        const bool last = k == info.tokens.size() - 1;
        const std::vector<Step> chain = ancestry(lines, TokenRef{i, k});
        context.mappingPath = pathOf(chain, 0);
        const int content = last ? std::max(info.textStart, item.column + 2) : info.tokens[k + 1].column;
        QStringList siblings;
        collectKeysBelow(lines, i, content, siblings);
        context.siblingKeys = siblings;
        if (last)
            setPrefix(context, s, skipProperties(s, info.textStart, info.textEnd), at);
        applyScalarAncestor(chain, 1, context);
    }

    if (inComment) {
        context.inFreeText = true;
        context.prefix.clear();
        context.prefixColumn = col + 1;
    }
    context.siblingKeys.removeDuplicates();
    return context;
}

} // namespace studio::yamllines
