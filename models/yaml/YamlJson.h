// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "yaml/YamlNode.h"

#include <QJsonValue>

namespace studio::yaml {

/// Converts a YAML node to JSON for schema validation: merge keys applied, aliases expanded,
/// scalars typed by the YAML 1.2 core schema. Fails with a clear message when alias expansion would
/// explode (a "billion laughs" document) instead of exhausting memory.
Result<QJsonValue> toJson(const YamlNode *node, qsizetype maxNodes = 2'000'000);

/// The typed JSON value of one scalar node.
QJsonValue scalarToJson(const YamlNode *node);

/// Formats a path like "spec.template.spec.containers[0].image".
QString formatPath(const QStringList &segments);

/// Finds the node at a path of mapping keys and "[index]" segments; nullptr when absent.
const YamlNode *nodeAtPath(const YamlNode *root, const QStringList &segments);

} // namespace studio::yaml
