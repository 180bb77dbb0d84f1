// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "yaml/YamlDocument.h"

#include <QString>
#include <QStringList>

namespace studio::yaml {

/// One replacement in a source text: `length` characters at `offset` become `text`.
struct TextEdit {
    qsizetype offset = 0;
    qsizetype length = 0;
    QString text;

    QString applyTo(const QString &source) const;
};

/// Minimal edits of YAML source: set, insert or delete the value at a path and touch nothing else —
/// comments, key order, quoting style, indentation and line endings outside the edited value stay
/// byte for byte. Paths are mapping keys and "[index]" segments, as everywhere in the studio.
///
/// Each operation returns one TextEdit computed from the parsed document; apply it to the document's
/// source (or to an editor buffer holding the same text).
class YamlPatch
{
public:
    /// Sets the scalar at `path` to `value`, written so that it resolves to `type` (quoted when a
    /// plain scalar would mean something else). Missing mapping keys along the path are inserted in
    /// the style of the surrounding block or flow mapping. An existing scalar keeps its quoting style
    /// where it can express the value.
    static Result<TextEdit> setScalar(const YamlDocument &document, const QStringList &path, const QString &value,
                                      ScalarType type, int documentIndex = 0);

    /// Sets the value at `path` to `flowText`, a YAML value written on one line (`[a, b]`,
    /// `{k: v}`, or a scalar), replacing a scalar or a whole collection; missing keys are inserted.
    static Result<TextEdit> setFlow(const YamlDocument &document, const QStringList &path, const QString &flowText,
                                    int documentIndex = 0);

    /// Deletes the entry at `path` (a mapping key or a list item) with its lines.
    static Result<TextEdit> remove(const YamlDocument &document, const QStringList &path, int documentIndex = 0);

    /// `value` as a YAML scalar resolving to `type`, in `preferred` style when that style can express
    /// it (block styles are never produced here).
    static QString renderScalar(const QString &value, ScalarType type, ScalarStyle preferred = ScalarStyle::Plain);
};

} // namespace studio::yaml
