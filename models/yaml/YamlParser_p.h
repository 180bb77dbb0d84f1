// SPDX-License-Identifier: MIT
#pragma once

// Private to models/yaml: the recursive-descent parser behind YamlDocument::parse.

#include "core/Diagnostic.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlNode.h"

#include <QHash>
#include <QStringList>

#include <algorithm>
#include <memory>
#include <vector>

namespace studio::yaml {

/// Character classes and small helpers shared by the parser's translation units.
namespace parser_detail {
inline bool isBlank(QChar c) { return c == u' ' || c == u'\t'; }
inline bool isLineEnd(QChar c) { return c == u'\n' || c == u'\r' || c.isNull(); }
inline bool isWhiteOrEnd(QChar c) { return isBlank(c) || isLineEnd(c); }
inline bool isFlowIndicator(QChar c) { return c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}'; }
inline Position later(const Position &a, const Position &b) { return b.offset > a.offset ? b : a; }
// parsePlainScalar's parentIndent for keys and flow scalars, which never continue on the next line.
inline constexpr int kNoContinuation = -2;

inline QString describe(QChar c)
{
    if (c.isNull())
        return QStringLiteral("the end of the file");
    if (c == u'\t')
        return QStringLiteral("a tab");
    if (isLineEnd(c))
        return QStringLiteral("the end of the line");
    return QStringLiteral("'%1'").arg(c);
}
} // namespace parser_detail

/// Stable storage for a document's nodes: blocks that grow geometrically, so a small document costs
/// one allocation and a large one a few dozen, and a node never moves once created.
class NodeArena
{
public:
    YamlNode &create()
    {
        if (m_used == m_capacity) {
            m_capacity = std::min<size_t>(m_capacity == 0 ? 16 : m_capacity * 2, 4096);
            m_blocks.push_back(std::make_unique<YamlNode[]>(m_capacity));
            m_used = 0;
        }
        return m_blocks.back()[m_used++];
    }

private:
    std::vector<std::unique_ptr<YamlNode[]>> m_blocks;
    size_t m_capacity = 0;
    size_t m_used = 0;
};

/// Parses YAML 1.2 (block and flow styles, all scalar styles, anchors, aliases, tags, merge keys,
/// multiple documents) straight into YamlNodes with exact spans. Errors abort the current document
/// with one diagnostic; the caller's arena keeps every node created so far alive.
class YamlParser
{
public:
    YamlParser(const QString &source, NodeArena &arena, Diagnostics &diagnostics,
               const ParseLimits &limits);

    void parseStream(std::vector<const YamlNode *> &roots);
    /// The text used an alias ("*name") somewhere.
    bool sawAlias() const { return m_sawAlias; }

private:
    struct SyntaxError {
        Position where;
        QString message;
        QString rule;
    };

    QChar at(qsizetype i) const;
    void advance();
    void advance(qsizetype count);
    Position position() const;
    int column() const;
    void restore(const Position &where);
    [[noreturn]] void fail(const Position &where, const QString &message,
                           const QString &rule = QStringLiteral("yaml-syntax")) const;
    void warn(const Position &where, Severity severity, const QString &rule, const QString &message);

    bool atDocumentMarker() const;
    bool isSequenceEntryStart() const;
    void skipToLineEnd();
    void skipLineBreak();
    void skipBlanksAndComment();
    void skipSpace();
    void recoverToNextDocument();
    void enter(const Position &where);

    YamlNode *newNode(NodeKind kind, const Position &start);
    YamlNode *emptyNode(const Position &where);
    void finishNode(YamlNode *node, const QString &anchor, const QString &tag);

    YamlNode *parseBlockNode(int parentIndent, bool isMappingValue);
    YamlNode *parseBlockContent(int parentIndent, int col);
    void continueAfterInlineValue();
    YamlNode *parseBlockSequence(int indent);
    YamlNode *parseBlockMapping(int indent, YamlNode *firstKey);
    YamlNode *parseMappingKey();
    void checkDuplicateKey(const YamlNode *map, QHash<QString, int> &keyLines, const YamlNode *key,
                           const Position &where);
    void checkMergeValue(const YamlNode *value);

    YamlNode *parsePlainScalar(int parentIndent, bool inBlock);
    qsizetype scanPlainLine(bool inFlow) const;
    YamlNode *parseQuotedScalar();
    void parseEscape(QString &text);
    YamlNode *parseBlockScalar(int parentIndent);
    static QString foldLines(const QStringList &lines, int contentLines);

    QString scanName();
    QString parseAnchorName();
    QString parseTag();
    YamlNode *parseAlias();

    YamlNode *parseFlowCollection();
    YamlNode *parseFlowNode();

    const QString &m_source;
    const QChar *m_s;
    qsizetype m_n;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    int m_depth = 0;
    int m_flowDepth = 0;
    NodeArena &m_arena;
    Diagnostics &m_diagnostics;
    const ParseLimits &m_limits;
    QHash<QString, YamlNode *> m_anchors;
    bool m_sawAlias = false;
};

} // namespace studio::yaml
