// SPDX-License-Identifier: MIT
#include "values/ValueNode.h"

#include "yaml/YamlJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace studio {

const ValueNode *ValueNode::member(QStringView key) const
{
    for (const auto &[name, value] : members) {
        if (name == key)
            return &value;
    }
    return nullptr;
}

ValueNode *ValueNode::member(QStringView key)
{
    return const_cast<ValueNode *>(std::as_const(*this).member(key));
}

const ValueNode *ValueNode::at(const QStringList &path) const
{
    const ValueNode *node = this;
    for (const QString &segment : path) {
        if (segment.startsWith(u'[') && node->kind == Kind::List) {
            bool ok = false;
            const int index = QStringView(segment).mid(1, segment.size() - 2).toInt(&ok);
            if (!ok || index < 0 || size_t(index) >= node->items.size())
                return nullptr;
            node = &node->items[size_t(index)];
        } else {
            node = node->member(segment);
        }
        if (!node)
            return nullptr;
    }
    return node;
}

QJsonValue ValueNode::toJson() const
{
    switch (kind) {
    case Kind::Null:
        return QJsonValue(QJsonValue::Null);
    case Kind::Scalar: {
        yaml::YamlNode scalar;
        scalar.text = text;
        scalar.style = scalarType == yaml::ScalarType::String ? yaml::ScalarStyle::DoubleQuoted
                                                              : yaml::ScalarStyle::Plain;
        return yaml::scalarToJson(&scalar);
    }
    case Kind::Map: {
        QJsonObject object;
        for (const auto &[name, value] : members)
            object.insert(name, value.toJson());
        return object;
    }
    case Kind::List: {
        QJsonArray array;
        for (const ValueNode &item : items)
            array.append(item.toJson());
        return array;
    }
    }
    return {};
}

QString ValueNode::displayText() const
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Scalar:
        return text;
    case Kind::Map:
        return QStringLiteral("{…}");
    case Kind::List:
        return QStringLiteral("[…]");
    }
    return {};
}

} // namespace studio
