// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

struct ValueNode;

namespace yaml {
class YamlDocument;
struct YamlNode;
} // namespace yaml

/// Where one side of a change is written. Lines and columns are 1-based, as in Diagnostic.
/// `present` is false on the side a value is missing from (the "from" side of an addition, the "to"
/// side of a removal): the location is then the nearest parent that exists there — where the value
/// would go — so a user can still jump to both files.
struct SourceLocation {
    QString file;
    int line = 0;
    int column = 0;
    bool present = true;
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

/// One difference between two YAML trees, by meaning rather than by text.
struct SemanticChange {
    enum class Kind {
        Added,        ///< a map entry, list entry or whole document exists only on the "to" side
        Removed,      ///< ... only on the "from" side
        Changed,      ///< a scalar of the same type has another value
        TypeChanged,  ///< the type differs: int → string, scalar → mapping, null → list, ...
        OrderChanged, ///< a list holds the same entries in another order
    };

    Kind kind = Kind::Changed;
    /// Identity of the manifest the change is in, "apiVersion/kind/[namespace/]name" (or "document #N" for a
    /// document without one); empty for single-document files and values.
    QString document;
    /// Index of the document in each file (into YamlDocument::documents()), so machine paths can be resolved in
    /// multi-document files; 0 for values; -1 on the side a whole added/removed document is missing from.
    int fromDocument = 0;
    int toDocument = 0;
    /// Readable path: keys, "[index]" for entries matched by position, "[name=web]" for entries matched by an
    /// identifier key, "[apps/v1/Deployment/web]" for entries matched by Kubernetes identity. Keys with '.', '['
    /// or spaces are quoted: `annotations["example.com/owner"]`. Empty for a whole document.
    QString path;
    /// Machine paths on each side: keys and "[index]" segments, usable with yaml::nodeAtPath and
    /// ValueNode::at. Empty on the side the value is missing from.
    QStringList fromPath;
    QStringList toPath;
    /// One-line text for scalars (strings that would read as another type are quoted: "80"), block YAML for
    /// collections, the matched entries' names (or one-line renderings) one per line for order changes. Empty on
    /// the missing side.
    QString oldValue;
    QString newValue;
    /// The values as typed JSON (null on the missing side; the entry names for order changes).
    QJsonValue oldJson;
    QJsonValue newJson;
    /// "null", "bool", "int", "float", "string", "mapping", "list"; empty on the missing side.
    QString oldType;
    QString newType;
    SourceLocation from;
    SourceLocation to;
    /// A value under a Secret's `data` or `stringData`: values and JSON are withheld ("(secret value)"); a whole
    /// Secret document added or removed is shown with those values replaced.
    bool masked = false;

    /// "added", "removed", "changed", "typeChanged", "orderChanged".
    static QString kindName(Kind kind);
};

/// Semantic difference of two YAML trees, after dyff: mappings are compared by key (key order is not a
/// change), scalars by typed value (quoting, comments and layout are not changes; `80` → `"80"` is a type
/// change; `1.0` equals `1.00`), and list entries are matched
///   1. by a known identifier key (`name`, `key`, `id`) present and unique in every entry of both lists,
///   2. else by a string key present and unique in every entry of both lists (lists of 4+ entries; with fewer,
///      almost any key is unique by chance),
///   3. else by Kubernetes identity apiVersion/kind/[metadata.namespace/]metadata.name,
///   4. else by equal content, entries left over at the same index being compared in place;
/// a different relative order of the matched entries is one OrderChanged. In multi-document files, documents with
/// the same text are paired first (they cannot differ), the others by Kubernetes identity (documents without one
/// by their order among those); two single-document files are compared directly. Merge keys are applied and
/// aliases followed. Values under a Secret's `data` and `stringData` are masked.
///
/// The work follows what changed, not the size of the files: collections whose text is byte-identical on both
/// sides (same column, no alias) are equal without being looked into, and compareTexts does not even parse the
/// documents that are the same in both files.
///
/// JSON (toJson, stable; QJsonObject writes keys sorted):
///   { "changes": [ { "kind": "added|removed|changed|typeChanged|orderChanged",
///                    "document": "apps/v1/Deployment/prod/web" | "",
///                    "path": "spec.template.spec.containers[name=web].image",
///                    "fromPath": ["spec", …, "[0]", "image"] | null, "toPath": […] | null,
///                    "fromDocument": 0 | null, "toDocument": 2 | null,
///                    "from": {"file", "line", "column", "present"}, "to": {…},
///                    "old": <typed JSON value> | null, "new": … | null,
///                    "oldType": "string" | …, "newType": …, "masked": false } … ],
///     "summary": { "added": n, "removed": n, "changed": n, "typeChanged": n, "orderChanged": n, "total": n } }
/// "old"/"new" are null on the missing side and when masked (a whole Secret document is shown with its data and
/// stringData values replaced by "(secret value)"); for order changes they are the entry names or renderings.
class SemanticDiff
{
public:
    /// Compares two YAML files (one or more documents each). `fromFile`/`toFile` name them in locations.
    /// Fails, naming the file and line, when either has syntax errors or aliases that expand beyond reason.
    static Result<QList<SemanticChange>> compare(const yaml::YamlDocument &from, const QString &fromFile,
                                                 const yaml::YamlDocument &to, const QString &toFile);
    /// Compares two single YAML trees (e.g. one document of each file).
    static Result<QList<SemanticChange>> compare(const yaml::YamlNode *from, const QString &fromFile,
                                                 const yaml::YamlNode *to, const QString &toFile);
    /// Compares two YAML texts with the result of compare(YamlDocument, …) on their parses, faster and in little
    /// memory: documents whose text is the same in both are not parsed (so a syntax error inside one is not
    /// reported: it cannot be a difference), and the others are parsed one pair at a time, on two threads for
    /// large files. Fails on a syntax error in a document that differs, naming the file and line.
    static Result<QList<SemanticChange>> compareTexts(const QString &fromText, const QString &fromFile,
                                                      const QString &toText, const QString &toFile);
    /// Compares two environments' effective values; locations come from each node's ValueOrigin.
    static QList<SemanticChange> compare(const ValueNode &from, const ValueNode &to);

    /// dyff-like human output: a path header per change, then "± value change", "+ one map entry added", …
    /// with old → new and where both sides are written. Empty when there are no changes.
    static QString toText(const QList<SemanticChange> &changes);
    static QJsonObject toJson(const SemanticChange &change);
    /// {"changes": [...], "summary": {...}} as documented above.
    static QJsonObject toJson(const QList<SemanticChange> &changes);
};

} // namespace studio
