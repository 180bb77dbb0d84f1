// SPDX-License-Identifier: MIT
#include "values/EffectiveValues.h"

#include "yaml/YamlJson.h"

namespace studio {

using yaml::NodeKind;
using yaml::YamlNode;

namespace {

constexpr int kMaxDepth = 256;

ValueOrigin originOf(const QString &file, const YamlNode *node)
{
    return ValueOrigin{file, node->span.start.line, node->span.start.column};
}

/// Builds a ValueNode from YAML; `keyNode` (when given) is where the value's key is written.
ValueNode fromYaml(const QString &file, const YamlNode *node, const YamlNode *keyNode, int depth)
{
    ValueNode value;
    value.origin = originOf(file, keyNode ? keyNode : node);
    if (depth > kMaxDepth)
        return value;
    const YamlNode *resolved = node->resolved();
    switch (resolved->kind) {
    case NodeKind::Scalar:
    case NodeKind::Alias:
        if (resolved->isNull()) {
            value.kind = ValueNode::Kind::Null;
        } else {
            value.kind = ValueNode::Kind::Scalar;
            value.text = resolved->text;
            value.scalarType = resolved->scalarType();
        }
        break;
    case NodeKind::Sequence:
        value.kind = ValueNode::Kind::List;
        for (const YamlNode *item : resolved->items)
            value.items.push_back(fromYaml(file, item, nullptr, depth + 1));
        break;
    case NodeKind::Mapping:
        value.kind = ValueNode::Kind::Map;
        for (const yaml::YamlPair &p : resolved->effectivePairs()) {
            if (p.key->isScalar())
                value.members.emplace_back(p.key->scalar(), fromYaml(file, p.value, p.key, depth + 1));
        }
        break;
    }
    return value;
}

/// Helm's coalescing of an override onto a base, for one map.
void mergeInto(ValueNode &base, ValueNode &&overlay)
{
    for (auto &[key, value] : overlay.members) {
        ValueNode *existing = base.member(key);
        if (value.kind == ValueNode::Kind::Null) {
            // null deletes the key: "set it to null in values-prod.yaml to drop a default".
            if (existing) {
                base.members.erase(std::find_if(base.members.begin(), base.members.end(),
                                                [&key = key](const auto &m) { return m.first == key; }));
            }
            continue;
        }
        if (existing && existing->kind == ValueNode::Kind::Map && value.kind == ValueNode::Kind::Map) {
            existing->origin = value.origin;
            mergeInto(*existing, std::move(value));
        } else if (existing) {
            *existing = std::move(value);
        } else {
            base.members.emplace_back(key, std::move(value));
        }
    }
}

} // namespace

EffectiveValues EffectiveValues::merge(const QList<ValuesLayer> &layers)
{
    EffectiveValues result;
    result.m_root.kind = ValueNode::Kind::Map;
    for (const ValuesLayer &layer : layers) {
        const auto &documents = layer.document.documents();
        if (documents.empty())
            continue; // an empty values file changes nothing
        const YamlNode *root = documents.front();
        if (root->isNull())
            continue;
        if (!root->isMapping()) {
            Diagnostic d;
            d.file = layer.file;
            d.line = root->span.start.line;
            d.column = root->span.start.column;
            d.rule = QStringLiteral("values-not-a-mapping");
            d.message = QStringLiteral("a values file must be a mapping of settings (key: value); this one is a %1")
                            .arg(root->isSequence() ? QStringLiteral("list") : QStringLiteral("single value"));
            result.m_diagnostics << d;
            continue;
        }
        // Aliases are expanded by the merge: refuse a file whose aliases explode ("billion laughs").
        if (const Result<QJsonValue> expanded = layer.document.hasAliases() ? yaml::toJson(root) : QJsonValue();
            !expanded) {
            Diagnostic d;
            d.file = layer.file;
            d.line = root->span.start.line;
            d.column = root->span.start.column;
            d.rule = QStringLiteral("yaml-aliases");
            d.message = expanded.errorMessage();
            result.m_diagnostics << d;
            continue;
        }
        if (result.m_root.origin.file.isEmpty())
            result.m_root.origin = ValueOrigin{layer.file, 1, 1};
        mergeInto(result.m_root, fromYaml(layer.file, root, nullptr, 0));
    }
    return result;
}

} // namespace studio
