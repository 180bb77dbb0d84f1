// SPDX-License-Identifier: MIT
#pragma once

#include "schema/CompiledSchema.h"
#include "schema/SchemaLocation.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace studio {

/// Where the cursor of a YAML editor is, in terms of the document's structure. Read from indentation
/// alone, because the text is usually invalid while the user types. Paths use the segments of
/// CompiledSchema::subschema and yaml::nodeAtPath: mapping keys and "[index]".
///
/// Three situations (see SchemaAssist::contextAt for the full rules):
///  - key context (`inValue` false): a key is being typed (or could be) in the block collection at
///    `mappingPath`; `currentKey` is the key the cursor is in, empty on a blank line or after "- ";
///  - value context (`inValue` true): the cursor is after "currentKey:", the value path is
///    mappingPath + currentKey;
///  - free text (`inFreeText` true): a comment, the body of a block scalar (| or >), a continuation
///    line of a multi-line scalar or flow collection, a document marker. The paths still say where the
///    text belongs (the block scalar's key for its body); completions() offers nothing there.
struct CursorContext {
    QStringList mappingPath;  ///< the collection the cursor's key belongs to (or would belong to)
    QString currentKey;       ///< the key under the cursor, or whose value the cursor is in
    bool inValue = false;     ///< the cursor is after "currentKey:" (or in the text of a scalar)
    QString prefix;           ///< what was typed before the cursor in the word being completed, opening quote left out
    QStringList siblingKeys;  ///< other keys of that mapping (above and below), never currentKey's own line
    int prefixColumn = 0;     ///< 1-based column where the text a completion replaces starts (prefix or its quote)
    bool inFreeText = false;  ///< nothing to complete here (comment, block scalar body, ...)

    /// The path of the node at the cursor: mappingPath, plus currentKey in a value context.
    QStringList valuePath() const;
};

/// One completion proposal. A key completion inserts "key: " for every type (the editor adds the
/// line break and indentation when the user continues an object or array; `detail` starts with
/// "object" or "array" for those); a value completion inserts a YAML scalar that reads back as the
/// schema's value (strings that would read as numbers, booleans or null are quoted).
struct Completion {
    QString label;          ///< what the list shows: the key, or the value (unquoted for strings)
    QString insertText;     ///< what replaces the prefix (from CursorContext::prefixColumn to the cursor)
    QString detail;         ///< keys: the type ("integer", "object", "array of string", "string or integer");
                            ///< values: "default", "allowed value" or "boolean"
    QString documentation;  ///< the schema's description (plain text)
    enum Kind { Key, Value } kind = Key;
};

/// What the schema says about the key or value under the mouse.
struct HoverInfo {
    QStringList path;           ///< the node's path (keys and "[index]")
    QString title;              ///< the schema's "title", often empty
    QString type;               ///< as Completion::detail for keys
    QString description;
    QString defaultValue;       ///< the default as YAML text ("1", "\"1.0\"", "{}"); empty when none
    QStringList allowedValues;  ///< enum values as YAML text

    /// The schema describes this path (a type, description, default or allowed values).
    bool valid() const;
    /// A small tooltip: bold path, type in italics, title, description, default and allowed values,
    /// all HTML-escaped.
    QString toHtml() const;
};

/// Schema-driven assistance for the YAML editor: cursor context, completion, hover, and which
/// Kubernetes kind a document is. Widget-free and tolerant of invalid YAML: nothing here parses the
/// document; it reads indentation, "- " item markers and "key:" lines, so a broken line elsewhere
/// (an unclosed quote, a missing colon) does not change the answer for the line being edited.
class SchemaAssist
{
public:
    SchemaAssist() = delete;

    /// The value path at a cursor position (1-based line and column, column in UTF-16 code units;
    /// the cursor is before the character at `column`): contextAt(...).valuePath().
    static QStringList pathAt(const QString &text, int line, int column);

    /// The structural context of a cursor position:
    ///  (a) blank or whitespace-only line, cursor at indentation N (column N+1): a key context for the
    ///      block collection whose entries are at column N (the collection a new key typed there joins);
    ///      for N = 0 that is the document root. Also used when the cursor is in a line's indentation.
    ///  (b) cursor after "key:" (anywhere in the value): a value context for `key` (currentKey = key,
    ///      inValue); the prefix is the value typed before the cursor, anchors/tags and an opening
    ///      quote left out.
    ///  (c) cursor inside a key name, or just after it before the ':': a key context for the mapping
    ///      that holds the key; currentKey = that key; prefix = the part of the name before the cursor.
    ///  (d) cursor after "- " (or in a scalar after it, or in a word without a colon yet): a key context
    ///      for the node being typed — the item ("...", "[n]") or, for a word on its own line, the
    ///      collection at its indentation. completions() offers the item's keys, or its values when the
    ///      schema there is a scalar.
    ///  (e) in a block scalar's body or below a scalar value (a continuation line): free text, with the
    ///      path of the scalar's key (mappingPath + currentKey, inValue), or of the item for "- |".
    /// Item indices count the "- " entries of the same sequence above the item. Lines above the
    /// nearest "---" (or "...") belong to another document and are never looked at. Tabs in the
    /// indentation count one column each, like the cursor column; CR before LF is ignored.
    static CursorContext contextAt(const QString &text, int line, int column);

    /// Proposals for a context: keys of the schema at mappingPath (properties of the schema and of its
    /// allOf/anyOf/oneOf branches and local $refs, minus siblingKeys), or values at the value path
    /// (the default first, then enum/const values, then true/false for booleans). Filtered by the
    /// prefix, case-insensitively: prefix matches first, then substring matches, each group in schema
    /// order. A key context whose schema is a scalar (a sequence item of strings, a key being typed
    /// on the line under "key:") gets value proposals instead.
    static QList<Completion> completions(const CompiledSchema &schema, const CursorContext &context);

    /// The schema's description of the key or value at the position (the character at `column`).
    /// Invalid on blank lines, comments, indentation, past the end of the line, and for paths the
    /// schema does not describe.
    static HoverInfo hoverAt(const CompiledSchema &schema, const QString &text, int line, int column);

    /// apiVersion and kind of the document (between "---" lines) that contains `line`, from its
    /// top-level "apiVersion:"/"kind:" lines; works on invalid YAML. A "---" line belongs to the
    /// document it starts. Nothing when either is missing or is a template expression ("{{ }}").
    static std::optional<ResourceType> resourceTypeAt(const QString &text, int line);

    /// The schemas that apply at `path` under `root`, following properties, patternProperties,
    /// additionalProperties, items, allOf/anyOf/oneOf and local "$ref"s ("#/definitions/x").
    static QList<QJsonObject> schemasAt(const QJsonObject &root, const QStringList &path);
    /// The type of a schema as text: "integer", "string or integer" (arrays of types and oneOf
    /// branches joined, "null" left out when other types exist), "array of object"; empty when unknown.
    static QString typeName(const QJsonObject &schema);
    /// A JSON value as YAML text: plain scalars where they read back as the same value, double
    /// quotes for strings that would otherwise read as a number, boolean, null (YAML 1.1 words such
    /// as "yes" included, as Kubernetes reads them) or break the line's syntax; flow JSON for
    /// objects and arrays.
    static QString toYamlScalar(const QJsonValue &value);
};

} // namespace studio
