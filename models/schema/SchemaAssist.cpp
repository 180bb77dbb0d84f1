// SPDX-License-Identifier: MIT
#include "schema/SchemaAssist.h"

#include "schema/YamlLines_p.h"
#include "yaml/YamlJson.h"
#include "yaml/YamlNode.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

namespace studio {

using namespace yamllines;

namespace {

// ---------------------------------------------------------------------------------------------
// Schema side. (The text side, reading the YAML around the cursor, is in YamlLines.cpp.)

/// Resolves a local JSON pointer ("#/definitions/x" without the '#').
QJsonValue resolvePointer(const QJsonObject &root, const QString &pointer)
{
    QJsonValue current(root);
    const QStringList parts = pointer.split(u'/', Qt::SkipEmptyParts);
    for (QString part : parts) {
        part.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (current.isObject()) {
            current = current.toObject().value(part);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = part.toInt(&ok);
            current = ok ? current.toArray().at(index) : QJsonValue();
        } else {
            return {};
        }
    }
    return current;
}

/// `schema`, the target of its local $ref and its allOf/anyOf/oneOf branches, recursively. Bounded,
/// so a recursive schema ("#" referring to itself) ends.
void expand(const QJsonObject &root, const QJsonObject &schema, QList<QJsonObject> &out, int depth = 0)
{
    if (depth > 8 || out.size() > 256)
        return;
    out << schema;
    const QString ref = schema.value(QLatin1String("$ref")).toString();
    if (ref.startsWith(u'#')) {
        const QJsonValue target = resolvePointer(root, ref.mid(1));
        if (target.isObject())
            expand(root, target.toObject(), out, depth + 1);
    }
    for (const char *keyword : {"allOf", "anyOf", "oneOf"}) {
        const QJsonArray branches = schema.value(QLatin1String(keyword)).toArray();
        for (const QJsonValue &branch : branches) {
            if (branch.isObject())
                expand(root, branch.toObject(), out, depth + 1);
        }
    }
}

QString firstString(const QList<QJsonObject> &schemas, QLatin1String keyword)
{
    for (const QJsonObject &schema : schemas) {
        const QString text = schema.value(keyword).toString();
        if (!text.isEmpty())
            return text;
    }
    return {};
}

QString jsonTypeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return std::trunc(d) == d ? QStringLiteral("integer") : QStringLiteral("number");
    }
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    default: return QStringLiteral("null");
    }
}

QStringList typesOf(const QList<QJsonObject> &schemas)
{
    QStringList types;
    for (const QJsonObject &schema : schemas) {
        const QJsonValue type = schema.value(QLatin1String("type"));
        if (type.isString())
            types << type.toString();
        for (const QJsonValue &t : type.toArray())
            types << t.toString();
        if (schema.value(QLatin1String("x-kubernetes-int-or-string")).toBool())
            types << QStringLiteral("integer") << QStringLiteral("string");
    }
    if (types.isEmpty()) {
        for (const QJsonObject &schema : schemas) {
            if (schema.contains(QLatin1String("properties"))
                || schema.value(QLatin1String("additionalProperties")).isObject())
                types << QStringLiteral("object");
            else if (schema.contains(QLatin1String("items")))
                types << QStringLiteral("array");
            for (const QJsonValue &value : schema.value(QLatin1String("enum")).toArray())
                types << jsonTypeOf(value);
        }
    }
    types.removeAll(QString());
    types.removeDuplicates();
    if (types.size() > 1) // Kubernetes schemas make every optional field nullable: noise in a tooltip
        types.removeAll(QStringLiteral("null"));
    return types;
}

QString joinTypes(const QStringList &types)
{
    if (types.size() <= 1)
        return types.value(0);
    return types.mid(0, types.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" or ") + types.last();
}

QString typeText(const QJsonObject &root, const QList<QJsonObject> &schemas)
{
    const QStringList types = typesOf(schemas);
    if (types == QStringList{QStringLiteral("array")}) {
        for (const QJsonObject &schema : schemas) {
            const QJsonValue items = schema.value(QLatin1String("items"));
            if (!items.isObject())
                continue;
            QList<QJsonObject> itemSchemas;
            expand(root, items.toObject(), itemSchemas);
            const QStringList itemTypes = typesOf(itemSchemas);
            if (itemTypes.size() == 1)
                return QStringLiteral("array of ") + itemTypes.first();
        }
    }
    return joinTypes(types);
}

bool describesObject(const QList<QJsonObject> &schemas)
{
    for (const QJsonObject &schema : schemas) {
        if (!schema.value(QLatin1String("properties")).toObject().isEmpty()
            || schema.value(QLatin1String("additionalProperties")).isObject()
            || schema.value(QLatin1String("patternProperties")).isObject())
            return true;
    }
    return typesOf(schemas).contains(QStringLiteral("object"));
}

QList<Completion> keyCompletions(const QJsonObject &root, const QList<QJsonObject> &schemas,
                                 const QStringList &present)
{
    QList<Completion> out;
    QSet<QString> seen;
    for (const QJsonObject &schema : schemas) {
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            if (present.contains(it.key()) || seen.contains(it.key()))
                continue;
            seen.insert(it.key());
            QList<QJsonObject> property;
            expand(root, it.value().toObject(), property);
            Completion completion;
            completion.kind = Completion::Key;
            completion.label = it.key();
            completion.insertText = SchemaAssist::toYamlScalar(it.key()) + QStringLiteral(": ");
            completion.detail = typeText(root, property);
            completion.documentation = firstString(property, QLatin1String("description"));
            out << completion;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Completion &a, const Completion &b) {
        return a.label.compare(b.label, Qt::CaseInsensitive) < 0;
    });
    return out;
}

QList<Completion> valueCompletions(const QList<QJsonObject> &schemas)
{
    QList<Completion> out;
    QSet<QString> seen;
    const QString description = firstString(schemas, QLatin1String("description"));
    const auto add = [&](const QJsonValue &value, const QString &detail) {
        const QString text = SchemaAssist::toYamlScalar(value);
        if (text.isEmpty() || seen.contains(text))
            return;
        seen.insert(text);
        Completion completion;
        completion.kind = Completion::Value;
        completion.label = value.isString() ? value.toString() : text;
        completion.insertText = text;
        completion.detail = detail;
        completion.documentation = description;
        out << completion;
    };
    for (const QJsonObject &schema : schemas) {
        if (schema.contains(QLatin1String("default"))) {
            add(schema.value(QLatin1String("default")), QStringLiteral("default"));
            break;
        }
    }
    bool enumerated = false;
    for (const QJsonObject &schema : schemas) {
        const QJsonArray values = schema.value(QLatin1String("enum")).toArray();
        for (const QJsonValue &value : values)
            add(value, QStringLiteral("allowed value"));
        enumerated = enumerated || !values.isEmpty();
        if (schema.contains(QLatin1String("const"))) {
            add(schema.value(QLatin1String("const")), QStringLiteral("allowed value"));
            enumerated = true;
        }
    }
    if (!enumerated && typesOf(schemas).contains(QStringLiteral("boolean"))) {
        add(true, QStringLiteral("boolean"));
        add(false, QStringLiteral("boolean"));
    }
    return out;
}

QList<Completion> filtered(const QList<Completion> &all, const QString &prefix)
{
    if (prefix.isEmpty())
        return all;
    QList<Completion> starting;
    QList<Completion> containing;
    for (const Completion &completion : all) {
        if (completion.label.startsWith(prefix, Qt::CaseInsensitive))
            starting << completion;
        else if (completion.label.contains(prefix, Qt::CaseInsensitive))
            containing << completion;
    }
    return starting + containing;
}

/// True when `text` written as a plain YAML scalar reads back as this very string, under YAML 1.2
/// and under the YAML 1.1 rules Kubernetes and Helm (go-yaml) still apply.
bool isPlainSafe(const QString &text)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    if (yaml::resolvePlainScalar(text) != yaml::ScalarType::String)
        return false;
    static const QStringList yaml11Words = {QStringLiteral("y"),  QStringLiteral("n"),  QStringLiteral("yes"),
                                            QStringLiteral("no"), QStringLiteral("on"), QStringLiteral("off")};
    if (yaml11Words.contains(text.toLower()))
        return false;
    const QChar first = text.front();
    // Anything that starts like a number: versions ("1.0"), dates, YAML 1.1 octal and sexagesimal.
    if (first.isDigit())
        return false;
    if ((first == u'-' || first == u'+' || first == u'.') && text.size() > 1 && text.at(1).isDigit())
        return false;
    static const QString indicators = QStringLiteral("[]{}#&*!|>'\"%@`,");
    if (indicators.contains(first))
        return false;
    if ((first == u'-' || first == u'?' || first == u':') && text.size() == 1)
        return false;
    return !(text.contains(QStringLiteral(": ")) || text.contains(QStringLiteral(" #")) || text.endsWith(u':'));
}

/// The value as JSON text; JSON is valid YAML flow syntax (a JSON string is a double-quoted scalar).
QString compactJson(const QJsonValue &value)
{
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

// ---------------------------------------------------------------------------------------------

QStringList CursorContext::valuePath() const
{
    QStringList path = mappingPath;
    if (inValue && !currentKey.isEmpty())
        path << currentKey;
    return path;
}

bool HoverInfo::valid() const
{
    return !path.isEmpty()
           && (!type.isEmpty() || !description.isEmpty() || !title.isEmpty() || !defaultValue.isEmpty()
               || !allowedValues.isEmpty());
}

QString HoverInfo::toHtml() const
{
    QString html = QStringLiteral("<b>") + yaml::formatPath(path).toHtmlEscaped() + QStringLiteral("</b>");
    if (!type.isEmpty())
        html += QStringLiteral(" <i>") + type.toHtmlEscaped() + QStringLiteral("</i>");
    if (!title.isEmpty())
        html += QStringLiteral("<br/>") + title.toHtmlEscaped();
    if (!description.isEmpty())
        html += QStringLiteral("<p>") + description.toHtmlEscaped().replace(u'\n', QStringLiteral("<br/>"))
                + QStringLiteral("</p>");
    if (!defaultValue.isEmpty())
        html += QStringLiteral("<p>Default: <code>") + defaultValue.toHtmlEscaped() + QStringLiteral("</code></p>");
    if (!allowedValues.isEmpty()) {
        constexpr qsizetype shown = 30; // a tooltip, not a reference page
        QStringList values;
        for (const QString &value : allowedValues.mid(0, shown))
            values << QStringLiteral("<code>") + value.toHtmlEscaped() + QStringLiteral("</code>");
        if (allowedValues.size() > shown)
            values << QStringLiteral("… (%1 more)").arg(allowedValues.size() - shown);
        html += QStringLiteral("<p>Allowed values: ") + values.join(QStringLiteral(", ")) + QStringLiteral("</p>");
    }
    return html;
}

QStringList SchemaAssist::pathAt(const QString &text, int line, int column)
{
    return contextAt(text, line, column).valuePath();
}

CursorContext SchemaAssist::contextAt(const QString &text, int line, int column)
{
    return contextIn(Lines(text), line, column);
}

QList<Completion> SchemaAssist::completions(const CompiledSchema &schema, const CursorContext &context)
{
    if (context.inFreeText)
        return {};
    const QJsonObject &root = schema.json();
    QList<Completion> all;
    if (context.inValue) {
        all = valueCompletions(schemasAt(root, context.valuePath()));
    } else {
        const QList<QJsonObject> schemas = schemasAt(root, context.mappingPath);
        all = describesObject(schemas) ? keyCompletions(root, schemas, context.siblingKeys) : valueCompletions(schemas);
    }
    return filtered(all, context.prefix);
}

HoverInfo SchemaAssist::hoverAt(const CompiledSchema &schema, const QString &text, int line, int column)
{
    HoverInfo hover;
    const Lines lines(text);
    if (line < 1 || line > lines.count())
        return hover;
    const QStringView s = lines.at(line - 1);
    const LineInfo info = parseLine(s);
    const int at = column - 1;
    if (info.kind != LineInfo::Content || at < info.indent || at >= s.size()
        || (info.comment >= 0 && at >= info.comment))
        return hover;

    const CursorContext context = contextIn(lines, line, column);
    QStringList path;
    if (!context.currentKey.isEmpty()) {
        path = context.mappingPath;
        path << context.currentKey;
    } else if (!info.tokens.isEmpty() && info.tokens.last().kind == Token::Item && at > info.tokens.last().column
               && !context.mappingPath.isEmpty()) {
        path = context.mappingPath; // the scalar of a "- value" item
    } else {
        return hover;
    }

    const QJsonObject &root = schema.json();
    const QList<QJsonObject> schemas = schemasAt(root, path);
    hover.path = path;
    if (schemas.isEmpty())
        return hover;
    hover.type = typeText(root, schemas);
    hover.title = firstString(schemas, QLatin1String("title"));
    hover.description = firstString(schemas, QLatin1String("description"));
    for (const QJsonObject &candidate : schemas) {
        if (candidate.contains(QLatin1String("default"))) {
            hover.defaultValue = toYamlScalar(candidate.value(QLatin1String("default")));
            break;
        }
    }
    for (const QJsonObject &candidate : schemas) {
        for (const QJsonValue &value : candidate.value(QLatin1String("enum")).toArray())
            hover.allowedValues << toYamlScalar(value);
    }
    hover.allowedValues.removeDuplicates();
    return hover;
}

std::optional<ResourceType> SchemaAssist::resourceTypeAt(const QString &text, int line)
{
    const Lines lines(text);
    if (line < 1 || line > lines.count())
        return std::nullopt;
    const auto isMarker = [&](int index) { return parseLine(lines.at(index)).kind == LineInfo::Marker; };
    int begin = line - 1;
    if (isMarker(begin)) {
        ++begin; // a "---" line starts the document below it
    } else {
        while (begin > 0 && !isMarker(begin - 1))
            --begin;
    }
    QString apiVersion;
    QString kind;
    for (int j = begin; j < lines.count() && (apiVersion.isEmpty() || kind.isEmpty()); ++j) {
        const QStringView s = lines.at(j);
        const LineInfo info = parseLine(s);
        if (info.kind == LineInfo::Marker)
            break;
        if (info.tokens.size() != 1 || info.tokens.first().kind != Token::Key || info.tokens.first().column != 0)
            continue;
        const QString &key = info.tokens.first().key;
        QString *target = key == u"apiVersion" ? &apiVersion : key == u"kind" ? &kind : nullptr;
        if (!target || !target->isEmpty())
            continue;
        const QStringView value = s.mid(info.textStart, info.textEnd - info.textStart);
        const bool quoted = value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'')
                            && value.back() == value.front();
        *target = quoted ? unquote(value) : value.toString();
        if (target->isEmpty())
            *target = QStringLiteral(" "); // present but empty: stays unusable, but is not looked up again
    }
    apiVersion = apiVersion.trimmed();
    kind = kind.trimmed();
    if (apiVersion.isEmpty() || kind.isEmpty() || apiVersion.contains(QStringLiteral("{{"))
        || kind.contains(QStringLiteral("{{")))
        return std::nullopt;
    return ResourceType{apiVersion, kind};
}

QList<QJsonObject> SchemaAssist::schemasAt(const QJsonObject &root, const QStringList &path)
{
    QList<QJsonObject> current;
    expand(root, root, current);
    for (const QString &segment : path) {
        QList<QJsonObject> next;
        const bool isIndex = segment.startsWith(u'[') && segment.endsWith(u']');
        for (const QJsonObject &schema : std::as_const(current)) {
            if (isIndex) {
                const QJsonValue items = schema.value(QLatin1String("items"));
                if (items.isObject()) {
                    expand(root, items.toObject(), next);
                } else if (items.isArray()) { // tuple form
                    const int index = QStringView(segment).mid(1, segment.size() - 2).toInt();
                    const QJsonArray tuple = items.toArray();
                    if (index >= 0 && index < tuple.size())
                        expand(root, tuple.at(index).toObject(), next);
                    else if (schema.value(QLatin1String("additionalItems")).isObject())
                        expand(root, schema.value(QLatin1String("additionalItems")).toObject(), next);
                }
                continue;
            }
            const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
            if (properties.contains(segment)) {
                expand(root, properties.value(segment).toObject(), next);
                continue;
            }
            bool matched = false;
            const QJsonObject patterns = schema.value(QLatin1String("patternProperties")).toObject();
            for (auto it = patterns.begin(); it != patterns.end(); ++it) {
                const QRegularExpression pattern(it.key());
                if (pattern.isValid() && pattern.match(segment).hasMatch()) {
                    expand(root, it.value().toObject(), next);
                    matched = true;
                }
            }
            if (!matched && schema.value(QLatin1String("additionalProperties")).isObject())
                expand(root, schema.value(QLatin1String("additionalProperties")).toObject(), next);
        }
        current = next;
        if (current.isEmpty())
            break;
    }
    return current;
}

QString SchemaAssist::typeName(const QJsonObject &schema)
{
    QList<QJsonObject> schemas;
    expand(schema, schema, schemas);
    return typeText(schema, schemas);
}

QString SchemaAssist::toYamlScalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::String: return isPlainSafe(value.toString()) ? value.toString() : compactJson(value);
    case QJsonValue::Double:
    case QJsonValue::Array:
    case QJsonValue::Object: return compactJson(value);
    case QJsonValue::Undefined: break;
    }
    return {};
}

} // namespace studio
