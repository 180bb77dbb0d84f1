// SPDX-License-Identifier: MIT
#include "yaml/YamlJson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace studio::yaml {

namespace {

constexpr int kMaxJsonDepth = 512;

struct Converter {
    qsizetype budget;
    bool exploded = false;
    bool tooDeep = false;

    QJsonValue convert(const YamlNode *node, int depth)
    {
        if (--budget < 0) {
            exploded = true;
            return {};
        }
        if (depth > kMaxJsonDepth) {
            tooDeep = true;
            return {};
        }
        node = node->resolved();
        switch (node->kind) {
        case NodeKind::Scalar:
        case NodeKind::Alias:
            return scalarToJson(node);
        case NodeKind::Sequence: {
            QJsonArray array;
            for (const YamlNode *item : node->items) {
                array.append(convert(item, depth + 1));
                if (exploded || tooDeep)
                    return {};
            }
            return array;
        }
        case NodeKind::Mapping: {
            QJsonObject object;
            for (const YamlPair &p : node->effectivePairs()) {
                const QString key = p.key->isScalar() ? p.key->scalar() : QStringLiteral("<complex key>");
                object.insert(key, convert(p.value, depth + 1));
                if (exploded || tooDeep)
                    return {};
            }
            return object;
        }
        }
        return {};
    }
};

} // namespace

QJsonValue scalarToJson(const YamlNode *node)
{
    node = node->resolved();
    const QString &text = node->text;
    switch (node->scalarType()) {
    case ScalarType::Null:
        return QJsonValue(QJsonValue::Null);
    case ScalarType::Bool:
        return QJsonValue(text.compare(u"true", Qt::CaseInsensitive) == 0);
    case ScalarType::Int: {
        bool ok = false;
        qint64 value = 0;
        if (text.startsWith(u"0o"))
            value = QStringView(text).mid(2).toLongLong(&ok, 8);
        else if (text.startsWith(u"0x"))
            value = QStringView(text).mid(2).toLongLong(&ok, 16);
        else
            value = text.toLongLong(&ok, 10);
        if (ok)
            return QJsonValue(value);
        return QJsonValue(text.toDouble());
    }
    case ScalarType::Float: {
        const QString lower = text.toLower();
        if (lower.endsWith(u".inf"))
            return QJsonValue(lower.startsWith(u'-') ? -std::numeric_limits<double>::infinity()
                                                     : std::numeric_limits<double>::infinity());
        if (lower == u".nan")
            return QJsonValue(std::numeric_limits<double>::quiet_NaN());
        return QJsonValue(text.toDouble());
    }
    case ScalarType::String:
        break;
    }
    return QJsonValue(text);
}

Result<QJsonValue> toJson(const YamlNode *node, qsizetype maxNodes)
{
    Converter converter{maxNodes};
    QJsonValue value = converter.convert(node, 0);
    if (converter.exploded)
        return Result<QJsonValue>::failure(
            Error::Code::Parse, QStringLiteral("aliases expand to more than %1 values; the document is refused "
                                               "(is it a \"billion laughs\" file?)")
                                    .arg(maxNodes));
    if (converter.tooDeep)
        return Result<QJsonValue>::failure(Error::Code::Parse,
                                           QStringLiteral("aliases expand to a value nested deeper than %1 levels")
                                               .arg(kMaxJsonDepth));
    return value;
}

QString formatPath(const QStringList &segments)
{
    QString out;
    for (const QString &segment : segments) {
        if (segment.startsWith(u'[')) {
            out += segment;
        } else {
            if (!out.isEmpty())
                out += u'.';
            out += segment;
        }
    }
    return out;
}

const YamlNode *nodeAtPath(const YamlNode *root, const QStringList &segments)
{
    const YamlNode *node = root;
    for (const QString &segment : segments) {
        if (!node)
            return nullptr;
        if (segment.startsWith(u'[') && node->isSequence()) {
            bool ok = false;
            const int index = QStringView(segment).mid(1, segment.size() - 2).toInt(&ok);
            const auto &items = node->resolved()->items;
            if (!ok || index < 0 || size_t(index) >= items.size())
                return nullptr;
            node = items[size_t(index)];
        } else {
            node = node->value(segment);
        }
    }
    return node;
}

} // namespace studio::yaml
