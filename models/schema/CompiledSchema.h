// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace valijson {
class Schema;
}

namespace studio {

/// A JSON Schema parsed once and ready to validate many documents from any thread.
class CompiledSchema
{
public:
    ~CompiledSchema();

    /// Parses schema JSON (draft-04 or draft-07, chosen by "$schema"; draft-04 when absent, as
    /// kubeconform does). `source` names it in errors.
    static Result<std::shared_ptr<const CompiledSchema>> compile(const QByteArray &json, const QString &source);
    static Result<std::shared_ptr<const CompiledSchema>> load(const QString &path);

    const valijson::Schema &schema() const { return *m_schema; }
    /// The schema as JSON, for messages (expected types, allowed values, descriptions).
    const QJsonObject &json() const { return m_json; }
    const QString &source() const { return m_source; }
    /// The sub-schema that applies at `path` (keys and "[index]" segments), following properties,
    /// additionalProperties and items; empty when the schema says nothing about it.
    QJsonObject subschema(const QStringList &path) const;

private:
    CompiledSchema() = default;
    std::unique_ptr<valijson::Schema> m_schema;
    QJsonObject m_json;
    QString m_source;
};

using CompiledSchemaPtr = std::shared_ptr<const CompiledSchema>;

} // namespace studio
