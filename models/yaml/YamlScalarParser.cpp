// SPDX-License-Identifier: MIT
// YamlParser, part two: plain, quoted and block scalars.
#include "yaml/YamlParser_p.h"

namespace studio::yaml {

using namespace parser_detail;

YamlNode *YamlParser::parsePlainScalar(int parentIndent, bool inBlock)
{
    const Position start = position();
    const QChar first = at(m_pos);
    if (first == u'@' || first == u'`')
        fail(start, QStringLiteral("a plain value cannot start with %1 (a reserved character); quote the value")
                        .arg(describe(first)));
    if (first == u'%' && m_pos == m_lineStart)
        fail(start, QStringLiteral("directives ('%') are only allowed before '---'"));
    if (first == u']' || first == u'}' || first == u',')
        fail(start, QStringLiteral("unexpected %1 outside a flow collection").arg(describe(first)));
    if (first == u'|' || first == u'>' || (first == u'-' && isWhiteOrEnd(at(m_pos + 1))))
        fail(start, QStringLiteral("unexpected %1 here; quote the value if it is text").arg(describe(first)));

    YamlNode *node = newNode(NodeKind::Scalar, start);
    const qsizetype end = scanPlainLine(m_flowDepth > 0);
    if (end == m_pos)
        fail(start, QStringLiteral("unexpected %1").arg(describe(first)));
    node->text = QString(m_s + start.offset, end - start.offset);
    advance(end - m_pos);
    node->span.end = position();
    if (m_flowDepth > 0 || !inBlock || parentIndent == kNoContinuation)
        return node;

    qsizetype i = m_pos;
    while (isBlank(at(i)))
        ++i;
    if (at(i) == u':' && isWhiteOrEnd(at(i + 1)))
        return node; // a key: the caller builds the mapping
    if (!isLineEnd(at(i)))
        return node; // a comment ends the value

    // Multi-line plain text: following lines indented deeper than the parent continue it,
    // each single line break folding into a space.
    QString folded = node->text;
    Position lastEnd = node->span.end;
    int pendingBreaks = 0;
    advance(i - m_pos);
    while (m_pos < m_n) {
        skipLineBreak();
        qsizetype j = m_pos;
        while (at(j) == u' ')
            ++j;
        const int indent = int(j - m_pos);
        while (isBlank(at(j)))
            ++j;
        if (isLineEnd(at(j))) {
            if (j >= m_n)
                break;
            ++pendingBreaks;
            advance(j - m_pos);
            continue;
        }
        if (indent <= parentIndent || at(j) == u'#' || atDocumentMarker())
            break;
        advance(j - m_pos);
        const qsizetype lineStart = m_pos;
        const qsizetype lineEnd = scanPlainLine(false);
        qsizetype k = lineEnd;
        while (isBlank(at(k)))
            ++k;
        if (at(k) == u':' && isWhiteOrEnd(at(k + 1)))
            fail(position(), QStringLiteral("a 'key: value' entry inside the multi-line text that starts on line %1; "
                                            "check the indentation of this line")
                                 .arg(start.line));
        if (lineEnd == lineStart)
            break;
        folded += pendingBreaks == 0 ? QString(u' ') : QString(pendingBreaks, u'\n');
        pendingBreaks = 0;
        folded += QStringView(m_s + lineStart, lineEnd - lineStart);
        advance(lineEnd - m_pos);
        lastEnd = position();
        if (!isLineEnd(at(k)))
            break; // a comment ends the text
        advance(k - m_pos);
    }
    node->text = folded;
    node->span.end = lastEnd;
    restore(lastEnd);
    return node;
}

qsizetype YamlParser::scanPlainLine(bool inFlow) const
{
    // Returns the end of the plain scalar on the current line, trailing blanks excluded.
    qsizetype i = m_pos;
    qsizetype lastContent = m_pos;
    while (i < m_n) {
        const QChar c = m_s[i];
        if (isLineEnd(c))
            break;
        if (c == u':' && (isWhiteOrEnd(at(i + 1)) || (inFlow && isFlowIndicator(at(i + 1)))))
            break;
        if (c == u'#' && i > m_pos && isBlank(m_s[i - 1]))
            break;
        if (inFlow && isFlowIndicator(c))
            break;
        ++i;
        if (!isBlank(c))
            lastContent = i;
    }
    return lastContent;
}

YamlNode *YamlParser::parseQuotedScalar()
{
    const Position start = position();
    const QChar quote = at(m_pos);
    const bool isDouble = quote == u'"';
    YamlNode *node = newNode(NodeKind::Scalar, start);
    node->style = isDouble ? ScalarStyle::DoubleQuoted : ScalarStyle::SingleQuoted;
    advance();
    QString text;
    for (;;) {
        if (m_pos >= m_n)
            fail(start, QStringLiteral("the %1-quoted text that starts here is never closed; add the closing %2")
                            .arg(isDouble ? QStringLiteral("double") : QStringLiteral("single"), QString(quote)));
        const QChar c = m_s[m_pos];
        if (c == quote) {
            if (!isDouble && at(m_pos + 1) == u'\'') {
                text += u'\'';
                advance(2);
                continue;
            }
            advance();
            break;
        }
        if (isDouble && c == u'\\') {
            parseEscape(text);
            continue;
        }
        if (c == u'\n' || c == u'\r') {
            // Line folding: trailing blanks dropped, one break becomes a space, further breaks stay.
            while (!text.isEmpty() && isBlank(text.back()))
                text.chop(1);
            int breaks = 0;
            while (m_pos < m_n && (isBlank(m_s[m_pos]) || m_s[m_pos] == u'\n' || m_s[m_pos] == u'\r')) {
                if (m_s[m_pos] == u'\n')
                    ++breaks;
                advance();
            }
            if (atDocumentMarker())
                fail(position(), QStringLiteral("a document marker inside quoted text that starts on line %1; "
                                                "close the quote")
                                     .arg(start.line));
            text += breaks <= 1 ? QString(u' ') : QString(breaks - 1, u'\n');
            continue;
        }
        text += c;
        advance();
    }
    node->text = text;
    node->span.end = position();
    return node;
}

void YamlParser::parseEscape(QString &text)
{
    const Position where = position();
    advance(); // backslash
    const QChar e = at(m_pos);
    auto hex = [&](int digits) {
        char32_t value = 0;
        for (int k = 1; k <= digits; ++k) {
            const char16_t d = at(m_pos + k).unicode();
            int digit = -1;
            if (d >= u'0' && d <= u'9')
                digit = d - u'0';
            else if (d >= u'a' && d <= u'f')
                digit = d - u'a' + 10;
            else if (d >= u'A' && d <= u'F')
                digit = d - u'A' + 10;
            if (digit < 0)
                fail(where, QStringLiteral("invalid escape: \\%1 needs %2 hexadecimal digits").arg(e).arg(digits));
            value = value * 16 + char32_t(digit);
        }
        advance(digits + 1);
        if (value > 0x10FFFF)
            fail(where, QStringLiteral("invalid escape: code point out of range"));
        text += QString::fromUcs4(&value, 1);
    };
    switch (e.unicode()) {
    case u'0': text += QChar(0); advance(); break;
    case u'a': text += QChar(7); advance(); break;
    case u'b': text += QChar(8); advance(); break;
    case u't': case u'\t': text += u'\t'; advance(); break;
    case u'n': text += u'\n'; advance(); break;
    case u'v': text += QChar(11); advance(); break;
    case u'f': text += QChar(12); advance(); break;
    case u'r': text += u'\r'; advance(); break;
    case u'e': text += QChar(27); advance(); break;
    case u' ': text += u' '; advance(); break;
    case u'"': text += u'"'; advance(); break;
    case u'/': text += u'/'; advance(); break;
    case u'\\': text += u'\\'; advance(); break;
    case u'N': text += QChar(0x85); advance(); break;
    case u'_': text += QChar(0xA0); advance(); break;
    case u'L': text += QChar(0x2028); advance(); break;
    case u'P': text += QChar(0x2029); advance(); break;
    case u'x': hex(2); break;
    case u'u': hex(4); break;
    case u'U': hex(8); break;
    case u'\r':
    case u'\n':
        // Escaped line break: the text continues on the next line without a space.
        while (m_pos < m_n && (m_s[m_pos] == u'\r' || m_s[m_pos] == u'\n'))
            advance();
        while (isBlank(at(m_pos)))
            advance();
        break;
    default:
        fail(where, QStringLiteral("unknown escape sequence '\\%1' in double-quoted text; write '\\\\' for a "
                                   "backslash or use single quotes")
                        .arg(e));
    }
}

YamlNode *YamlParser::parseBlockScalar(int parentIndent)
{
    const Position start = position();
    YamlNode *node = newNode(NodeKind::Scalar, start);
    const bool literal = at(m_pos) == u'|';
    node->style = literal ? ScalarStyle::Literal : ScalarStyle::Folded;
    advance();
    enum class Chomp { Clip, Strip, Keep } chomp = Chomp::Clip;
    int explicitIndent = 0;
    for (int k = 0; k < 2; ++k) {
        const QChar c = at(m_pos);
        if (c == u'-' || c == u'+') {
            chomp = c == u'-' ? Chomp::Strip : Chomp::Keep;
            advance();
        } else if (c >= u'1' && c <= u'9') {
            explicitIndent = c.unicode() - u'0';
            advance();
        }
    }
    node->span.end = position();
    skipBlanksAndComment();
    if (!isLineEnd(at(m_pos)))
        fail(position(), QStringLiteral("unexpected %1 after the block scalar indicator; the text starts on the next "
                                        "line")
                             .arg(describe(at(m_pos))));

    // Content lines are those indented at least `indent`; empty lines belong to the scalar
    // until the first less-indented non-empty line.
    int indent = explicitIndent > 0 ? std::max(parentIndent, 0) + explicitIndent : -1;
    QStringList lines;
    Position lastContentEnd = node->span.end;
    int trailingEmpty = 0;
    while (m_pos < m_n) {
        const Position lineBreak = position();
        skipLineBreak();
        if (m_pos >= m_n)
            break;
        qsizetype i = m_pos;
        while (at(i) == u' ')
            ++i;
        const int spaces = int(i - m_pos);
        if (isLineEnd(at(i))) {
            ++trailingEmpty;
            lines.append(indent >= 0 && spaces > indent ? QString(m_s + m_pos + indent, spaces - indent) : QString());
            advance(i - m_pos);
            continue;
        }
        if (indent < 0)
            indent = spaces > parentIndent ? spaces : -2;
        if (indent < 0 || spaces < indent || atDocumentMarker()) {
            restore(lineBreak);
            break;
        }
        advance(indent);
        const qsizetype from = m_pos;
        skipToLineEnd();
        lines.append(QString(m_s + from, m_pos - from));
        trailingEmpty = 0;
        lastContentEnd = position();
    }

    const int contentLines = int(lines.size()) - trailingEmpty;
    QString text;
    if (literal) {
        for (int k = 0; k < contentLines; ++k) {
            if (k > 0)
                text += u'\n';
            text += lines.at(k);
        }
    } else {
        text = foldLines(lines, contentLines);
    }
    if (contentLines > 0 && chomp != Chomp::Strip)
        text += chomp == Chomp::Keep ? QString(trailingEmpty + 1, u'\n') : QString(u'\n');
    else if (contentLines == 0 && chomp == Chomp::Keep)
        text += QString(trailingEmpty, u'\n');
    node->text = text;
    node->span.end = lastContentEnd;
    restore(lastContentEnd);
    return node;
}

QString YamlParser::foldLines(const QStringList &lines, int contentLines)
{
    // Folded style: a single break between two ordinary lines becomes a space; each empty line
    // is one kept break; breaks next to more-indented lines (starting with a blank) are kept.
    QString text;
    int pendingEmpty = 0;
    bool havePrevious = false;
    bool previousMoreIndented = false;
    for (int k = 0; k < contentLines; ++k) {
        const QString &line = lines.at(k);
        if (line.isEmpty()) {
            ++pendingEmpty;
            continue;
        }
        const bool moreIndented = isBlank(line.front());
        if (!havePrevious)
            text += QString(pendingEmpty, u'\n');
        else if (moreIndented || previousMoreIndented)
            text += QString(pendingEmpty + 1, u'\n');
        else
            text += pendingEmpty == 0 ? QString(u' ') : QString(pendingEmpty, u'\n');
        text += line;
        pendingEmpty = 0;
        havePrevious = true;
        previousMoreIndented = moreIndented;
    }
    return text;
}

} // namespace studio::yaml
