// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QString>

namespace studio::cloud {

/// Writes a JSON value as block-style YAML, the way Kubernetes manifests are usually written:
/// two-space indentation, keys in QJsonObject (sorted) order, strings plain where the YAML 1.2 core
/// schema reads them back as the same string and double-quoted otherwise.
QString manifestYaml(const QJsonValue &value);

} // namespace studio::cloud
