// SPDX-License-Identifier: MIT
#include "values/EnvironmentMatrix.h"

#include "workspace/TextFile.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlJson.h"

#include <QHash>

#include <vector>

namespace studio {

namespace {

bool isLeafValue(const ValueNode &node)
{
    return node.kind != ValueNode::Kind::Map || node.members.empty();
}

/// Follows mapping keys only: a key spelled "[0]" is a key here, never a list index.
const ValueNode *memberAt(const ValueNode &root, const QStringList &keys)
{
    const ValueNode *node = &root;
    for (const QString &key : keys) {
        if (node->kind != ValueNode::Kind::Map)
            return nullptr;
        node = node->member(key);
        if (!node)
            return nullptr;
    }
    return node;
}

/// The union of every environment's settings as an ordered tree: keys keep the order they were
/// first seen in, so values.yaml sets the order and a key only an environment adds follows its siblings.
struct SettingOrder {
    QString key;
    bool isLeaf = false;
    std::vector<SettingOrder> children;
    QHash<QString, size_t> index;

    SettingOrder &child(const QString &name)
    {
        const auto it = index.constFind(name);
        if (it != index.cend())
            return children[*it];
        index.insert(name, children.size());
        children.push_back(SettingOrder{name, false, {}, {}});
        return children.back();
    }

    /// `markLeaves` false only records the order (the defaults layer); true records the rows.
    void add(const ValueNode &map, bool markLeaves)
    {
        for (const auto &[name, value] : map.members) {
            SettingOrder &slot = child(name);
            if (!isLeafValue(value))
                slot.add(value, markLeaves);
            else if (markLeaves)
                slot.isLeaf = true;
        }
    }

    void collect(QStringList &keys, QList<QStringList> &out) const
    {
        for (const SettingOrder &c : children) {
            keys << c.key;
            if (c.isLeaf)
                out << keys;
            c.collect(keys, out);
            keys.removeLast();
        }
    }
};

/// Where a later layer deletes a setting with null (the setting itself or one of its parents).
ValueOrigin deletionOrigin(const QList<ValuesLayer> &layers, const QStringList &keys)
{
    for (qsizetype i = layers.size() - 1; i >= 1; --i) {
        const auto &documents = layers.at(i).document.documents();
        if (documents.empty())
            continue;
        const yaml::YamlNode *map = documents.front();
        for (const QString &key : keys) {
            if (!map || !map->isMapping())
                break;
            const yaml::YamlPair *pair = map->resolved()->pair(key);
            if (!pair)
                break;
            if (pair->value->isNull())
                return ValueOrigin{layers.at(i).file, pair->key->span.start.line, pair->key->span.start.column};
            map = pair->value->resolved();
        }
    }
    return {};
}

class CompactWriter
{
public:
    explicit CompactWriter(qsizetype maxLength) : m_max(maxLength) {}

    void value(const ValueNode &node, bool inFlow)
    {
        if (m_full)
            return;
        switch (node.kind) {
        case ValueNode::Kind::Null:
            append(QStringLiteral("null"));
            break;
        case ValueNode::Kind::Scalar:
            scalar(node.text, node.scalarType, inFlow);
            break;
        case ValueNode::Kind::List:
            append(QStringLiteral("["));
            for (size_t i = 0; i < node.items.size() && !m_full; ++i) {
                if (i > 0)
                    append(QStringLiteral(", "));
                value(node.items[i], true);
            }
            append(QStringLiteral("]"));
            break;
        case ValueNode::Kind::Map: {
            append(QStringLiteral("{"));
            bool first = true;
            for (const auto &[key, member] : node.members) {
                if (m_full)
                    break;
                if (!first)
                    append(QStringLiteral(", "));
                first = false;
                scalar(key, yaml::ScalarType::String, true);
                append(QStringLiteral(": "));
                value(member, true);
            }
            append(QStringLiteral("}"));
            break;
        }
        }
    }

    QString result() const { return m_out; }

private:
    void scalar(const QString &text, yaml::ScalarType type, bool inFlow)
    {
        if (!needsQuotes(text, type, inFlow)) {
            append(text);
            return;
        }
        QString quoted;
        quoted.reserve(text.size() + 2);
        quoted += u'"';
        for (const QChar c : text) {
            if (c == u'"' || c == u'\\')
                quoted += u'\\';
            if (c == u'\n')
                quoted += QStringLiteral("\\n");
            else if (c == u'\t')
                quoted += QStringLiteral("\\t");
            else
                quoted += c;
        }
        quoted += u'"';
        append(quoted);
    }

    /// Quotes are shown only where the bare text would mislead: a string that reads as another
    /// type ("120", "true", ""), a line break, or flow punctuation inside a list or map.
    static bool needsQuotes(const QString &text, yaml::ScalarType type, bool inFlow)
    {
        if (type != yaml::ScalarType::String)
            return false;
        if (text.isEmpty() || yaml::resolvePlainScalar(text) != yaml::ScalarType::String)
            return true;
        if (text.contains(u'\n') || text.contains(u'\t') || text.front().isSpace() || text.back().isSpace())
            return true;
        if (!inFlow)
            return false;
        static const QString flowIndicators = QStringLiteral(",[]{}\"'");
        for (const QChar c : text) {
            if (flowIndicators.contains(c))
                return true;
        }
        return text.contains(QStringLiteral(": ")) || text.contains(QStringLiteral(" #")) || text.endsWith(u':');
    }

    void append(const QString &text)
    {
        if (m_full)
            return;
        if (m_out.size() + text.size() > m_max) {
            m_out += QStringView(text).left(qMax<qsizetype>(0, m_max - m_out.size()));
            m_out += u'…';
            m_full = true;
            return;
        }
        m_out += text;
    }

    QString m_out;
    qsizetype m_max;
    bool m_full = false;
};

QString defaultsFileOf(const QList<ValuesLayer> &layers)
{
    if (layers.isEmpty())
        return {};
    // A single layer is the environment's own file, unless it is the chart's values.yaml itself.
    if (layers.size() == 1 && layers.front().file.section(u'/', -1) != u"values.yaml")
        return {};
    return layers.front().file;
}

} // namespace

QString compactValueText(const ValueNode &value, qsizetype maxLength)
{
    CompactWriter writer(maxLength);
    writer.value(value, false);
    return writer.result();
}

QString dottedValuePath(const QStringList &keys)
{
    QString out;
    for (const QString &key : keys) {
        if (!out.isEmpty())
            out += u'.';
        out += QString(key).replace(u'.', QStringLiteral("\\."));
    }
    return out;
}

bool MatrixSetting::differsFromPrevious(int column) const
{
    if (column <= 0 || column >= cells.size())
        return false;
    return !cells.at(column).sameValueAs(cells.at(column - 1));
}

EnvironmentMatrix EnvironmentMatrix::build(const QList<EnvironmentLayers> &environments)
{
    EnvironmentMatrix matrix;
    std::vector<EffectiveValues> effective;
    std::vector<EffectiveValues> defaults;
    effective.reserve(size_t(environments.size()));
    defaults.reserve(size_t(environments.size()));
    for (const EnvironmentLayers &env : environments) {
        MatrixEnvironment column;
        column.name = env.name;
        for (const ValuesLayer &layer : env.layers)
            column.files << layer.file;
        column.defaultsFile = defaultsFileOf(env.layers);
        matrix.environments << column;

        effective.push_back(EffectiveValues::merge(env.layers));
        defaults.push_back(column.defaultsFile.isEmpty() ? EffectiveValues::merge({})
                                                          : EffectiveValues::merge({env.layers.front()}));
        // values.yaml is every environment's first layer: report its problems once.
        for (const Diagnostic &d : effective.back().diagnostics()) {
            if (!matrix.diagnostics.contains(d))
                matrix.diagnostics << d;
        }
    }

    SettingOrder order;
    for (const EffectiveValues &values : defaults)
        order.add(values.root(), false);
    for (const EffectiveValues &values : effective)
        order.add(values.root(), true);
    QList<QStringList> paths;
    QStringList scratch;
    order.collect(scratch, paths);

    matrix.settings.reserve(paths.size());
    for (const QStringList &keys : std::as_const(paths)) {
        MatrixSetting setting;
        setting.keys = keys;
        setting.path = dottedValuePath(keys);
        for (qsizetype i = 0; i < environments.size(); ++i) {
            const MatrixEnvironment &column = matrix.environments.at(i);
            MatrixCell cell;
            if (const ValueNode *node = memberAt(effective[size_t(i)].root(), keys)) {
                cell.isSet = true;
                cell.text = compactValueText(*node);
                cell.value = node->toJson();
                cell.origin = node->origin;
                cell.isOverridden = node->origin.file != column.defaultsFile;
            } else {
                cell.origin = deletionOrigin(environments.at(i).layers, keys);
            }
            if (const ValueNode *byDefault = memberAt(defaults[size_t(i)].root(), keys)) {
                cell.defaultOrigin = byDefault->origin;
                cell.defaultText = compactValueText(*byDefault);
            }
            setting.cells << cell;
        }
        for (qsizetype i = 1; i < setting.cells.size() && !setting.differs; ++i)
            setting.differs = !setting.cells.at(i).sameValueAs(setting.cells.front());
        matrix.settings << setting;
    }
    return matrix;
}

EnvironmentMatrix EnvironmentMatrix::load(const Workspace &workspace)
{
    QHash<QString, yaml::YamlDocument> parsed; // values.yaml is shared: read and parse it once
    Diagnostics problems;
    QList<EnvironmentLayers> input;
    for (const Environment &env : workspace.environments) {
        if (env.valuesFiles.isEmpty())
            continue; // a Kustomize-only environment has no Helm values to compare
        EnvironmentLayers layers;
        layers.name = env.name;
        for (const QString &file : env.valuesFiles) {
            auto it = parsed.constFind(file);
            if (it == parsed.cend()) {
                yaml::YamlDocument document;
                if (const Result<QString> text = TextFile::read(workspace.absolutePath(file)); text) {
                    document = yaml::YamlDocument::parse(*text);
                    for (Diagnostic d : document.diagnostics()) {
                        d.file = file;
                        problems << d;
                    }
                } else {
                    Diagnostic d;
                    d.file = file;
                    d.rule = QStringLiteral("values-unreadable");
                    d.message = text.errorMessage();
                    problems << d;
                }
                it = parsed.insert(file, document);
            }
            // An unreadable layer stays in the list, empty, so the defaults layer is still values.yaml.
            layers.layers << ValuesLayer{file, *it};
        }
        input << layers;
    }
    EnvironmentMatrix matrix = build(input);
    matrix.diagnostics = problems + matrix.diagnostics;
    return matrix;
}

int EnvironmentMatrix::settingIndex(const QString &path) const
{
    for (qsizetype i = 0; i < settings.size(); ++i) {
        if (settings.at(i).path == path)
            return int(i);
    }
    return -1;
}

int EnvironmentMatrix::environmentIndex(const QString &name) const
{
    for (qsizetype i = 0; i < environments.size(); ++i) {
        if (environments.at(i).name == name)
            return int(i);
    }
    return -1;
}

} // namespace studio
