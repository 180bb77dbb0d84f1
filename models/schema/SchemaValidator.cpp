// SPDX-License-Identifier: MIT
#include "schema/SchemaValidator.h"

#include "yaml/YamlJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace studio {

namespace {

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return value.toDouble() == double(qint64(value.toDouble())) ? QStringLiteral("an integer")
                                                                      : QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("text");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("a mapping");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

QString schemaTypeName(const QString &type)
{
    if (type == u"integer") return QStringLiteral("an integer");
    if (type == u"number") return QStringLiteral("a number");
    if (type == u"string") return QStringLiteral("text");
    if (type == u"boolean") return QStringLiteral("true or false");
    if (type == u"array") return QStringLiteral("a list");
    if (type == u"object") return QStringLiteral("a mapping");
    if (type == u"null") return QStringLiteral("null");
    return type;
}

QString shortValue(const QJsonValue &value)
{
    if (value.isString())
        return u'"' + value.toString().left(60) + u'"';
    if (value.isObject() || value.isArray())
        return {};
    QString text = QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    return text.mid(1, text.size() - 2);
}

QJsonValue instanceAt(const QJsonValue &root, const QStringList &path)
{
    QJsonValue value = root;
    for (const QString &segment : path) {
        if (segment.startsWith(u'[') && value.isArray())
            value = value.toArray().at(QStringView(segment).mid(1, segment.size() - 2).toInt());
        else
            value = value.toObject().value(segment);
    }
    return value;
}

QString quoted(const QStringList &path)
{
    return path.isEmpty() ? QStringLiteral("the document") : u'\'' + yaml::formatPath(path) + u'\'';
}

QString between(const std::string &text, const char *open, const char *close)
{
    const auto start = text.find(open);
    if (start == std::string::npos)
        return {};
    const auto from = start + std::strlen(open);
    const auto end = text.find(close, from);
    return QString::fromStdString(text.substr(from, end == std::string::npos ? std::string::npos : end - from));
}

SchemaViolation rewrite(const std::string &description, const QStringList &path, const CompiledSchema &compiled,
                        const QJsonValue &instanceRoot)
{
    SchemaViolation v;
    v.path = path;
    const QJsonObject schema = compiled.subschema(path);
    const QJsonValue value = instanceAt(instanceRoot, path);

    if (description.rfind("Object contains a property", 0) == 0) {
        v.kind = SchemaViolation::Kind::UnknownField;
        v.property = between(description, "constraints: '", "'.");
        QStringList known = schema.value(QLatin1String("properties")).toObject().keys();
        QString hint;
        for (const QString &candidate : std::as_const(known)) {
            // A cheap "did you mean": same letters give or take one.
            if (qAbs(candidate.size() - v.property.size()) <= 2
                && candidate.left(3).compare(v.property.left(3), Qt::CaseInsensitive) == 0) {
                hint = QStringLiteral("; did you mean '%1'?").arg(candidate);
                break;
            }
        }
        v.message = QStringLiteral("unknown field '%1' in %2: the schema does not allow it%3")
                        .arg(v.property, quoted(path), hint.isEmpty() ? QStringLiteral(" (a typo?)") : hint);
        return v;
    }
    if (description.rfind("Missing required property", 0) == 0) {
        v.kind = SchemaViolation::Kind::MissingField;
        v.property = between(description, "property '", "'.");
        v.message = QStringLiteral("%1 is missing the required field '%2'").arg(quoted(path), v.property);
        return v;
    }
    if (description.rfind("Value type not permitted", 0) == 0) {
        v.kind = SchemaViolation::Kind::WrongType;
        QStringList expected;
        const QJsonValue type = schema.value(QLatin1String("type"));
        if (type.isArray()) {
            for (const QJsonValue &t : type.toArray())
                expected << schemaTypeName(t.toString());
        } else if (type.isString()) {
            expected << schemaTypeName(type.toString());
        }
        const QString found = jsonTypeName(value) + (shortValue(value).isEmpty() ? QString() : u' ' + shortValue(value));
        v.message = expected.isEmpty()
            ? QStringLiteral("%1 has the wrong type (%2)").arg(quoted(path), found)
            : QStringLiteral("%1 must be %2, found %3").arg(quoted(path), expected.join(QStringLiteral(" or ")), found);
        return v;
    }
    if (description.rfind("Failed to match against any enum values", 0) == 0) {
        v.kind = SchemaViolation::Kind::NotAllowed;
        QStringList allowed;
        for (const QJsonValue &option : schema.value(QLatin1String("enum")).toArray())
            allowed << shortValue(option);
        v.message = QStringLiteral("%1 is %2, which is not one of the allowed values: %3")
                        .arg(quoted(path), shortValue(value), allowed.join(QStringLiteral(", ")));
        return v;
    }
    if (description.rfind("Expected number", 0) == 0) {
        v.kind = SchemaViolation::Kind::NotAllowed;
        QString bound = QString::fromStdString(description.substr(std::strlen("Expected number ")));
        if (bound.endsWith(u'.'))
            bound.chop(1);
        // valijson prints bounds with std::to_string ("100.000000"); show them as written.
        const qsizetype space = bound.lastIndexOf(u' ');
        bool isNumber = false;
        const double number = bound.mid(space + 1).toDouble(&isNumber);
        if (isNumber)
            bound = bound.left(space + 1) + QString::number(number, 'g', 15);
        v.message = QStringLiteral("%1 is %2, but it must be %3").arg(quoted(path), shortValue(value), bound);
        return v;
    }
    if (description.rfind("Failed to validate against", 0) == 0 || description.rfind("Failed to validate item", 0) == 0) {
        v.kind = SchemaViolation::Kind::NotAllowed;
        v.message = QStringLiteral("%1 (%2) does not match any of the forms the schema allows")
                        .arg(quoted(path), shortValue(value).isEmpty() ? jsonTypeName(value) : shortValue(value));
        return v;
    }
    QString text = QString::fromStdString(description);
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    if (text.endsWith(u'.'))
        text.chop(1);
    v.message = QStringLiteral("%1: %2").arg(quoted(path), text);
    return v;
}

bool isCascade(const std::string &description)
{
    return description.rfind("Failed to validate", 0) == 0;
}

} // namespace

QList<SchemaViolation> SchemaValidator::validate(const CompiledSchema &schema, const QJsonValue &instance)
{
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::ValidationResults results;
    valijson::adapters::QtJsonAdapter adapter(instance);
    try {
        if (validator.validate(schema.schema(), adapter, &results))
            return {};
    } catch (const std::exception &e) {
        // E.g. a CRD "pattern" in Go regex syntax that std::regex rejects: report, never crash.
        SchemaViolation v;
        v.message = QStringLiteral("the schema %1 cannot be evaluated here (%2); the document was not validated")
                        .arg(schema.source(), QString::fromUtf8(e.what()));
        return {v};
    }

    struct RawError {
        QStringList path;
        std::string description;
    };
    std::vector<RawError> errors;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        RawError raw;
        raw.description = error.description;
        // Context is "<root>", "[key]", "[0]"…; decide key vs index by the instance's shape.
        QJsonValue cursor = instance;
        for (size_t i = 1; i < error.context.size(); ++i) {
            const std::string &segment = error.context[i];
            QString name = QString::fromStdString(segment.substr(1, segment.size() - 2));
            if (cursor.isArray()) {
                raw.path << u'[' + name + u']';
                cursor = cursor.toArray().at(name.toInt());
            } else {
                raw.path << name;
                cursor = cursor.toObject().value(name);
            }
        }
        errors.push_back(std::move(raw));
    }

    // Keep the root causes: a "failed to validate…" summary is dropped when a more precise error
    // exists at or below its path.
    QList<SchemaViolation> violations;
    QSet<QString> seen;
    for (const RawError &e : errors) {
        if (isCascade(e.description)) {
            const bool explained = std::any_of(errors.begin(), errors.end(), [&e](const RawError &other) {
                return &other != &e && !isCascade(other.description) && other.path.size() >= e.path.size()
                    && other.path.mid(0, e.path.size()) == e.path;
            });
            if (explained)
                continue;
        }
        SchemaViolation v = rewrite(e.description, e.path, schema, instance);
        const QString key = yaml::formatPath(v.path) + u'|' + v.message;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        violations << v;
    }
    return violations;
}

} // namespace studio
