// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace studio::yaml {

/// A place in the source text. Line and column are 1-based; column counts UTF-16 code units,
/// as QTextDocument does, so editors can use it directly. Offset indexes the source QString.
struct Position {
    int line = 1;
    int column = 1;
    qsizetype offset = 0;
    friend bool operator==(const Position &, const Position &) = default;
};

/// The exact text a node occupies: [start, end). An empty value (`key:`) has start == end.
struct Span {
    Position start;
    Position end;
    friend bool operator==(const Span &, const Span &) = default;
};

enum class NodeKind { Scalar, Sequence, Mapping, Alias };
enum class ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };
/// The type a scalar resolves to under the YAML 1.2 core schema (or its explicit tag).
enum class ScalarType { Null, Bool, Int, Float, String };

struct YamlNode;

struct YamlPair {
    YamlNode *key = nullptr;
    YamlNode *value = nullptr;
};

/// One node of a parsed YAML document. Nodes live in the arena of their YamlDocument and are
/// immutable once parsing ends; aliases point at their anchored node instead of copying it.
struct YamlNode {
    NodeKind kind = NodeKind::Scalar;
    ScalarStyle style = ScalarStyle::Plain;
    bool flow = false;      ///< written in flow style ([a, b] or {a: b})
    Span span;
    QString tag;            ///< as written, e.g. "!!str"; empty when untagged
    QString anchor;         ///< without '&'
    QString text;           ///< scalar value after unescaping/folding; alias name for aliases
    std::vector<YamlNode *> items; ///< sequence entries
    std::vector<YamlPair> pairs;   ///< mapping entries in source order, merge keys ("<<") included
    const YamlNode *target = nullptr; ///< the anchored node an alias refers to

    /// Follows aliases to the node whose content this one has.
    const YamlNode *resolved() const;

    bool isScalar() const { return resolved()->kind == NodeKind::Scalar; }
    bool isMapping() const { return resolved()->kind == NodeKind::Mapping; }
    bool isSequence() const { return resolved()->kind == NodeKind::Sequence; }
    bool isNull() const { return scalarType() == ScalarType::Null; }

    ScalarType scalarType() const;
    /// Scalar text ("" for non-scalars).
    const QString &scalar() const;

    /// Value of `key` in a mapping, honouring merge keys ("<<: *base"); nullptr when absent.
    const YamlNode *value(QStringView key) const;
    /// The pair written for `key` in this very mapping (not merged), or nullptr.
    const YamlPair *pair(QStringView key) const;
    /// Mapping entries with merge keys applied: explicit entries win over merged ones,
    /// earlier merge sources win over later ones. Order: explicit entries, then merged ones.
    std::vector<YamlPair> effectivePairs() const;

    static bool isMergeKey(const YamlNode *key);
};

/// Resolves a plain scalar under the YAML 1.2 core schema.
ScalarType resolvePlainScalar(QStringView text);

} // namespace studio::yaml
