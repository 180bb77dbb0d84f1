// SPDX-License-Identifier: MIT
// SemanticDiff's sides, private to models/diff: the two ways the walk reads its inputs (parsed YAML and
// effective values) through one small interface.
#pragma once

#include "diff/SemanticDiff.h"
#include "diff/SemanticDiffTree_p.h"
#include "yaml/YamlNode.h"

#include <QHash>

#include <vector>

namespace studio::semanticdiff_detail {

// ---------------------------------------------------------------------------------------------------------------
// Sides. The walk reads both inputs through one small interface, so YAML documents and effective values share
// one algorithm:
//   YamlSide reads the parsed YAML directly. Two collections whose source text is byte-identical (same column,
//   same tag, no alias in it) mean the same, so unchanged documents and subtrees cost one comparison of their
//   text and are never converted: the work follows what changed, not the size of the files.
//   NodeSide reads a Node tree (effective values), whose hashes make equal subtrees cheap to skip.
// Values that are reported, hashed or rendered are materialized as Node trees (SemanticDiffTree_p.h).

template<typename Handle>
struct ChildRef {
    QStringView key; ///< empty for list entries
    Handle node{};
    int line = 0;    ///< where the key (or the list entry) is written
    int column = 0;
};

inline Type typeOf(yaml::ScalarType t)
{
    switch (t) {
    case yaml::ScalarType::Null: return Type::Null;
    case yaml::ScalarType::Bool: return Type::Bool;
    case yaml::ScalarType::Int: return Type::Int;
    case yaml::ScalarType::Float: return Type::Float;
    case yaml::ScalarType::String: return Type::String;
    }
    return Type::String;
}

inline yaml::ScalarType scalarTypeOf(Type t)
{
    switch (t) {
    case Type::Null: return yaml::ScalarType::Null;
    case Type::Bool: return yaml::ScalarType::Bool;
    case Type::Int: return yaml::ScalarType::Int;
    case Type::Float: return yaml::ScalarType::Float;
    default: return yaml::ScalarType::String;
    }
}

class YamlSide
{
public:
    using Handle = const yaml::YamlNode *;

    /// `source` is the text the nodes' spans index (empty: no text shortcut); `lineOffset` is added to every
    /// line, for documents parsed on their own out of a larger file.
    YamlSide(QStringView source, const QString &file, int lineOffset = 0)
        : m_source(source), m_file(file), m_lineOffset(lineOffset)
    {
    }
    /// Moves to another document. Values materialized for the previous one are dropped (their memory reused):
    /// they refer to text that may be gone.
    void setDocument(QStringView source, int lineOffset, bool mayAlias = true)
    {
        m_source = source;
        m_lineOffset = lineOffset;
        m_mayAlias = mayAlias;
        m_tree.arena.reset();
        m_tree.files.clear();
        m_tree.nodes = 0;
    }

    QString fileName(int) const { return m_file; }
    int fileOf(Handle) const { return 0; }

    Type type(Handle n) const
    {
        n = n->resolved();
        switch (n->kind) {
        case yaml::NodeKind::Mapping: return Type::Map;
        case yaml::NodeKind::Sequence: return Type::List;
        default: return typeOf(n->scalarType());
        }
    }
    QStringView text(Handle n) const { return n->resolved()->text; }
    int line(Handle n) const { return n->span.start.line + m_lineOffset; }
    int column(Handle n) const { return n->span.start.column; }

    void children(Handle n, std::vector<ChildRef<Handle>> &out) const
    {
        out.clear();
        n = n->resolved();
        if (n->kind == yaml::NodeKind::Sequence) {
            out.reserve(n->items.size());
            for (const yaml::YamlNode *item : n->items)
                out.push_back({{}, item, item->span.start.line + m_lineOffset, item->span.start.column});
            return;
        }
        if (n->kind != yaml::NodeKind::Mapping)
            return;
        out.reserve(n->pairs.size());
        auto add = [&out, offset = m_lineOffset](const yaml::YamlPair &p) {
            if (p.key->isScalar()) // complex keys ("? [a, b]: x") have no path; Helm and Kubernetes never use them
                out.push_back({p.key->scalar(), p.value, p.key->span.start.line + offset, p.key->span.start.column});
        };
        bool hasMerge = false;
        for (const yaml::YamlPair &p : n->pairs)
            hasMerge = hasMerge || yaml::YamlNode::isMergeKey(p.key);
        if (hasMerge) {
            for (const yaml::YamlPair &p : n->effectivePairs())
                add(p);
        } else {
            for (const yaml::YamlPair &p : n->pairs)
                add(p);
        }
    }

    Handle value(Handle map, QStringView key) const { return map->isMapping() ? map->value(key) : nullptr; }

    /// A cheap, certain equality: the same collection text in the same context.
    bool sameAs(Handle a, const YamlSide &other, Handle b) const
    {
        a = a->resolved();
        b = b->resolved();
        if (a->kind != b->kind || (a->kind != yaml::NodeKind::Mapping && a->kind != yaml::NodeKind::Sequence))
            return false;
        // Block indentation is absolute, so the same text parses the same only from the same column; a tag is
        // written before the node's span; an alias refers to text elsewhere.
        if (m_source.isEmpty() || other.m_source.isEmpty() || a->span.start.column != b->span.start.column || a->tag != b->tag)
            return false;
        const QStringView ta = m_source.mid(a->span.start.offset, a->span.end.offset - a->span.start.offset);
        const QStringView tb = other.m_source.mid(b->span.start.offset, b->span.end.offset - b->span.start.offset);
        // Equal texts: when either document has no '*' at all, neither has an alias here.
        return ta == tb && (!(m_mayAlias && other.m_mayAlias) || !ta.contains(u'*'));
    }

    const Node *materialize(Handle n) const { return buildFromYaml(m_tree, m_file, n); }

private:
    QStringView m_source;
    QString m_file;
    int m_lineOffset = 0;
    bool m_mayAlias = true;
    mutable Tree m_tree; ///< materialized values: reported, hashed or rendered ones only
};

class NodeSide
{
public:
    using Handle = const Node *;

    explicit NodeSide(const Tree &tree) : m_tree(tree) {}

    QString fileName(int index) const { return m_tree.files.value(index); }
    int fileOf(Handle n) const { return n->file; }
    Type type(Handle n) const { return n->type; }
    QStringView text(Handle n) const { return n->text; }
    int line(Handle n) const { return n->line; }
    int column(Handle n) const { return n->column; }

    void children(Handle n, std::vector<ChildRef<Handle>> &out) const
    {
        out.clear();
        out.reserve(n->count);
        for (const Child &c : *n)
            out.push_back({c.key, c.node, c.line, c.column});
    }

    Handle value(Handle map, QStringView key) const { return childNode(map, key); }

    bool sameAs(Handle a, const NodeSide &, Handle b) const { return a == b || (a->hash == b->hash && deepEqual(a, b)); }

    const Node *materialize(Handle n) const { return n; }

private:
    const Tree &m_tree;
};

} // namespace studio::semanticdiff_detail
