// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "yaml/YamlNode.h"

#include <QString>

#include <memory>
#include <vector>

namespace studio::yaml {

/// Bounds that keep hostile or broken input from exhausting the stack or memory.
struct ParseLimits {
    int maxDepth = 256;                      ///< nesting of collections
    qsizetype maxSourceSize = 32 * 1024 * 1024; ///< UTF-16 code units
};

/// A YAML file: its source text, the parsed tree of each of its documents ("---"), the exact span
/// of every node, and the syntax diagnostics. Cheap to copy (the parsed data is shared and immutable).
///
/// A syntax error ends the document it occurs in; parsing resumes at the next "---" line, so one
/// broken manifest in a multi-document file does not hide the others.
class YamlDocument
{
public:
    YamlDocument();
    static YamlDocument parse(const QString &source, const ParseLimits &limits = {});

    const QString &source() const;
    /// Root node of each document, in order. A document that failed to parse is absent.
    const std::vector<const YamlNode *> &documents() const;
    /// Syntax problems (rule "yaml-syntax", "yaml-duplicate-key", "yaml-tab", ...), file left empty.
    const Diagnostics &diagnostics() const;
    bool hasErrors() const;
    /// Whether any document uses aliases (only then can expanding it blow up).
    bool hasAliases() const;

    /// Text of the line (1-based) without its line break; empty when out of range.
    QStringView lineText(int line) const;

private:
    struct Data;
    std::shared_ptr<const Data> m_data;
};

} // namespace studio::yaml
