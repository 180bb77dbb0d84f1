// SPDX-License-Identifier: MIT
#include "spec/ManifestYaml.h"

#include "spec/AnswersYamlWriter.h"
#include "yaml/YamlNode.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace studio::cloud {

namespace {

QString scalar(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    case QJsonValue::String: {
        static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./][A-Za-z0-9_./=@+-]*( [A-Za-z0-9_./=@+-]+)*$"));
        const QString s = v.toString();
        const bool plain = safe.match(s).hasMatch() && yaml::resolvePlainScalar(s) == yaml::ScalarType::String;
        return plain ? s : AnswersYamlWriter::quoted(s);
    }
    case QJsonValue::Null: return QStringLiteral("null");
    default: return {};
    }
}

bool isEmptyCollection(const QJsonValue &v)
{
    return (v.isObject() && v.toObject().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

void write(QString &out, const QJsonValue &value, int indent);

void writeEntryValue(QString &out, const QJsonValue &value, int indent)
{
    if (isEmptyCollection(value)) {
        out += value.isObject() ? QStringLiteral(" {}\n") : QStringLiteral(" []\n");
    } else if (value.isObject() || value.isArray()) {
        out += u'\n';
        write(out, value, value.isArray() ? indent : indent + 2);
    } else {
        out += u' ' + scalar(value) + u'\n';
    }
}

void write(QString &out, const QJsonValue &value, int indent)
{
    const QString pad(indent, u' ');
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            out += pad + scalar(QJsonValue(it.key())) + u':';
            writeEntryValue(out, it.value(), indent);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (item.isObject() && !item.toObject().isEmpty()) {
                QString nested;
                write(nested, item, indent + 2);
                out += pad + QStringLiteral("- ") + nested.mid(indent + 2);
            } else {
                out += pad + u'-';
                writeEntryValue(out, item, indent + 2);
            }
        }
    } else {
        out += pad + scalar(value) + u'\n';
    }
}

} // namespace

QString manifestYaml(const QJsonValue &value)
{
    QString out;
    write(out, value, 0);
    return out;
}

} // namespace studio::cloud
