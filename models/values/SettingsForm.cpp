// SPDX-License-Identifier: MIT
#include "values/SettingsForm.h"

#include "schema/SchemaAssist.h"
#include "yaml/YamlPatch.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace studio {

namespace {

constexpr int kMaxDepth = 12;

/// The schemas that apply at one property (following $ref and combinators), merged for display.
QJsonObject propertySchema(const QJsonObject &root, const QStringList &path)
{
    QJsonObject merged;
    for (const QJsonObject &schema : SchemaAssist::schemasAt(root, path)) {
        for (auto it = schema.begin(); it != schema.end(); ++it) {
            if (!merged.contains(it.key()))
                merged.insert(it.key(), it.value());
        }
    }
    return merged;
}

SettingField::Type typeOf(const QJsonObject &schema, const ValueNode *value)
{
    if (schema.contains(QLatin1String("enum")))
        return SettingField::Type::Enum;
    QString type = schema.value(QLatin1String("type")).toString();
    if (type.isEmpty()) {
        for (const QJsonValue &t : schema.value(QLatin1String("type")).toArray()) {
            if (t.toString() != u"null") {
                type = t.toString();
                break;
            }
        }
    }
    if (type == u"integer") return SettingField::Type::Integer;
    if (type == u"number") return SettingField::Type::Number;
    if (type == u"boolean") return SettingField::Type::Boolean;
    if (type == u"string") return SettingField::Type::String;
    if (type == u"array") return SettingField::Type::List;
    if (type == u"object")
        return schema.contains(QLatin1String("properties")) ? SettingField::Type::Group : SettingField::Type::Map;
    // No type in the schema: go by the value.
    if (value) {
        switch (value->kind) {
        case ValueNode::Kind::Map: return SettingField::Type::Map;
        case ValueNode::Kind::List: return SettingField::Type::List;
        case ValueNode::Kind::Scalar:
            switch (value->scalarType) {
            case yaml::ScalarType::Int: return SettingField::Type::Integer;
            case yaml::ScalarType::Float: return SettingField::Type::Number;
            case yaml::ScalarType::Bool: return SettingField::Type::Boolean;
            default: return SettingField::Type::String;
            }
        case ValueNode::Kind::Null: break;
        }
    }
    return SettingField::Type::Unknown;
}

struct Builder {
    const QJsonObject &root;
    const QString &ownFile;
    QList<SettingField> fields;

    void object(const QStringList &path, const QJsonObject &schema, const ValueNode *value, int depth)
    {
        // values order first (how the team wrote values.yaml), then what only the schema knows.
        QStringList keys;
        if (value && value->kind == ValueNode::Kind::Map) {
            for (const auto &member : value->members)
                keys << member.first;
        }
        QStringList schemaKeys;
        for (const QJsonObject &s : SchemaAssist::schemasAt(root, path))
            schemaKeys << s.value(QLatin1String("properties")).toObject().keys();
        if (path.isEmpty() && schemaKeys.isEmpty())
            schemaKeys = schema.value(QLatin1String("properties")).toObject().keys();
        for (const QString &key : std::as_const(schemaKeys)) {
            if (!keys.contains(key))
                keys << key;
        }
        QStringList required;
        for (const QJsonObject &s : SchemaAssist::schemasAt(root, path)) {
            for (const QJsonValue &r : s.value(QLatin1String("required")).toArray())
                required << r.toString();
        }
        for (const QString &key : std::as_const(keys)) {
            const QStringList childPath = path + QStringList{key};
            const ValueNode *child = value && value->kind == ValueNode::Kind::Map ? value->member(key) : nullptr;
            field(childPath, child, depth, required.contains(key));
        }
    }

    void field(const QStringList &path, const ValueNode *value, int depth, bool required)
    {
        const QJsonObject schema = propertySchema(root, path);
        SettingField f;
        f.path = path;
        f.key = path.back();
        f.description = schema.value(QLatin1String("description")).toString();
        f.type = typeOf(schema, value);
        f.required = required;
        f.depth = depth;
        for (const QJsonValue &option : schema.value(QLatin1String("enum")).toArray()) {
            f.enumValues << (option.isString() ? option.toString() : SchemaAssist::toYamlScalar(option));
            f.enumOfStrings = f.enumOfStrings && option.isString();
        }
        if (schema.contains(QLatin1String("minimum")))
            f.minimum = schema.value(QLatin1String("minimum")).toDouble();
        if (schema.contains(QLatin1String("maximum")))
            f.maximum = schema.value(QLatin1String("maximum")).toDouble();
        f.pattern = schema.value(QLatin1String("pattern")).toString();
        if (schema.contains(QLatin1String("default")))
            f.defaultText = SchemaAssist::toYamlScalar(schema.value(QLatin1String("default")));
        if (value && value->kind != ValueNode::Kind::Null) {
            f.isSet = true;
            f.text = value->kind == ValueNode::Kind::Scalar ? value->text : SettingsForm::flowText(*value);
            f.origin = value->origin;
            f.overridden = value->origin.file == ownFile;
        }
        if (f.type == SettingField::Type::Group && value && value->kind != ValueNode::Kind::Map
            && value->kind != ValueNode::Kind::Null)
            f.type = SettingField::Type::Map; // the value is not a mapping: show it as written
        fields << f;
        if (f.type == SettingField::Type::Group && depth < kMaxDepth)
            object(path, schema, value, depth + 1);
    }
};

} // namespace

yaml::ScalarType SettingField::scalarType() const
{
    switch (type) {
    case Type::Integer: return yaml::ScalarType::Int;
    case Type::Number: return yaml::resolvePlainScalar(text) == yaml::ScalarType::Int ? yaml::ScalarType::Int
                                                                                         : yaml::ScalarType::Float;
    case Type::Boolean: return yaml::ScalarType::Bool;
    case Type::Enum:
        // An enum of strings stays a string even when the text looks like a number.
        return enumOfStrings ? yaml::ScalarType::String : yaml::resolvePlainScalar(text);
    default: return yaml::ScalarType::String;
    }
}

QList<SettingField> SettingsForm::build(const QJsonObject &schema, const ValueNode &effective, const QString &ownFile)
{
    Builder builder{schema, ownFile, {}};
    builder.object({}, schema, &effective, 0);
    return builder.fields;
}

QString SettingsForm::flowText(const ValueNode &value)
{
    switch (value.kind) {
    case ValueNode::Kind::Null:
        return QStringLiteral("null");
    case ValueNode::Kind::Scalar: {
        static const QRegularExpression flowIndicators(QStringLiteral("[,\\[\\]{}]"));
        const bool needsQuotes = value.scalarType == yaml::ScalarType::String && value.text.contains(flowIndicators);
        return yaml::YamlPatch::renderScalar(value.text, value.scalarType,
                                             needsQuotes ? yaml::ScalarStyle::DoubleQuoted : yaml::ScalarStyle::Plain);
    }
    case ValueNode::Kind::List: {
        QStringList parts;
        for (const ValueNode &item : value.items)
            parts << flowText(item);
        return u'[' + parts.join(QStringLiteral(", ")) + u']';
    }
    case ValueNode::Kind::Map: {
        QStringList parts;
        for (const auto &[key, member] : value.members)
            parts << yaml::YamlPatch::renderScalar(key, yaml::ScalarType::String) + QStringLiteral(": ") + flowText(member);
        return u'{' + parts.join(QStringLiteral(", ")) + u'}';
    }
    }
    return {};
}

} // namespace studio
