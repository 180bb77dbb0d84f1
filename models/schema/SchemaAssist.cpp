// SPDX-License-Identifier: MIT
#include "schema/SchemaAssist.h"

#include "yaml/YamlJson.h"
#include "yaml/YamlNode.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

namespace studio {

namespace {

// ---------------------------------------------------------------------------------------------
// A line-by-line reading of YAML block structure. Nothing here builds a tree: each question is
// answered by looking at a few lines, so text that does not parse elsewhere changes nothing.

bool isBlank(QChar c)
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

int skipBlanks(QStringView s, int p, int end)
{
    while (p < end && isBlank(s[p]))
        ++p;
    return p;
}

/// Column of the quote closing the quoted scalar that opens at `p`; -1 when this line does not close it.
int closingQuote(QStringView s, int p)
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
int commentStart(QStringView s, int from)
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
int skipProperties(QStringView s, int p, int end)
{
    while (p < end && (s[p] == u'&' || s[p] == u'!')) {
        while (p < end && !isBlank(s[p]))
            ++p;
        p = skipBlanks(s, p, end);
    }
    return p;
}

Follow classify(QStringView s, int start, int end)
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
bool readKey(QStringView s, int p, Token &token)
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
TokenRef findParent(const Lines &lines, int line, int column, bool isItem, int *itemIndex, QStringList *siblingKeys)
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
std::vector<Step> ancestry(const Lines &lines, TokenRef start)
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

QString segment(const Step &step)
{
    return step.token.kind == Token::Key ? step.token.key : u'[' + QString::number(step.index) + u']';
}

/// The path of chain[from] (chain is innermost first).
QStringList pathOf(const std::vector<Step> &chain, size_t from)
{
    QStringList path;
    for (size_t i = chain.size(); i-- > from;)
        path << segment(chain[i]);
    return path;
}

/// Keys at `column` on the lines after `line`, until the collection at that column ends.
void collectKeysBelow(const Lines &lines, int line, int column, QStringList &keys)
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
void applyScalarAncestor(const std::vector<Step> &chain, size_t from, CursorContext &context)
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
void setPrefix(CursorContext &context, QStringView s, int start, int at)
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

// ---------------------------------------------------------------------------------------------
// Schema side.

/// Resolves a local JSON pointer ("#/definitions/x" without the '#').
QJsonValue resolvePointer(const QJsonObject &root, const QString &pointer)
{
    QJsonValue current(root);
    const QStringList parts = pointer.split(u'/', Qt::SkipEmptyParts);
    for (QString part : parts) {
        part.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (current.isObject()) {
            current = current.toObject().value(part);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            current = ok ? current.toArray().at(index) : QJsonValue();
        } else {
            return {};
        }
    }
    return current;
}

/// `schema`, the target of its local $ref and its allOf/anyOf/oneOf branches, recursively. Bounded,
/// so a recursive schema ("#" referring to itself) ends.
void expand(const QJsonObject &root, const QJsonObject &schema, QList<QJsonObject> &out, int depth = 0)
{
    if (depth > 8 || out.size() > 256)
        return;
    out << schema;
    const QString ref = schema.value(QLatin1String("$ref")).toString();
    if (ref.startsWith(u'#')) {
        const QJsonValue target = resolvePointer(root, ref.mid(1));
        if (target.isObject())
            expand(root, target.toObject(), out, depth + 1);
    }
    for (const char *keyword : {"allOf", "anyOf", "oneOf"}) {
        const QJsonArray branches = schema.value(QLatin1String(keyword)).toArray();
        for (const QJsonValue &branch : branches) {
            if (branch.isObject())
                expand(root, branch.toObject(), out, depth + 1);
        }
    }
}

QString firstString(const QList<QJsonObject> &schemas, QLatin1String keyword)
{
    for (const QJsonObject &schema : schemas) {
        const QString text = schema.value(keyword).toString();
        if (!text.isEmpty())
            return text;
    }
    return {};
}

QString jsonTypeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return std::trunc(d) == d ? QStringLiteral("integer") : QStringLiteral("number");
    }
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    default: return QStringLiteral("null");
    }
}

QStringList typesOf(const QList<QJsonObject> &schemas)
{
    QStringList types;
    for (const QJsonObject &schema : schemas) {
        const QJsonValue type = schema.value(QLatin1String("type"));
        if (type.isString())
            types << type.toString();
        for (const QJsonValue &t : type.toArray())
            types << t.toString();
        if (schema.value(QLatin1String("x-kubernetes-int-or-string")).toBool())
            types << QStringLiteral("integer") << QStringLiteral("string");
    }
    if (types.isEmpty()) {
        for (const QJsonObject &schema : schemas) {
            if (schema.contains(QLatin1String("properties"))
                || schema.value(QLatin1String("additionalProperties")).isObject())
                types << QStringLiteral("object");
            else if (schema.contains(QLatin1String("items")))
                types << QStringLiteral("array");
            for (const QJsonValue &value : schema.value(QLatin1String("enum")).toArray())
                types << jsonTypeOf(value);
        }
    }
    types.removeAll(QString());
    types.removeDuplicates();
    if (types.size() > 1) // Kubernetes schemas make every optional field nullable: noise in a tooltip
        types.removeAll(QStringLiteral("null"));
    return types;
}

QString joinTypes(const QStringList &types)
{
    if (types.size() <= 1)
        return types.value(0);
    return types.mid(0, types.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + types.last();
}

QString typeText(const QJsonObject &root, const QList<QJsonObject> &schemas)
{
    const QStringList types = typesOf(schemas);
    if (types == QStringList{QStringLiteral("array")}) {
        for (const QJsonObject &schema : schemas) {
            const QJsonValue items = schema.value(QLatin1String("items"));
            if (!items.isObject())
                continue;
            QList<QJsonObject> itemSchemas;
            expand(root, items.toObject(), itemSchemas);
            const QStringList itemTypes = typesOf(itemSchemas);
            if (itemTypes.size() == 1)
                return QStringLiteral("array of ") + itemTypes.first();
        }
    }
    return joinTypes(types);
}

bool describesObject(const QList<QJsonObject> &schemas)
{
    for (const QJsonObject &schema : schemas) {
        if (!schema.value(QLatin1String("properties")).toObject().isEmpty()
            || schema.value(QLatin1String("additionalProperties")).isObject()
            || schema.value(QLatin1String("patternProperties")).isObject())
            return true;
    }
    return typesOf(schemas).contains(QStringLiteral("object"));
}

QList<Completion> keyCompletions(const QJsonObject &root, const QList<QJsonObject> &schemas,
                                 const QStringList &present)
{
    QList<Completion> out;
    QSet<QString> seen;
    for (const QJsonObject &schema : schemas) {
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            if (present.contains(it.key()) || seen.contains(it.key()))
                continue;
            seen.insert(it.key());
            QList<QJsonObject> property;
            expand(root, it.value().toObject(), property);
            Completion completion;
            completion.kind = Completion::Key;
            completion.label = it.key();
            completion.insertText = SchemaAssist::toYamlScalar(it.key()) + QStringLiteral(": ");
            completion.detail = typeText(root, property);
            completion.documentation = firstString(property, QLatin1String("description"));
            out << completion;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Completion &a, const Completion &b) {
        return a.label.compare(b.label, Qt::CaseInsensitive) < 0;
    });
    return out;
}

QList<Completion> valueCompletions(const QList<QJsonObject> &schemas)
{
    QList<Completion> out;
    QSet<QString> seen;
    const QString description = firstString(schemas, QLatin1String("description"));
    const auto add = [&](const QJsonValue &value, const QString &detail) {
        const QString text = SchemaAssist::toYamlScalar(value);
        if (text.isEmpty() || seen.contains(text))
            return;
        seen.insert(text);
        Completion completion;
        completion.kind = Completion::Value;
        completion.label = value.isString() ? value.toString() : text;
        completion.insertText = text;
        completion.detail = detail;
        completion.documentation = description;
        out << completion;
    };
    for (const QJsonObject &schema : schemas) {
        if (schema.contains(QLatin1String("default"))) {
            add(schema.value(QLatin1String("default")), QStringLiteral("default"));
            break;
        }
    }
    bool enumerated = false;
    for (const QJsonObject &schema : schemas) {
        const QJsonArray values = schema.value(QLatin1String("enum")).toArray();
        for (const QJsonValue &value : values)
            add(value, QStringLiteral("allowed value"));
        enumerated = enumerated || !values.isEmpty();
        if (schema.contains(QLatin1String("const"))) {
            add(schema.value(QLatin1String("const")), QStringLiteral("allowed value"));
            enumerated = true;
        }
    }
    if (!enumerated && typesOf(schemas).contains(QStringLiteral("boolean"))) {
        add(true, QStringLiteral("boolean"));
        add(false, QStringLiteral("boolean"));
    }
    return out;
}

QList<Completion> filtered(const QList<Completion> &all, const QString &prefix)
{
    if (prefix.isEmpty())
        return all;
    QList<Completion> starting;
    QList<Completion> containing;
    for (const Completion &completion : all) {
        if (completion.label.startsWith(prefix, Qt::CaseInsensitive))
            starting << completion;
        else if (completion.label.contains(prefix, Qt::CaseInsensitive))
            containing << completion;
    }
    return starting + containing;
}

/// True when `text` written as a plain YAML scalar reads back as this very string, under YAML 1.2
/// and under the YAML 1.1 rules Kubernetes and Helm (go-yaml) still apply.
bool isPlainSafe(const QString &text)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    if (yaml::resolvePlainScalar(text) != yaml::ScalarType::String)
        return false;
    static const QStringList yaml11Words = {QStringLiteral("y"),  QStringLiteral("n"),  QStringLiteral("yes"),
                                            QStringLiteral("no"), QStringLiteral("on"), QStringLiteral("off")};
    if (yaml11Words.contains(text.toLower()))
        return false;
    const QChar first = text.front();
    // Anything that starts like a number: versions ("1.0"), dates, YAML 1.1 octal and sexagesimal.
    if (first.isDigit())
        return false;
    if ((first == u'-' || first == u'+' || first == u'.') && text.size() > 1 && text.at(1).isDigit())
        return false;
    static const QString indicators = QStringLiteral("[]{}#&*!|>'\"%@`,");
    if (indicators.contains(first))
        return false;
    if ((first == u'-' || first == u'?' || first == u':') && text.size() == 1)
        return false;
    return !(text.contains(QStringLiteral(": ")) || text.contains(QStringLiteral(" #")) || text.endsWith(u':'));
}

/// The value as JSON text; JSON is valid YAML flow syntax (a JSON string is a double-quoted scalar).
QString compactJson(const QJsonValue &value)
{
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

// ---------------------------------------------------------------------------------------------

QStringList CursorContext::valuePath() const
{
    QStringList path = mappingPath;
    if (inValue && !currentKey.isEmpty())
        path << currentKey;
    return path;
}

bool HoverInfo::valid() const
{
    return !path.isEmpty()
           && (!type.isEmpty() || !description.isEmpty() || !title.isEmpty() || !defaultValue.isEmpty()
               || !allowedValues.isEmpty());
}

QString HoverInfo::toHtml() const
{
    QString html = QStringLiteral("<b>") + yaml::formatPath(path).toHtmlEscaped() + QStringLiteral("</b>");
    if (!type.isEmpty())
        html += QStringLiteral(" <i>") + type.toHtmlEscaped() + QStringLiteral("</i>");
    if (!title.isEmpty())
        html += QStringLiteral("<br/>") + title.toHtmlEscaped();
    if (!description.isEmpty())
        html += QStringLiteral("<p>") + description.toHtmlEscaped().replace(u'\n', QStringLiteral("<br/>"))
                + QStringLiteral("</p>");
    if (!defaultValue.isEmpty())
        html += QStringLiteral("<p>Default: <code>") + defaultValue.toHtmlEscaped() + QStringLiteral("</code></p>");
    if (!allowedValues.isEmpty()) {
        constexpr qsizetype shown = 30; // a tooltip, not a reference page
        QStringList values;
        for (const QString &value : allowedValues.mid(0, shown))
            values << QStringLiteral("<code>") + value.toHtmlEscaped() + QStringLiteral("</code>");
        if (allowedValues.size() > shown)
            values << QStringLiteral("… (%1 more)").arg(allowedValues.size() - shown);
        html += QStringLiteral("<p>Allowed values: ") + values.join(QStringLiteral(", ")) + QStringLiteral("</p>");
    }
    return html;
}

QStringList SchemaAssist::pathAt(const QString &text, int line, int column)
{
    return contextAt(text, line, column).valuePath();
}

CursorContext SchemaAssist::contextAt(const QString &text, int line, int column)
{
    return contextIn(Lines(text), line, column);
}

QList<Completion> SchemaAssist::completions(const CompiledSchema &schema, const CursorContext &context)
{
    if (context.inFreeText)
        return {};
    const QJsonObject &root = schema.json();
    QList<Completion> all;
    if (context.inValue) {
        all = valueCompletions(schemasAt(root, context.valuePath()));
    } else {
        const QList<QJsonObject> schemas = schemasAt(root, context.mappingPath);
        all = describesObject(schemas) ? keyCompletions(root, schemas, context.siblingKeys) : valueCompletions(schemas);
    }
    return filtered(all, context.prefix);
}

HoverInfo SchemaAssist::hoverAt(const CompiledSchema &schema, const QString &text, int line, int column)
{
    HoverInfo hover;
    const Lines lines(text);
    if (line < 1 || line > lines.count())
        return hover;
    const QStringView s = lines.at(line - 1);
    const LineInfo info = parseLine(s);
    const int at = column - 1;
    if (info.kind != LineInfo::Content || at < info.indent || at >= s.size()
        || (info.comment >= 0 && at >= info.comment))
        return hover;

    const CursorContext context = contextIn(lines, line, column);
    QStringList path;
    if (!context.currentKey.isEmpty()) {
        path = context.mappingPath;
        path << context.currentKey;
    } else if (!info.tokens.isEmpty() && info.tokens.last().kind == Token::Item && at > info.tokens.last().column
               && !context.mappingPath.isEmpty()) {
        path = context.mappingPath; // the scalar of a "- value" item
    } else {
        return hover;
    }

    const QJsonObject &root = schema.json();
    const QList<QJsonObject> schemas = schemasAt(root, path);
    hover.path = path;
    if (schemas.isEmpty())
        return hover;
    hover.type = typeText(root, schemas);
    hover.title = firstString(schemas, QLatin1String("title"));
    hover.description = firstString(schemas, QLatin1String("description"));
    for (const QJsonObject &candidate : schemas) {
        if (candidate.contains(QLatin1String("default"))) {
            hover.defaultValue = toYamlScalar(candidate.value(QLatin1String("default")));
            break;
        }
    }
    for (const QJsonObject &candidate : schemas) {
        for (const QJsonValue &value : candidate.value(QLatin1String("enum")).toArray())
            hover.allowedValues << toYamlScalar(value);
    }
    hover.allowedValues.removeDuplicates();
    return hover;
}

std::optional<ResourceType> SchemaAssist::resourceTypeAt(const QString &text, int line)
{
    const Lines lines(text);
    if (line < 1 || line > lines.count())
        return std::nullopt;
    const auto isMarker = [&](int index) { return parseLine(lines.at(index)).kind == LineInfo::Marker; };
    int begin = line - 1;
    if (isMarker(begin)) {
        ++begin; // a "---" line starts the document below it
    } else {
        while (begin > 0 && !isMarker(begin - 1))
            --begin;
    }
    QString apiVersion;
    QString kind;
    for (int j = begin; j < lines.count() && (apiVersion.isEmpty() || kind.isEmpty()); ++j) {
        const QStringView s = lines.at(j);
        const LineInfo info = parseLine(s);
        if (info.kind == LineInfo::Marker)
            break;
        if (info.tokens.size() != 1 || info.tokens.first().kind != Token::Key || info.tokens.first().column != 0)
            continue;
        const QString &key = info.tokens.first().key;
        QString *target = key == u"apiVersion" ? &apiVersion : key == u"kind" ? &kind : nullptr;
        if (!target || !target->isEmpty())
            continue;
        const QStringView value = s.mid(info.textStart, info.textEnd - info.textStart);
        const bool quoted = value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'')
                            && value.back() == value.front();
        *target = quoted ? unquote(value) : value.toString();
        if (target->isEmpty())
            *target = QStringLiteral(" "); // present but empty: stays unusable, but is not looked up again
    }
    apiVersion = apiVersion.trimmed();
    kind = kind.trimmed();
    if (apiVersion.isEmpty() || kind.isEmpty() || apiVersion.contains(QStringLiteral("{{"))
        || kind.contains(QStringLiteral("{{")))
        return std::nullopt;
    return ResourceType{apiVersion, kind};
}

QList<QJsonObject> SchemaAssist::schemasAt(const QJsonObject &root, const QStringList &path)
{
    QList<QJsonObject> current;
    expand(root, root, current);
    for (const QString &segment : path) {
        QList<QJsonObject> next;
        const bool isIndex = segment.startsWith(u'[') && segment.endsWith(u']');
        for (const QJsonObject &schema : std::as_const(current)) {
            if (isIndex) {
                const QJsonValue items = schema.value(QLatin1String("items"));
                if (items.isObject()) {
                    expand(root, items.toObject(), next);
                } else if (items.isArray()) { // tuple form
                    const int index = QStringView(segment).mid(1, segment.size() - 2).toInt();
                    const QJsonArray tuple = items.toArray();
                    if (index >= 0 && index < tuple.size())
                        expand(root, tuple.at(index).toObject(), next);
                    else if (schema.value(QLatin1String("additionalItems")).isObject())
                        expand(root, schema.value(QLatin1String("additionalItems")).toObject(), next);
                }
                continue;
            }
            const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
            if (properties.contains(segment)) {
                expand(root, properties.value(segment).toObject(), next);
                continue;
            }
            bool matched = false;
            const QJsonObject patterns = schema.value(QLatin1String("patternProperties")).toObject();
            for (auto it = patterns.begin(); it != patterns.end(); ++it) {
                const QRegularExpression pattern(it.key());
                if (pattern.isValid() && pattern.match(segment).hasMatch()) {
                    expand(root, it.value().toObject(), next);
                    matched = true;
                }
            }
            if (!matched && schema.value(QLatin1String("additionalProperties")).isObject())
                expand(root, schema.value(QLatin1String("additionalProperties")).toObject(), next);
        }
        current = next;
        if (current.isEmpty())
            break;
    }
    return current;
}

QString SchemaAssist::typeName(const QJsonObject &schema)
{
    QList<QJsonObject> schemas;
    expand(schema, schema, schemas);
    return typeText(schema, schemas);
}

QString SchemaAssist::toYamlScalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::String: return isPlainSafe(value.toString()) ? value.toString() : compactJson(value);
    case QJsonValue::Double:
    case QJsonValue::Array:
    case QJsonValue::Object: return compactJson(value);
    case QJsonValue::Undefined: break;
    }
    return {};
}

} // namespace studio
