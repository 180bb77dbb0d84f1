// SPDX-License-Identifier: MIT
#pragma once

#include "schema/CompiledSchema.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

/// One way a document breaks its schema, with a message a user can act on.
struct SchemaViolation {
    enum class Kind { UnknownField, MissingField, WrongType, NotAllowed, Other };
    Kind kind = Kind::Other;
    QStringList path;  ///< keys and "[index]" segments to the offending value (the object, for missing fields)
    QString property;  ///< the unknown or missing field, when there is one
    QString message;
};

/// Validates JSON instances against a CompiledSchema with valijson and rewrites its findings into
/// precise, deduplicated messages ("spec.replicas must be an integer, found text \"three\"").
class SchemaValidator
{
public:
    static QList<SchemaViolation> validate(const CompiledSchema &schema, const QJsonValue &instance);
};

} // namespace studio
