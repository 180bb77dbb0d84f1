// SPDX-License-Identifier: MIT
#include "schema/CompiledSchema.h"

#include "schema/SchemaAssist.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>

namespace studio {

CompiledSchema::~CompiledSchema() = default;

Result<CompiledSchemaPtr> CompiledSchema::compile(const QByteArray &json, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<CompiledSchemaPtr>::failure(
            Error::Code::Parse, QStringLiteral("schema %1 is not valid JSON (%2 at byte %3)")
                                    .arg(source, parseError.errorString())
                                    .arg(parseError.offset));
    if (!doc.isObject())
        return Result<CompiledSchemaPtr>::failure(Error::Code::Parse,
                                                  QStringLiteral("schema %1 is not a JSON object").arg(source));

    const QString dialect = doc.object().value(QLatin1String("$schema")).toString();
    valijson::SchemaParser::Version version = valijson::SchemaParser::kDraft4;
    if (dialect.contains(u"draft-07") || dialect.contains(u"draft-06") || dialect.contains(u"2019-09")
        || dialect.contains(u"2020-12"))
        version = valijson::SchemaParser::kDraft7;

    std::shared_ptr<CompiledSchema> compiled(new CompiledSchema);
    compiled->m_schema = std::make_unique<valijson::Schema>();
    compiled->m_json = doc.object();
    compiled->m_source = source;
    try {
        valijson::SchemaParser parser(version);
        const QJsonValue root(compiled->m_json);
        valijson::adapters::QtJsonAdapter adapter(root);
        parser.populateSchema(adapter, *compiled->m_schema);
    } catch (const std::exception &e) {
        return Result<CompiledSchemaPtr>::failure(
            Error::Code::Parse, QStringLiteral("schema %1 cannot be used: %2").arg(source, QString::fromUtf8(e.what())));
    }
    return CompiledSchemaPtr(std::move(compiled));
}

QJsonObject CompiledSchema::subschema(const QStringList &path) const
{
    // Every schema that applies there (through $ref, allOf/anyOf/oneOf, patternProperties, tuple
    // items); the first that states a type speaks for the value.
    const QList<QJsonObject> schemas = SchemaAssist::schemasAt(m_json, path);
    for (const QJsonObject &schema : schemas) {
        if (schema.contains(QLatin1String("type")) || schema.contains(QLatin1String("enum")))
            return schema;
    }
    return schemas.isEmpty() ? QJsonObject() : schemas.front();
}

Result<CompiledSchemaPtr> CompiledSchema::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<CompiledSchemaPtr>::failure(
            Error::Code::Io, QStringLiteral("cannot read schema %1 (%2)").arg(path, file.errorString()));
    return compile(file.readAll(), path);
}

} // namespace studio
