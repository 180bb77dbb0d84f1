// SPDX-License-Identifier: MIT
#include "secrets/PlainSecret.h"

#include "yaml/YamlDocument.h"

#include <QRegularExpression>

namespace studio {

QString PlainSecret::checkName(const QString &name, const QString &field)
{
    static const QRegularExpression dns1123(QStringLiteral("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"));
    if (name.isEmpty())
        return QStringLiteral("%1 is empty").arg(field);
    if (name.size() > 253 || !dns1123.match(name).hasMatch())
        return QStringLiteral("%1 '%2' is not a valid Kubernetes name (lowercase letters, digits, '-' and '.')").arg(field, name);
    return {};
}

QString PlainSecret::checkKey(const QString &key)
{
    static const QRegularExpression valid(QStringLiteral("^[-._a-zA-Z0-9]+$"));
    if (key.size() > 253 || !valid.match(key).hasMatch())
        return QStringLiteral("'%1' is not a valid Secret key (letters, digits, '-', '_' and '.')").arg(key);
    return {};
}

Result<PlainSecret> PlainSecret::fromManifest(const QString &yaml, const QString &file)
{
    const yaml::YamlDocument document = yaml::YamlDocument::parse(yaml);
    if (document.hasErrors()) {
        const Diagnostic &d = document.diagnostics().front();
        return Error{Error::Code::Parse, QStringLiteral("%1:%2: %3").arg(file).arg(d.line).arg(d.message)};
    }
    const yaml::YamlNode *secret = nullptr;
    for (const yaml::YamlNode *root : document.documents()) {
        const yaml::YamlNode *kind = root && root->isMapping() ? root->value(u"kind") : nullptr;
        if (kind && kind->scalar() == u"Secret") {
            secret = root;
            break;
        }
    }
    if (!secret)
        return Error{Error::Code::Parse, QStringLiteral("%1 has no manifest with kind: Secret").arg(file)};
    PlainSecret out;
    const yaml::YamlNode *metadata = secret->value(u"metadata");
    if (metadata && metadata->isMapping()) {
        if (const yaml::YamlNode *name = metadata->value(u"name"))
            out.name = name->scalar();
        if (const yaml::YamlNode *ns = metadata->value(u"namespace"))
            out.namespaceName = ns->scalar();
    }
    if (const yaml::YamlNode *type = secret->value(u"type"); type && !type->scalar().isEmpty())
        out.type = type->scalar();
    auto line = [](const yaml::YamlNode *node) { return node->span.start.line; };
    if (const yaml::YamlNode *data = secret->value(u"data"); data && data->isMapping()) {
        for (const yaml::YamlPair &pair : data->effectivePairs()) {
            const QByteArray encoded = pair.value->scalar().toLatin1();
            const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return Error{Error::Code::Parse, QStringLiteral("%1:%2: data.%3 is not base64; put plain text under "
                                                                "stringData instead")
                                                     .arg(file)
                                                     .arg(line(pair.key))
                                                     .arg(pair.key->scalar())};
            out.data.insert(pair.key->scalar(), decoded.decoded);
        }
    }
    if (const yaml::YamlNode *strings = secret->value(u"stringData"); strings && strings->isMapping()) {
        for (const yaml::YamlPair &pair : strings->effectivePairs())
            out.data.insert(pair.key->scalar(), pair.value->scalar().toUtf8());
    }
    if (out.data.isEmpty())
        return Error{Error::Code::Parse, QStringLiteral("%1: the Secret has no data or stringData to seal").arg(file)};
    return out;
}

void PlainSecret::wipe()
{
    for (QByteArray &value : data)
        value.fill('\0');
    data.clear();
}

} // namespace studio
