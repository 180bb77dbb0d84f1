// SPDX-License-Identifier: MIT
#pragma once

#include "yaml/YamlNode.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <vector>

namespace studio {

/// Where a value was written: the file of its layer and the position of its key (or of the value
/// itself for list entries and the document root).
struct ValueOrigin {
    QString file;
    int line = 0;
    int column = 0;
    friend bool operator==(const ValueOrigin &, const ValueOrigin &) = default;
};

/// One value of an environment's effective configuration, with the place it comes from.
struct ValueNode {
    enum class Kind { Null, Scalar, Map, List };

    Kind kind = Kind::Null;
    QString text;                       ///< scalar text as written (unquoted)
    yaml::ScalarType scalarType = yaml::ScalarType::Null;
    std::vector<std::pair<QString, ValueNode>> members; ///< maps, in first-written order
    std::vector<ValueNode> items;                       ///< lists
    ValueOrigin origin;

    const ValueNode *member(QStringView key) const;
    ValueNode *member(QStringView key);
    /// Follows a path of keys and "[index]" segments.
    const ValueNode *at(const QStringList &path) const;
    QJsonValue toJson() const;
    /// Text shown to users: scalars as written, "{…}"/"[…]" for collections, "null".
    QString displayText() const;
};

} // namespace studio
