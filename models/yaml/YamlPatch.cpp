// SPDX-License-Identifier: MIT
#include "yaml/YamlPatch.h"

#include "yaml/YamlJson.h"

namespace studio::yaml {

namespace {

bool isIndex(const QString &segment)
{
    return segment.startsWith(u'[') && segment.endsWith(u']');
}

QString newlineOf(const QString &source)
{
    return source.contains(QStringLiteral("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
}

/// Offset of the line break that ends the line containing `offset` (or the end of the text).
qsizetype lineEnd(const QString &source, qsizetype offset)
{
    qsizetype i = offset;
    while (i < source.size() && source[i] != u'\n' && source[i] != u'\r')
        ++i;
    return i;
}

/// Offset of the first character of the line containing `offset`.
qsizetype lineStart(const QString &source, qsizetype offset)
{
    qsizetype i = offset;
    while (i > 0 && source[i - 1] != u'\n')
        --i;
    return i;
}

/// Offset just past the line break ending the line containing `offset`.
qsizetype nextLineStart(const QString &source, qsizetype offset)
{
    qsizetype i = lineEnd(source, offset);
    if (i < source.size() && source[i] == u'\r')
        ++i;
    if (i < source.size() && source[i] == u'\n')
        ++i;
    return i;
}

/// Where a node's content starts, after its anchor and tag.
qsizetype contentStart(const QString &source, const YamlNode *node)
{
    qsizetype p = node->span.start.offset;
    if (node->anchor.isEmpty() && node->tag.isEmpty())
        return p;
    while (p < source.size() && (source[p] == u'&' || source[p] == u'!')) {
        while (p < source.size() && !source[p].isSpace())
            ++p;
        while (p < source.size() && (source[p] == u' ' || source[p] == u'\t'))
            ++p;
    }
    return p;
}

/// The indentation step the document uses for nested blocks (2 when it shows none).
int indentStep(const YamlNode *node, int depth = 0)
{
    if (depth > 64)
        return 0;
    if (node->kind == NodeKind::Mapping && !node->flow) {
        for (const YamlPair &p : node->pairs) {
            const YamlNode *v = p.value;
            if ((v->kind == NodeKind::Mapping || v->kind == NodeKind::Sequence) && !v->flow
                && v->span.start.line > p.key->span.start.line) {
                const int step = v->span.start.column - p.key->span.start.column;
                if (step > 0)
                    return step;
            }
            if (const int inner = indentStep(v, depth + 1))
                return inner;
        }
    } else if (node->kind == NodeKind::Sequence) {
        for (const YamlNode *item : node->items) {
            if (const int inner = indentStep(item, depth + 1))
                return inner;
        }
    }
    return 0;
}

bool isSafePlain(const QString &value, bool inFlow = false)
{
    if (inFlow && (value.contains(u',') || value.contains(u'[') || value.contains(u']') || value.contains(u'{')
                   || value.contains(u'}')))
        return false;
    if (value.isEmpty() || value.front().isSpace() || value.back().isSpace())
        return false;
    if (resolvePlainScalar(value) != ScalarType::String)
        return false;
    static const QString indicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    const QChar first = value.front();
    if (indicators.contains(first)) {
        const bool dashLike = (first == u'-' || first == u'?' || first == u':') && value.size() > 1 && !value[1].isSpace();
        if (!dashLike)
            return false;
    }
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c.unicode() < 0x20 || c == QChar(0x7f))
            return false;
        if (c == u':' && (i + 1 == value.size() || value[i + 1].isSpace()))
            return false;
        if (c == u'#' && i > 0 && value[i - 1].isSpace())
            return false;
    }
    return true;
}

QString doubleQuoted(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'"': out += QStringLiteral("\\\""); break;
        case u'\\': out += QStringLiteral("\\\\"); break;
        case u'\n': out += QStringLiteral("\\n"); break;
        case u'\t': out += QStringLiteral("\\t"); break;
        case u'\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20 || c == QChar(0x7f))
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString renderScalarKey(const QString &key)
{
    return isSafePlain(key) ? key : doubleQuoted(key);
}

/// Where the walk along a path ended.
struct Target {
    const YamlNode *node = nullptr;       ///< the node at the full path, if it exists
    const YamlNode *parent = nullptr;     ///< the deepest existing collection (or null scalar) on the path
    const YamlNode *parentKey = nullptr;  ///< the key whose value `parent` is (nullptr for roots and list items)
    const YamlNode *key = nullptr;        ///< the key of `node`, when it is a mapping value
    QStringList remaining;                ///< path segments that do not exist yet
    bool inFlow = false;                  ///< the target sits inside a flow collection
};

Result<Target> walk(const YamlNode *root, const QStringList &path)
{
    Target t;
    const YamlNode *node = root;
    const YamlNode *nodeKey = nullptr;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QString &segment = path.at(i);
        if (node->kind == NodeKind::Alias)
            return Error{Error::Code::Refused,
                         QStringLiteral("'%1' comes from the alias '*%2'; edit its anchor '&%2' instead")
                             .arg(formatPath(path.mid(0, i)), node->text)};
        const YamlNode *next = nullptr;
        const YamlNode *nextKey = nullptr;
        t.inFlow = t.inFlow || node->flow;
        if (node->kind == NodeKind::Mapping && !isIndex(segment)) {
            for (const YamlPair &p : node->pairs) {
                if (p.key->kind == NodeKind::Scalar && p.key->text == segment && !YamlNode::isMergeKey(p.key)) {
                    next = p.value;
                    nextKey = p.key;
                }
            }
        } else if (node->kind == NodeKind::Sequence && isIndex(segment)) {
            bool ok = false;
            const int index = QStringView(segment).mid(1, segment.size() - 2).toInt(&ok);
            if (!ok || index < 0 || size_t(index) >= node->items.size())
                return Error{Error::Code::NotFound,
                             QStringLiteral("'%1' has no item %2").arg(formatPath(path.mid(0, i)), segment)};
            next = node->items[size_t(index)];
        } else if (node->kind == NodeKind::Scalar && node->isNull() && !isIndex(segment)) {
            // "key:" with no value yet: the rest of the path is inserted under it.
        } else {
            const QString what = node->kind == NodeKind::Sequence ? QStringLiteral("a list")
                                 : node->kind == NodeKind::Mapping ? QStringLiteral("a mapping")
                                                                   : QStringLiteral("a single value");
            return Error{Error::Code::Refused, QStringLiteral("cannot set '%1': '%2' is %3")
                                                   .arg(formatPath(path), formatPath(path.mid(0, i)), what)};
        }
        if (!next) {
            t.parent = node;
            t.parentKey = nodeKey;
            t.remaining = path.mid(i);
            for (const QString &rest : std::as_const(t.remaining)) {
                if (isIndex(rest))
                    return Error{Error::Code::Refused,
                                 QStringLiteral("cannot add list items at '%1'; only mapping keys are added")
                                     .arg(formatPath(path))};
            }
            return t;
        }
        node = next;
        nodeKey = nextKey;
    }
    t.node = node;
    t.key = nodeKey;
    return t;
}

/// "a: v" or "a:\n  b: v" at `indent`, for inserting missing keys in block style (no trailing newline).
QString blockEntries(const QStringList &keys, const QString &renderedValue, int indent, int step, const QString &nl)
{
    QString out;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i > 0)
            out += nl + QString(indent + int(i) * step, u' ');
        out += renderScalarKey(keys.at(i)) + u':';
    }
    return out + u' ' + renderedValue;
}

/// Inserts the missing keys `t.remaining` (with `rendered` as the value, `flowValue` inside flow
/// mappings) under the deepest existing node of the path, in the style of its surroundings.
Result<TextEdit> insertMissing(const QString &source, const YamlNode *root, const Target &t, const QString &rendered,
                               const QString &flowValue)
{
    const QString nl = newlineOf(source);
    const int step = qMax(2, indentStep(root));
    const YamlNode *parent = t.parent;
    if (parent->kind == NodeKind::Mapping && parent->flow) {
        QString entry = renderScalarKey(t.remaining.front()) + QStringLiteral(": ");
        for (qsizetype i = 1; i < t.remaining.size(); ++i)
            entry += u'{' + renderScalarKey(t.remaining.at(i)) + QStringLiteral(": ");
        entry += flowValue + QString(t.remaining.size() - 1, u'}');
        const qsizetype close = parent->span.end.offset - 1; // the '}'
        return TextEdit{close, 0, parent->pairs.empty() ? entry : QStringLiteral(", ") + entry};
    }
    if (parent->kind == NodeKind::Mapping) {
        const int indent = parent->span.start.column - 1;
        const qsizetype at = lineEnd(source, parent->span.end.offset);
        return TextEdit{at, 0, nl + QString(indent, u' ') + blockEntries(t.remaining, rendered, indent, step, nl)};
    }
    // A null value ("key:" or "key: ~") becomes a mapping.
    const int indent = (t.parentKey ? t.parentKey->span.start.column - 1 : -step) + step;
    qsizetype from = parent->span.start.offset;
    if (t.parentKey) {
        from = t.parentKey->span.end.offset;
        while (from < source.size() && source[from] != u':')
            ++from;
        ++from;
    }
    if (parent == root && !t.parentKey) {
        // A document that is just "~" or "null".
        return TextEdit{parent->span.start.offset, parent->span.end.offset - parent->span.start.offset,
                        blockEntries(t.remaining, rendered, 0, step, nl)};
    }
    return TextEdit{from, parent->span.end.offset - from,
                    nl + QString(indent, u' ') + blockEntries(t.remaining, rendered, indent, step, nl)};
}

} // namespace

QString TextEdit::applyTo(const QString &source) const
{
    QString out = source;
    out.replace(offset, length, text);
    return out;
}

QString YamlPatch::renderScalar(const QString &value, ScalarType type, ScalarStyle preferred)
{
    switch (type) {
    case ScalarType::Null:
        return QStringLiteral("null");
    case ScalarType::Bool:
        return value.compare(u"true", Qt::CaseInsensitive) == 0 ? QStringLiteral("true") : QStringLiteral("false");
    case ScalarType::Int:
    case ScalarType::Float:
        if (resolvePlainScalar(value) == ScalarType::Int || resolvePlainScalar(value) == ScalarType::Float)
            return value;
        return doubleQuoted(value); // not a number: keep the text, the schema check reports it
    case ScalarType::String:
        break;
    }
    const bool printable = !value.contains(u'\n') && !value.contains(u'\r') && !value.contains(u'\t');
    if (preferred == ScalarStyle::SingleQuoted && printable)
        return u'\'' + QString(value).replace(u'\'', QStringLiteral("''")) + u'\'';
    if (preferred == ScalarStyle::DoubleQuoted)
        return doubleQuoted(value);
    return isSafePlain(value) ? value : doubleQuoted(value);
}

Result<TextEdit> YamlPatch::setScalar(const YamlDocument &document, const QStringList &path, const QString &value,
                                      ScalarType type, int documentIndex)
{
    const QString &source = document.source();
    const QString nl = newlineOf(source);
    if (document.hasErrors())
        return Error{Error::Code::Refused, QStringLiteral("the file has YAML errors; fix the text first")};
    if (path.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("an empty path cannot be set")};

    const auto &roots = document.documents();
    if (documentIndex >= int(roots.size())) {
        if (documentIndex != 0)
            return Error{Error::Code::NotFound, QStringLiteral("the file has no document %1").arg(documentIndex + 1)};
        // An empty file: write the keys at the end.
        for (const QString &segment : path) {
            if (isIndex(segment))
                return Error{Error::Code::Refused, QStringLiteral("cannot add list items to an empty file")};
        }
        const QString prefix = source.isEmpty() || source.endsWith(u'\n') ? QString() : nl;
        return TextEdit{source.size(), 0,
                        prefix + blockEntries(path, renderScalar(value, type), 0, 2, nl) + nl};
    }
    const YamlNode *root = roots[size_t(documentIndex)];
    Result<Target> found = walk(root, path);
    if (!found)
        return found.error();
    const Target &t = found.value();
    const int step = qMax(2, indentStep(root));

    if (t.node) {
        const YamlNode *node = t.node;
        if (node->kind == NodeKind::Alias)
            return Error{Error::Code::Refused,
                         QStringLiteral("'%1' is the alias '*%2'; edit its anchor '&%2' instead").arg(formatPath(path), node->text)};
        if (node->kind != NodeKind::Scalar)
            return Error{Error::Code::Refused, QStringLiteral("'%1' is a %2; set one of its entries instead")
                                                   .arg(formatPath(path), node->kind == NodeKind::Mapping
                                                                              ? QStringLiteral("mapping")
                                                                              : QStringLiteral("list"))};
        const qsizetype start = contentStart(source, node);
        const qsizetype end = node->span.end.offset;
        const bool multiLine = type == ScalarType::String && value.contains(u'\n');
        const bool block = node->style == ScalarStyle::Literal || node->style == ScalarStyle::Folded;
        if (multiLine && !t.inFlow) {
            // A literal block keeps multi-line text readable; indent it under its key.
            // Under a key: one step deeper than the key; a list item: where the item's text starts.
            int indent = t.key ? t.key->span.start.column - 1 + step : node->span.start.column - 1;
            if (block) {
                const qsizetype firstContent = nextLineStart(source, start);
                qsizetype i = firstContent;
                while (i < source.size() && source[i] == u' ')
                    ++i;
                if (i < end)
                    indent = int(i - firstContent);
            }
            QString text = value.endsWith(u'\n') ? QStringLiteral("|") : QStringLiteral("|-");
            // A comment on the value's line stays on the header line, outside the text.
            qsizetype replaceEnd = end;
            const qsizetype headerEnd = lineEnd(source, start);
            const QString header = source.mid(start, headerEnd - start);
            const qsizetype hash = header.indexOf(QStringLiteral(" #"));
            if (block && hash >= 0)
                text += header.mid(hash);
            if (!block) {
                text += source.mid(end, headerEnd - end);
                replaceEnd = headerEnd;
            }
            QStringList lines = value.split(u'\n');
            if (value.endsWith(u'\n'))
                lines.removeLast();
            for (const QString &line : std::as_const(lines))
                text += nl + (line.isEmpty() ? QString() : QString(indent, u' ') + line);
            return TextEdit{start, replaceEnd - start, text};
        }
        const ScalarStyle style = block ? ScalarStyle::Plain : node->style;
        QString rendered = renderScalar(value, type, style);
        if (t.inFlow && type == ScalarType::String && style == ScalarStyle::Plain && !isSafePlain(value, true))
            rendered = doubleQuoted(value);
        if (node->span.start == node->span.end && start > 0 && source[start - 1] == u':')
            rendered.prepend(u' '); // "key:" had no value and no space after the colon
        return TextEdit{start, end - start, rendered};
    }

    // Insert the missing keys t.remaining under t.parent.
    const QString rendered = renderScalar(value, type);
    const QString flowValue = type == ScalarType::String && !isSafePlain(value, true) ? doubleQuoted(value) : rendered;
    return insertMissing(source, root, t, rendered, flowValue);
}

Result<TextEdit> YamlPatch::setFlow(const YamlDocument &document, const QStringList &path, const QString &flowText,
                                    int documentIndex)
{
    const QString &source = document.source();
    if (document.hasErrors())
        return Error{Error::Code::Refused, QStringLiteral("the file has YAML errors; fix the text first")};
    const YamlDocument value = YamlDocument::parse(flowText);
    if (value.hasErrors() || value.documents().size() != 1 || flowText.contains(u'\n'))
        return Error{Error::Code::Usage,
                     QStringLiteral("'%1' is not a YAML value written on one line (e.g. [a, b] or {key: value})")
                         .arg(flowText.left(80))};
    if (path.isEmpty())
        return Error{Error::Code::Usage, QStringLiteral("an empty path cannot be set")};
    const auto &roots = document.documents();
    if (documentIndex >= int(roots.size())) {
        const QString nl = newlineOf(source);
        const QString prefix = source.isEmpty() || source.endsWith(u'\n') ? QString() : nl;
        return TextEdit{source.size(), 0, prefix + blockEntries(path, flowText, 0, 2, nl) + nl};
    }
    const YamlNode *root = roots[size_t(documentIndex)];
    Result<Target> found = walk(root, path);
    if (!found)
        return found.error();
    const Target &t = found.value();
    if (!t.node)
        return insertMissing(source, root, t, flowText, flowText);
    const YamlNode *node = t.node;
    if (node->kind == NodeKind::Alias)
        return Error{Error::Code::Refused,
                     QStringLiteral("'%1' is the alias '*%2'; edit its anchor '&%2' instead").arg(formatPath(path), node->text)};
    const qsizetype start = contentStart(source, node);
    const qsizetype end = node->span.end.offset;
    const bool blockCollection = (node->kind == NodeKind::Mapping || node->kind == NodeKind::Sequence) && !node->flow;
    if (!blockCollection || !t.key) {
        QString text = flowText;
        if (node->span.start == node->span.end && start > 0 && source[start - 1] == u':')
            text.prepend(u' ');
        return TextEdit{start, end - start, text};
    }
    // A block collection under a key: everything from the colon to the end of the block.
    qsizetype colon = t.key->span.end.offset;
    while (colon < source.size() && source[colon] != u':')
        ++colon;
    const qsizetype from = colon + 1;
    // Keep a comment on the key's line.
    const qsizetype keyLineEnd = lineEnd(source, from);
    const QString rest = source.mid(from, keyLineEnd - from);
    const qsizetype hash = rest.indexOf(QStringLiteral(" #"));
    const QString comment = hash >= 0 ? rest.mid(hash) : QString();
    return TextEdit{from, end - from, u' ' + flowText + comment};
}

Result<TextEdit> YamlPatch::remove(const YamlDocument &document, const QStringList &path, int documentIndex)
{
    const QString &source = document.source();
    if (document.hasErrors())
        return Error{Error::Code::Refused, QStringLiteral("the file has YAML errors; fix the text first")};
    const auto &roots = document.documents();
    if (path.isEmpty() || documentIndex >= int(roots.size()))
        return Error{Error::Code::NotFound, QStringLiteral("'%1' does not exist").arg(formatPath(path))};
    const YamlNode *root = roots[size_t(documentIndex)];
    Result<Target> found = walk(root, path);
    if (!found)
        return found.error();
    if (!found->node)
        return Error{Error::Code::NotFound, QStringLiteral("'%1' does not exist").arg(formatPath(path))};
    const Result<Target> parentWalk = walk(root, path.mid(0, path.size() - 1));
    const YamlNode *parent = parentWalk ? parentWalk->node : nullptr;
    if (!parent)
        return Error{Error::Code::NotFound, QStringLiteral("'%1' does not exist").arg(formatPath(path))};

    // The entry's extent: its key (or "- ") through the end of its value.
    qsizetype first = 0;
    qsizetype last = found->node->span.end.offset;
    if (found->key) {
        first = found->key->span.start.offset;
        if (found->key->span.end.offset > last)
            last = found->key->span.end.offset;
    } else {
        first = found->node->span.start.offset;
        if (!parent->flow) { // back to the "- " of a block list item
            qsizetype i = first;
            while (i > 0 && source[i - 1] != u'-')
                --i;
            first = i > 0 ? i - 1 : first;
        }
    }
    if (parent->flow) {
        // Remove the entry and one neighbouring comma.
        qsizetype after = last;
        while (after < source.size() && (source[after] == u' ' || source[after] == u'\t'))
            ++after;
        if (after < source.size() && source[after] == u',') {
            ++after;
            while (after < source.size() && source[after] == u' ')
                ++after;
            return TextEdit{first, after - first, QString()};
        }
        qsizetype before = first;
        while (before > 0 && source[before - 1].isSpace())
            --before;
        if (before > 0 && source[before - 1] == u',')
            --before;
        return TextEdit{before, last - before, QString()};
    }
    // Block entry: delete its whole lines, unless something else shares the first line ("- key: v").
    const qsizetype startOfLine = lineStart(source, first);
    bool aloneOnLine = true;
    for (qsizetype i = startOfLine; i < first; ++i)
        aloneOnLine = aloneOnLine && source[i] == u' ';
    if (!aloneOnLine) {
        const bool firstEntryOfItem = parent->kind == NodeKind::Mapping && !parent->pairs.empty()
            && parent->pairs.front().key == found->key && parent->pairs.size() > 1;
        if (firstEntryOfItem) {
            // "- a: 1\n  b: 2" minus a → "- b: 2": take the next entry's text up to this line.
            const YamlNode *nextKey = parent->pairs[1].key;
            return TextEdit{first, nextKey->span.start.offset - first, QString()};
        }
        return TextEdit{first, lineEnd(source, last) - first, QStringLiteral("{}")};
    }
    const qsizetype end = nextLineStart(source, last);
    return TextEdit{startOfLine, end - startOfLine, QString()};
}

} // namespace studio::yaml
