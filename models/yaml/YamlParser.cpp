// SPDX-License-Identifier: MIT
#include "yaml/YamlParser_p.h"

#include <QHash>

namespace studio::yaml {

using namespace parser_detail;

YamlParser::YamlParser(const QString &source, NodeArena &arena, Diagnostics &diagnostics,
                       const ParseLimits &limits)
    : m_source(source)
    , m_s(source.constData())
    , m_n(source.size())
    , m_arena(arena)
    , m_diagnostics(diagnostics)
    , m_limits(limits)
{
}

// ---------------------------------------------------------------------------------------------
// Low-level cursor

QChar YamlParser::at(qsizetype i) const { return i < m_n ? m_s[i] : QChar(); }

void YamlParser::advance()
{
    if (m_pos >= m_n)
        return;
    if (m_s[m_pos] == u'\n') {
        ++m_line;
        m_lineStart = m_pos + 1;
    }
    ++m_pos;
}

void YamlParser::advance(qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i)
        advance();
}

Position YamlParser::position() const
{
    return Position{m_line, int(m_pos - m_lineStart) + 1, m_pos};
}

int YamlParser::column() const { return int(m_pos - m_lineStart); }

void YamlParser::skipLineBreak()
{
    if (at(m_pos) == u'\r')
        advance();
    if (at(m_pos) == u'\n')
        advance();
}

void YamlParser::restore(const Position &where)
{
    m_pos = where.offset;
    m_line = where.line;
    m_lineStart = where.offset - (where.column - 1);
}

void YamlParser::fail(const Position &where, const QString &message, const QString &rule) const
{
    throw SyntaxError{where, message, rule};
}

void YamlParser::warn(const Position &where, Severity severity, const QString &rule, const QString &message)
{
    Diagnostic d;
    d.line = where.line;
    d.column = where.column;
    d.severity = severity;
    d.rule = rule;
    d.message = message;
    m_diagnostics.append(d);
}

bool YamlParser::atDocumentMarker() const
{
    if (m_pos != m_lineStart || m_pos + 3 > m_n)
        return false;
    const QChar c = m_s[m_pos];
    if (c != u'-' && c != u'.')
        return false;
    return m_s[m_pos + 1] == c && m_s[m_pos + 2] == c && isWhiteOrEnd(at(m_pos + 3));
}

void YamlParser::skipToLineEnd()
{
    while (!isLineEnd(at(m_pos)))
        advance();
}

void YamlParser::skipBlanksAndComment()
{
    while (isBlank(at(m_pos)))
        advance();
    if (at(m_pos) == u'#')
        skipToLineEnd();
}

void YamlParser::skipSpace()
{
    for (;;) {
        if (m_pos == m_lineStart) {
            // Indentation: spaces only. A tab before the first character of a content line is an error.
            qsizetype i = m_pos;
            while (i < m_n && m_s[i] == u' ')
                ++i;
            if (i < m_n && m_s[i] == u'\t') {
                qsizetype j = i;
                while (j < m_n && isBlank(m_s[j]))
                    ++j;
                if (!isLineEnd(at(j)) && at(j) != u'#' && m_flowDepth == 0) {
                    advance(i - m_pos);
                    fail(position(), QStringLiteral("tab character used for indentation; YAML only allows spaces here"),
                         QStringLiteral("yaml-tab"));
                }
            }
        }
        const QChar c = at(m_pos);
        if (isBlank(c)) {
            advance();
        } else if (c == u'#') {
            skipToLineEnd();
        } else if (c == u'\r' || c == u'\n') {
            advance();
        } else {
            return;
        }
    }
}

YamlNode *YamlParser::newNode(NodeKind kind, const Position &start)
{
    YamlNode &node = m_arena.create();
    node.kind = kind;
    node.span.start = start;
    node.span.end = start;
    return &node;
}

YamlNode *YamlParser::emptyNode(const Position &where)
{
    return newNode(NodeKind::Scalar, where);
}

void YamlParser::enter(const Position &where)
{
    if (++m_depth > m_limits.maxDepth)
        fail(where, QStringLiteral("nesting is deeper than %1 levels; the file is probably generated wrongly")
                        .arg(m_limits.maxDepth),
             QStringLiteral("yaml-too-deep"));
}

// ---------------------------------------------------------------------------------------------
// Stream and documents

void YamlParser::parseStream(std::vector<const YamlNode *> &roots)
{
    if (m_n > 0 && m_s[0] == QChar(0xFEFF))
        advance();
    for (;;) {
        m_anchors.clear();
        m_depth = 0;
        m_flowDepth = 0;
        try {
            skipSpace();
            while (m_pos == m_lineStart && at(m_pos) == u'%') { // directives (%YAML, %TAG)
                skipToLineEnd();
                skipSpace();
            }
            if (m_pos >= m_n)
                return;
            bool explicitStart = false;
            if (atDocumentMarker() && at(m_pos) == u'-') {
                advance(3);
                explicitStart = true;
            } else if (atDocumentMarker()) { // "..." with no document before it
                advance(3);
                continue;
            }
            YamlNode *root = parseBlockNode(-1, false);
            skipSpace();
            if (m_pos < m_n && !atDocumentMarker())
                fail(position(), QStringLiteral("unexpected %1 after the end of the document; check the indentation "
                                                "of this line")
                                     .arg(describe(at(m_pos))));
            if (atDocumentMarker() && at(m_pos) == u'.') {
                advance(3);
                skipBlanksAndComment();
            }
            // An empty stream is no document, but "---" alone is one empty document.
            if (explicitStart || root->kind != NodeKind::Scalar || !root->text.isEmpty() || root->span.start != root->span.end
                || !root->tag.isEmpty())
                roots.push_back(root);
        } catch (const SyntaxError &error) {
            Diagnostic d;
            d.line = error.where.line;
            d.column = error.where.column;
            d.severity = Severity::Error;
            d.rule = error.rule;
            d.message = error.message;
            m_diagnostics.append(d);
            recoverToNextDocument();
        }
        if (m_pos >= m_n)
            return;
    }
}

void YamlParser::recoverToNextDocument()
{
    // Skip to the next line that starts a document ("---"), so later documents still get checked.
    if (atDocumentMarker() && at(m_pos) == u'-')
        return;
    skipToLineEnd();
    while (m_pos < m_n) {
        advance(); // the line break
        if (atDocumentMarker() && at(m_pos) == u'-')
            return;
        skipToLineEnd();
    }
}

// ---------------------------------------------------------------------------------------------
// Block context

YamlNode *YamlParser::parseBlockNode(int parentIndent, bool isMappingValue)
{
    const Position before = position();
    skipSpace();
    if (m_pos >= m_n || atDocumentMarker())
        return emptyNode(before);

    int col = column();
    if (col <= parentIndent && !(isMappingValue && col == parentIndent && isSequenceEntryStart()))
        return emptyNode(before);

    enter(position());
    QString anchor;
    QString tag;
    Position propertiesStart = position();
    bool hasProperties = false;
    while (at(m_pos) == u'&' || at(m_pos) == u'!') {
        hasProperties = true;
        if (at(m_pos) == u'&')
            anchor = parseAnchorName();
        else
            tag = parseTag();
        skipBlanksAndComment();
    }
    YamlNode *node = nullptr;
    if (hasProperties && isLineEnd(at(m_pos))) {
        // Properties on their own line: the content (if any) follows on the next lines.
        const Position afterProperties = position();
        skipSpace();
        col = column();
        const bool contentFollows = m_pos < m_n && !atDocumentMarker()
            && (col > parentIndent || (isMappingValue && col == parentIndent && isSequenceEntryStart()));
        node = contentFollows ? parseBlockContent(parentIndent, col) : emptyNode(afterProperties);
        if (!contentFollows)
            node->span.start = propertiesStart;
    } else {
        node = parseBlockContent(parentIndent, hasProperties ? column() : col);
        if (hasProperties)
            node->span.start = propertiesStart;
    }
    finishNode(node, anchor, tag);
    --m_depth;
    return node;
}

bool YamlParser::isSequenceEntryStart() const
{
    return at(m_pos) == u'-' && isWhiteOrEnd(at(m_pos + 1));
}

void YamlParser::finishNode(YamlNode *node, const QString &anchor, const QString &tag)
{
    if (!tag.isEmpty())
        node->tag = tag;
    if (!anchor.isEmpty()) {
        node->anchor = anchor;
        // Registered only now, so an alias inside the node itself cannot make a cycle.
        m_anchors.insert(anchor, node);
    }
}

YamlNode *YamlParser::parseBlockContent(int parentIndent, int col)
{
    const QChar c = at(m_pos);
    if (isSequenceEntryStart())
        return parseBlockSequence(col);
    if (c == u'?' && isWhiteOrEnd(at(m_pos + 1)))
        return parseBlockMapping(col, nullptr);
    if (c == u'|' || c == u'>')
        return parseBlockScalar(parentIndent);

    const int line = m_line;
    YamlNode *node = nullptr;
    if (c == u'[' || c == u'{') {
        node = parseFlowCollection();
    } else if (c == u'*') {
        node = parseAlias();
    } else if (c == u'"' || c == u'\'') {
        node = parseQuotedScalar();
    } else {
        node = parsePlainScalar(parentIndent, /*blockKeyAllowed=*/true);
    }

    // A node followed on its line by ": " is the first key of a block mapping.
    qsizetype i = m_pos;
    while (isBlank(at(i)))
        ++i;
    if (at(i) == u':' && isWhiteOrEnd(at(i + 1)) && m_line == line) {
        advance(i - m_pos);
        return parseBlockMapping(col, node);
    }
    if (node->kind == NodeKind::Scalar && node->style == ScalarStyle::Plain)
        return node; // multi-line plain scalars were completed by parsePlainScalar
    continueAfterInlineValue();
    return node;
}

void YamlParser::continueAfterInlineValue()
{
    skipBlanksAndComment();
    if (!isLineEnd(at(m_pos)))
        fail(position(), QStringLiteral("unexpected %1 after the value; a comment needs a space before '#'")
                             .arg(describe(at(m_pos))));
}

YamlNode *YamlParser::parseBlockSequence(int indent)
{
    YamlNode *seq = newNode(NodeKind::Sequence, position());
    for (;;) {
        advance(); // '-'
        seq->span.end = later(seq->span.end, position());
        YamlNode *item = parseBlockNode(indent, false);
        seq->items.push_back(item);
        seq->span.end = later(seq->span.end, item->span.end);

        skipSpace();
        if (m_pos >= m_n || atDocumentMarker())
            break;
        const int col = column();
        if (col < indent)
            break;
        if (col > indent)
            fail(position(), QStringLiteral("bad indentation: this line is indented more than the list entries above "
                                            "it (column %1, expected %2)")
                                 .arg(col + 1)
                                 .arg(indent + 1));
        if (!isSequenceEntryStart())
            break; // e.g. the next key of a mapping whose value this sequence was
    }
    return seq;
}

YamlNode *YamlParser::parseBlockMapping(int indent, YamlNode *firstKey)
{
    YamlNode *map = newNode(NodeKind::Mapping, firstKey ? firstKey->span.start : position());
    QHash<QString, int> keyLines;
    YamlNode *key = firstKey;
    for (;;) {
        bool hasValue = true;
        if (!key) {
            // Explicit key: "? key", then ": value" on a line of the same indentation (or none).
            advance(); // '?'
            key = parseBlockNode(indent, false);
            skipSpace();
            hasValue = m_pos < m_n && column() == indent && at(m_pos) == u':' && isWhiteOrEnd(at(m_pos + 1));
        }
        YamlNode *value = nullptr;
        if (hasValue) {
            advance(); // ':'
            const Position afterColon = position();
            value = parseBlockNode(indent, true);
            if (value->span.start == value->span.end)
                value->span = Span{afterColon, afterColon};
        } else {
            value = emptyNode(key->span.end);
        }
        checkDuplicateKey(map, keyLines, key, key->span.start);
        map->pairs.push_back(YamlPair{key, value});
        map->span.end = later(key->span.end, value->span.end);
        if (YamlNode::isMergeKey(key))
            checkMergeValue(value);

        skipSpace();
        if (m_pos >= m_n || atDocumentMarker())
            break;
        const int col = column();
        if (col < indent)
            break;
        if (col > indent)
            fail(position(), QStringLiteral("bad indentation: this line is indented more than the keys above it "
                                            "(column %1, expected %2)")
                                 .arg(col + 1)
                                 .arg(indent + 1));
        if (isSequenceEntryStart())
            fail(position(), QStringLiteral("a list entry ('- ') where a key of the mapping above was expected; "
                                            "indent the list under its key"));
        if (at(m_pos) == u'?' && isWhiteOrEnd(at(m_pos + 1)))
            key = nullptr;
        else
            key = parseMappingKey();
    }
    return map;
}

YamlNode *YamlParser::parseMappingKey()
{
    const int line = m_line;
    QString anchor;
    QString tag;
    while (at(m_pos) == u'&' || at(m_pos) == u'!') {
        if (at(m_pos) == u'&')
            anchor = parseAnchorName();
        else
            tag = parseTag();
        while (isBlank(at(m_pos)))
            advance();
    }
    const QChar c = at(m_pos);
    YamlNode *key = nullptr;
    if (c == u'"' || c == u'\'')
        key = parseQuotedScalar();
    else if (c == u'*')
        key = parseAlias();
    else if (c == u'[' || c == u'{')
        key = parseFlowCollection();
    else
        key = parsePlainScalar(kNoContinuation, true);
    finishNode(key, anchor, tag);
    while (isBlank(at(m_pos)))
        advance();
    if (!(at(m_pos) == u':' && isWhiteOrEnd(at(m_pos + 1))) || m_line != line) {
        const QString text = key->kind == NodeKind::Scalar ? key->text : QString();
        fail(key->span.start,
             QStringLiteral("expected a 'key: value' entry but found '%1' without a ':' after it; add the colon or "
                            "fix the indentation")
                 .arg(text.left(40)));
    }
    return key;
}

void YamlParser::checkDuplicateKey(const YamlNode *map, QHash<QString, int> &keyLines, const YamlNode *key,
                                   const Position &where)
{
    if (key->kind != NodeKind::Scalar || YamlNode::isMergeKey(key))
        return;
    // Most mappings are small: a linear scan avoids a hash allocation per mapping.
    constexpr size_t kIndexFrom = 16;
    int firstLine = 0;
    if (map->pairs.size() < kIndexFrom) {
        for (const YamlPair &p : map->pairs) {
            if (p.key->kind == NodeKind::Scalar && p.key->text == key->text && !YamlNode::isMergeKey(p.key)) {
                firstLine = p.key->span.start.line;
                break;
            }
        }
    } else {
        if (keyLines.isEmpty()) {
            for (const YamlPair &p : map->pairs) {
                if (p.key->kind == NodeKind::Scalar && !keyLines.contains(p.key->text))
                    keyLines.insert(p.key->text, p.key->span.start.line);
            }
        }
        firstLine = keyLines.value(key->text);
        if (!firstLine)
            keyLines.insert(key->text, where.line);
    }
    if (firstLine)
        warn(where, Severity::Error, QStringLiteral("yaml-duplicate-key"),
             QStringLiteral("duplicate key '%1': it is already defined on line %2 of this mapping; remove one of them")
                 .arg(key->text)
                 .arg(firstLine));
}

void YamlParser::checkMergeValue(const YamlNode *value)
{
    const YamlNode *source = value->resolved();
    bool ok = source->kind == NodeKind::Mapping;
    if (source->kind == NodeKind::Sequence) {
        ok = true;
        for (const YamlNode *item : source->items)
            ok = ok && item->resolved()->kind == NodeKind::Mapping;
    }
    if (!ok)
        warn(value->span.start, Severity::Error, QStringLiteral("yaml-merge"),
             QStringLiteral("the merge key '<<' must refer to a mapping or a list of mappings (e.g. '<<: *defaults')"));
}

// ---------------------------------------------------------------------------------------------
// Aliases, anchors, tags

QString YamlParser::scanName()
{
    const qsizetype from = m_pos;
    while (m_pos < m_n && !isWhiteOrEnd(m_s[m_pos]) && !isFlowIndicator(m_s[m_pos]))
        advance();
    return QString(m_s + from, m_pos - from);
}

QString YamlParser::parseAnchorName()
{
    const Position where = position();
    advance(); // '&'
    const QString name = scanName();
    if (name.isEmpty())
        fail(where, QStringLiteral("an anchor ('&') needs a name, e.g. '&defaults'"));
    return name;
}

QString YamlParser::parseTag()
{
    const qsizetype from = m_pos;
    if (at(m_pos + 1) == u'<') {
        while (m_pos < m_n && m_s[m_pos] != u'>' && !isLineEnd(m_s[m_pos]))
            advance();
        if (at(m_pos) != u'>')
            fail(position(), QStringLiteral("a verbatim tag ('!<…>') is not closed"));
        advance();
    } else {
        scanName();
    }
    return QString(m_s + from, m_pos - from);
}

YamlNode *YamlParser::parseAlias()
{
    const Position start = position();
    advance(); // '*'
    const QString name = scanName();
    if (name.isEmpty())
        fail(start, QStringLiteral("an alias ('*') needs the name of an anchor, e.g. '*defaults'"));
    YamlNode *node = newNode(NodeKind::Alias, start);
    node->text = name;
    node->span.end = position();
    const auto it = m_anchors.constFind(name);
    if (it == m_anchors.constEnd())
        fail(start, QStringLiteral("alias '*%1' refers to an anchor '&%1' that is not defined before it").arg(name));
    node->target = it.value();
    m_sawAlias = true;
    return node;
}

// ---------------------------------------------------------------------------------------------
// Flow context

YamlNode *YamlParser::parseFlowCollection()
{
    const Position start = position();
    const bool isSequence = at(m_pos) == u'[';
    const QChar close = isSequence ? u']' : u'}';
    enter(start);
    ++m_flowDepth;
    YamlNode *node = newNode(isSequence ? NodeKind::Sequence : NodeKind::Mapping, start);
    node->flow = true;
    QHash<QString, int> keyLines;
    advance();
    for (;;) {
        skipSpace();
        if (m_pos >= m_n || atDocumentMarker())
            fail(start, QStringLiteral("the %1 opened here is never closed; add the closing '%2'")
                            .arg(isSequence ? QStringLiteral("list '['") : QStringLiteral("mapping '{'"), QString(close)));
        if (at(m_pos) == close) {
            advance();
            break;
        }
        YamlNode *key = nullptr;
        YamlNode *value = nullptr;
        if (at(m_pos) == u':' && (isWhiteOrEnd(at(m_pos + 1)) || isFlowIndicator(at(m_pos + 1)))) {
            key = emptyNode(position());
        } else {
            key = parseFlowNode();
        }
        skipSpace();
        if (at(m_pos) == u':') {
            advance();
            skipSpace();
            if (at(m_pos) == u',' || at(m_pos) == close)
                value = emptyNode(position());
            else
                value = parseFlowNode();
            skipSpace();
        }
        if (isSequence) {
            if (value) { // single-pair mapping inside a list: [a: 1]
                YamlNode *pairMap = newNode(NodeKind::Mapping, key->span.start);
                pairMap->flow = true;
                pairMap->pairs.push_back(YamlPair{key, value});
                pairMap->span.end = value->span.end;
                node->items.push_back(pairMap);
            } else {
                node->items.push_back(key);
            }
        } else {
            if (!value)
                value = emptyNode(key->span.end);
            checkDuplicateKey(node, keyLines, key, key->span.start);
            node->pairs.push_back(YamlPair{key, value});
        }
        if (at(m_pos) == u',') {
            advance();
            continue;
        }
        if (at(m_pos) == close) {
            advance();
            break;
        }
        if (m_pos >= m_n || atDocumentMarker())
            continue; // reported at the top of the loop as an unclosed collection
        if (m_line != start.line)
            // Text on a later line that is not the next entry: most often the closing bracket is missing.
            fail(start, QStringLiteral("the %1 opened here is never closed; add the closing '%2'")
                            .arg(isSequence ? QStringLiteral("list '['") : QStringLiteral("mapping '{'"), QString(close)));
        fail(position(), QStringLiteral("expected ',' or '%1' in the flow %2 that starts on line %3, found %4")
                             .arg(close)
                             .arg(isSequence ? QStringLiteral("list") : QStringLiteral("mapping"))
                             .arg(start.line)
                             .arg(describe(at(m_pos))));
    }
    node->span.end = position();
    --m_flowDepth;
    --m_depth;
    return node;
}

YamlNode *YamlParser::parseFlowNode()
{
    QString anchor;
    QString tag;
    const Position start = position();
    while (at(m_pos) == u'&' || at(m_pos) == u'!') {
        if (at(m_pos) == u'&')
            anchor = parseAnchorName();
        else
            tag = parseTag();
        skipSpace();
    }
    YamlNode *node = nullptr;
    const QChar c = at(m_pos);
    if (c == u'[' || c == u'{')
        node = parseFlowCollection();
    else if (c == u'*')
        node = parseAlias();
    else if (c == u'"' || c == u'\'')
        node = parseQuotedScalar();
    else if (c == u',' || c == u']' || c == u'}' || c == u':')
        node = emptyNode(position());
    else
        node = parsePlainScalar(kNoContinuation, false);
    if (!anchor.isEmpty() || !tag.isEmpty())
        node->span.start = start;
    finishNode(node, anchor, tag);
    return node;
}

} // namespace studio::yaml
