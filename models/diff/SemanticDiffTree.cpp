// SPDX-License-Identifier: MIT
#include "diff/SemanticDiffTree_p.h"

#include "values/ValueNode.h"
#include "yaml/YamlNode.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace studio::semanticdiff_detail {

namespace {

constexpr quint32 kIndexedMapSize = 12;
constexpr qint64 kSaturated = std::numeric_limits<qint64>::max() / 4;
constexpr int kMaxDepth = 512;

quint64 mix(quint64 x)
{
    // splitmix64's finaliser: cheap and spreads every input bit.
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

quint64 stringHash(QStringView s)
{
    return mix(quint64(qHash(s, 0x5eed)) + 0x9e3779b97f4a7c15ULL);
}

} // namespace

void setScalarNode(Node &n, yaml::ScalarType type, QStringView text)
{
    n.text = text;
    switch (type) {
    case yaml::ScalarType::Null:
        n.type = Type::Null;
        n.text = {};
        n.hash = mix(1);
        return;
    case yaml::ScalarType::Bool:
        n.type = Type::Bool;
        n.intValue = text.compare(u"true", Qt::CaseInsensitive) == 0 ? 1 : 0;
        n.hash = mix(2 + quint64(n.intValue) * 0x100);
        return;
    case yaml::ScalarType::Int: {
        n.type = Type::Int;
        bool ok = false;
        if (text.startsWith(u"0o"))
            n.intValue = text.mid(2).toLongLong(&ok, 8);
        else if (text.startsWith(u"0x"))
            n.intValue = text.mid(2).toLongLong(&ok, 16);
        else
            n.intValue = text.toLongLong(&ok, 10);
        n.exact = ok;
        n.hash = ok ? mix(quint64(n.intValue) ^ 0x3333333333333333ULL) : stringHash(text) ^ 3;
        return;
    }
    case yaml::ScalarType::Float: {
        n.type = Type::Float;
        if (text.endsWith(u".inf", Qt::CaseInsensitive))
            n.floatValue = text.startsWith(u'-') ? -std::numeric_limits<double>::infinity()
                                                 : std::numeric_limits<double>::infinity();
        else if (text.compare(u".nan", Qt::CaseInsensitive) == 0)
            n.floatValue = std::numeric_limits<double>::quiet_NaN();
        else
            n.floatValue = text.toDouble();
        double v = n.floatValue;
        if (v == 0)
            v = 0; // -0.0 equals 0.0
        quint64 bits = 0x7ff8000000000000ULL;
        if (!std::isnan(v))
            std::memcpy(&bits, &v, sizeof bits);
        n.hash = mix(bits ^ 0x4444444444444444ULL);
        return;
    }
    case yaml::ScalarType::String:
        n.type = Type::String;
        n.hash = stringHash(text);
        return;
    }
}

namespace {

/// Hash, expanded size and key index of a collection whose children are in place.
void finishCollection(Arena &arena, Node &n)
{
    qint64 size = 1;
    if (n.type == Type::Map) {
        quint64 h = 0x6d61707061706d61ULL;
        for (const Child &c : n) {
            h += mix(c.keyHash ^ (c.node->hash + 0x9e3779b97f4a7c15ULL)); // a sum: key order does not count
            size = std::min(kSaturated, size + c.node->expandedSize);
        }
        n.hash = mix(h);
        if (n.count > kIndexedMapSize) {
            quint32 *index = arena.allocate<quint32>(n.count);
            for (quint32 i = 0; i < n.count; ++i)
                index[i] = i;
            std::sort(index, index + n.count, [&n](quint32 a, quint32 b) {
                const Child &x = n.children[a];
                const Child &y = n.children[b];
                return x.keyHash != y.keyHash ? x.keyHash < y.keyHash : x.key < y.key;
            });
            n.byKey = index;
        }
    } else {
        quint64 h = 0x6c6973746c697374ULL;
        for (const Child &c : n) {
            h = mix(h * 31 + c.node->hash);
            size = std::min(kSaturated, size + c.node->expandedSize);
        }
        n.hash = h;
    }
    n.expandedSize = size;
}

/// Children are collected on one scratch stack (a nested collection pushes and pops its own above ours), then
/// copied into the arena in one block per collection.
struct Builder {
    Tree &tree;
    int file;
    std::vector<Child> scratch;
    QHash<const yaml::YamlNode *, const Node *> shared;

    Node &newNode(int line, int column)
    {
        Node *n = tree.arena.allocate<Node>(1);
        new (n) Node;
        n->file = file;
        n->line = line;
        n->column = column;
        ++tree.nodes;
        return *n;
    }

    void adoptChildren(Node &n, size_t base)
    {
        n.count = quint32(scratch.size() - base);
        if (n.count > 0) {
            Child *children = tree.arena.allocate<Child>(n.count);
            std::copy(scratch.begin() + qsizetype(base), scratch.end(), children);
            n.children = children;
        }
        scratch.resize(base);
        finishCollection(tree.arena, n);
    }

    const Node *yamlNode(const yaml::YamlNode *source, int depth)
    {
        const yaml::YamlNode *node = source->resolved();
        const bool anchored = !node->anchor.isEmpty();
        if (anchored) {
            if (const Node *built = shared.value(node))
                return built;
        }
        Node &n = newNode(node->span.start.line, node->span.start.column);
        if (depth > kMaxDepth) { // the parser bounds nesting; this only guards hand-made trees
            n.hash = mix(1);
            return &n;
        }
        const size_t base = scratch.size();
        switch (node->kind) {
        case yaml::NodeKind::Scalar:
        case yaml::NodeKind::Alias: // an alias whose anchor is unknown: the parser reported it
            setScalarNode(n, node->scalarType(), node->text);
            break;
        case yaml::NodeKind::Sequence:
            n.type = Type::List;
            for (const yaml::YamlNode *item : node->items) {
                const Node *child = yamlNode(item, depth + 1);
                scratch.push_back(Child{{}, 0, child, item->span.start.line, item->span.start.column});
            }
            adoptChildren(n, base);
            break;
        case yaml::NodeKind::Mapping: {
            n.type = Type::Map;
            auto add = [&](const yaml::YamlPair &p) {
                if (!p.key->isScalar()) // complex keys ("? [a, b]: x") have no path; Helm and Kubernetes never use them
                    return;
                const QString &key = p.key->scalar();
                const Node *child = yamlNode(p.value, depth + 1);
                scratch.push_back(Child{key, keyHashOf(key), child, p.key->span.start.line, p.key->span.start.column});
            };
            bool hasMerge = false;
            for (const yaml::YamlPair &p : node->pairs) {
                if (yaml::YamlNode::isMergeKey(p.key)) {
                    hasMerge = true;
                    break;
                }
            }
            if (hasMerge) {
                for (const yaml::YamlPair &p : node->effectivePairs())
                    add(p);
            } else {
                for (const yaml::YamlPair &p : node->pairs)
                    add(p);
            }
            adoptChildren(n, base);
            break;
        }
        }
        if (anchored)
            shared.insert(node, &n);
        return &n;
    }

    const Node *valueNode(const ValueNode &value, int depth)
    {
        Node &n = newNode(value.origin.line, value.origin.column);
        n.file = tree.fileIndex(value.origin.file);
        if (depth > kMaxDepth) {
            n.hash = mix(1);
            return &n;
        }
        const size_t base = scratch.size();
        switch (value.kind) {
        case ValueNode::Kind::Null:
            setScalarNode(n, yaml::ScalarType::Null, {});
            break;
        case ValueNode::Kind::Scalar:
            setScalarNode(n, value.scalarType, value.text);
            break;
        case ValueNode::Kind::Map:
            n.type = Type::Map;
            for (const auto &[key, member] : value.members) {
                const Node *child = valueNode(member, depth + 1);
                scratch.push_back(Child{key, keyHashOf(key), child, member.origin.line, member.origin.column});
            }
            adoptChildren(n, base);
            break;
        case ValueNode::Kind::List:
            n.type = Type::List;
            for (const ValueNode &item : value.items) {
                const Node *child = valueNode(item, depth + 1);
                scratch.push_back(Child{{}, 0, child, item.origin.line, item.origin.column});
            }
            adoptChildren(n, base);
            break;
        }
        return &n;
    }
};

} // namespace

int Tree::fileIndex(const QString &file)
{
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (files.at(i) == file)
            return int(i);
    }
    files << file;
    return int(files.size() - 1);
}

quint64 keyHashOf(QStringView key)
{
    return stringHash(key);
}

bool isScalarType(Type t)
{
    return t != Type::Map && t != Type::List;
}

const Child *findChild(const Node *map, QStringView key)
{
    const quint64 h = keyHashOf(key);
    if (map->byKey) {
        const quint32 *end = map->byKey + map->count;
        const quint32 *it = std::lower_bound(map->byKey, end, h,
                                             [map](quint32 index, quint64 hash) { return map->children[index].keyHash < hash; });
        for (; it != end && map->children[*it].keyHash == h; ++it) {
            if (map->children[*it].key == key)
                return &map->children[*it];
        }
        return nullptr;
    }
    for (const Child &c : *map) {
        if (c.keyHash == h && c.key == key)
            return &c;
    }
    return nullptr;
}

const Node *childNode(const Node *map, QStringView key)
{
    if (!map || map->type != Type::Map)
        return nullptr;
    const Child *c = findChild(map, key);
    return c ? c->node : nullptr;
}

bool scalarEqual(const Node *a, const Node *b)
{
    switch (a->type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return a->intValue == b->intValue;
    case Type::Int:
        if (a->exact && b->exact)
            return a->intValue == b->intValue;
        return !a->exact && !b->exact && a->text == b->text;
    case Type::Float:
        return a->floatValue == b->floatValue || (std::isnan(a->floatValue) && std::isnan(b->floatValue));
    case Type::String:
        return a->text == b->text;
    case Type::Map:
    case Type::List:
        break;
    }
    return false;
}

bool deepEqual(const Node *a, const Node *b)
{
    if (a == b)
        return true;
    if (a->hash != b->hash || a->type != b->type || a->count != b->count)
        return false;
    if (isScalarType(a->type))
        return scalarEqual(a, b);
    if (a->type == Type::List) {
        for (quint32 i = 0; i < a->count; ++i) {
            if (!deepEqual(a->children[i].node, b->children[i].node))
                return false;
        }
        return true;
    }
    for (quint32 i = 0; i < a->count; ++i) {
        const Child &c = a->children[i];
        // Most maps keep their key order: try the same position before searching.
        const Child *other = i < b->count && b->children[i].keyHash == c.keyHash && b->children[i].key == c.key
            ? &b->children[i]
            : findChild(b, c.key);
        if (!other || !deepEqual(c.node, other->node))
            return false;
    }
    return true;
}

const Node *buildFromYaml(Tree &tree, const QString &file, const yaml::YamlNode *root)
{
    Builder builder{tree, tree.fileIndex(file), {}, {}};
    builder.scratch.reserve(256);
    return builder.yamlNode(root, 0);
}

const Node *buildFromValues(Tree &tree, const ValueNode &root)
{
    Builder builder{tree, 0, {}, {}};
    builder.scratch.reserve(256);
    return builder.valueNode(root, 0);
}

Status checkExpansion(const Tree &tree, const Node *root, const QString &file)
{
    // Aliases are shared, not copied, while building; the walk expands them. Refuse what would explode.
    const qint64 limit = 4'000'000 + 4 * tree.nodes;
    if (root->expandedSize > limit)
        return Status::failure(Error::Code::Parse,
                               QStringLiteral("%1:%2:%3: aliases expand to more than %4 values; the document is refused "
                                              "(is it a \"billion laughs\" file?)")
                                   .arg(file)
                                   .arg(root->line)
                                   .arg(root->column)
                                   .arg(limit));
    return success();
}

bool isSecret(const Node *root)
{
    const Node *kind = childNode(root, u"kind");
    return kind && kind->type == Type::String && kind->text == u"Secret";
}

bool isSecretDataKey(QStringView key)
{
    return key == u"data" || key == u"stringData";
}

const QString kSecretValue = QStringLiteral("(secret value)");

// ---------------------------------------------------------------------------------------------------------------
// Display

QString typeName(Type t)
{
    switch (t) {
    case Type::Null: return QStringLiteral("null");
    case Type::Bool: return QStringLiteral("bool");
    case Type::Int: return QStringLiteral("int");
    case Type::Float: return QStringLiteral("float");
    case Type::String: return QStringLiteral("string");
    case Type::Map: return QStringLiteral("mapping");
    case Type::List: return QStringLiteral("list");
    }
    return {};
}

QString quoted(QStringView s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'"';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'"': out += QStringLiteral("\\\""); break;
        case u'\\': out += QStringLiteral("\\\\"); break;
        case u'\n': out += QStringLiteral("\\n"); break;
        case u'\t': out += QStringLiteral("\\t"); break;
        case u'\r': out += QStringLiteral("\\r"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

namespace {

/// Whether a string must be quoted to read back as the same string in plain YAML.
bool needsQuotes(QStringView s)
{
    if (s.isEmpty() || yaml::resolvePlainScalar(s) != yaml::ScalarType::String)
        return true;
    if (s.front().isSpace() || s.back().isSpace())
        return true;
    // Indicators that cannot start a plain scalar; "-", "?" and ":" only when a space (or nothing) follows.
    static constexpr QStringView leading = u",[]{}#&*!|>'\"%@`";
    if (leading.contains(s.front()))
        return true;
    if ((s.front() == u'-' || s.front() == u'?' || s.front() == u':') && (s.size() == 1 || s.at(1) == u' '))
        return true;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.unicode() < 0x20)
            return true;
        if (c == u':' && (i + 1 == s.size() || s.at(i + 1) == u' '))
            return true;
        if (c == u'#' && i > 0 && s.at(i - 1) == u' ')
            return true;
    }
    return false;
}

QString scalarDisplay(const Node *n)
{
    switch (n->type) {
    case Type::Null:
        return QStringLiteral("null");
    case Type::String:
        return needsQuotes(n->text) ? quoted(n->text) : n->text.toString();
    default:
        return n->text.toString();
    }
}

QString keyDisplay(QStringView key)
{
    return needsQuotes(key) ? quoted(key) : key.toString();
}

Mask childMask(Mask mask, QStringView key)
{
    if (mask == Mask::SecretRoot)
        return isSecretDataKey(key) ? Mask::All : Mask::None;
    return mask;
}

/// Block YAML, `indent` spaces in, one string per line.
void renderBlock(const Node *n, int indent, QStringList &lines, Mask mask)
{
    const QString pad(indent, u' ');
    if (isScalarType(n->type)) {
        lines << pad + (mask == Mask::All ? kSecretValue : scalarDisplay(n));
        return;
    }
    if (n->empty()) {
        lines << pad + (n->type == Type::Map ? QStringLiteral("{}") : QStringLiteral("[]"));
        return;
    }
    for (const Child &c : *n) {
        const Mask m = n->type == Type::Map ? childMask(mask, c.key) : (mask == Mask::SecretRoot ? Mask::None : mask);
        const QString head = n->type == Type::Map ? pad + keyDisplay(c.key) + u':' : pad + u'-';
        const Node *v = c.node;
        if (isScalarType(v->type) || v->empty()) {
            QStringList one;
            renderBlock(v, 0, one, m);
            lines << head + u' ' + one.front();
        } else if (n->type == Type::List) {
            // "- key: value", the entry's other lines indented under the first.
            QStringList nested;
            renderBlock(v, indent + 2, nested, m);
            nested.front() = head + u' ' + nested.front().mid(indent + 2);
            lines << nested;
        } else {
            lines << head;
            renderBlock(v, indent + 2, lines, m);
        }
    }
}

void writeFlow(const Node *v, QString &out, int budget)
{
    if (out.size() > budget)
        return;
    if (isScalarType(v->type)) {
        out += scalarDisplay(v);
        return;
    }
    out += v->type == Type::Map ? u'{' : u'[';
    bool first = true;
    for (const Child &c : *v) {
        if (!first)
            out += QStringLiteral(", ");
        first = false;
        if (v->type == Type::Map)
            out += keyDisplay(c.key) + QStringLiteral(": ");
        writeFlow(c.node, out, budget);
        if (out.size() > budget)
            return;
    }
    out += v->type == Type::Map ? u'}' : u']';
}

} // namespace

bool keyNeedsBrackets(QStringView key)
{
    if (key.isEmpty())
        return true;
    for (const QChar c : key) {
        if (c == u'.' || c == u'[' || c == u']' || c.isSpace() || c == u'"')
            return true;
    }
    return false;
}

QString blockText(const Node *n, Mask mask)
{
    QStringList lines;
    renderBlock(n, 0, lines, mask);
    return lines.join(u'\n');
}

QString displayValue(const Node *n, Mask mask)
{
    if (mask == Mask::All)
        return kSecretValue;
    if (isScalarType(n->type))
        return scalarDisplay(n);
    return blockText(n, mask);
}

QString flowText(const Node *n, int budget)
{
    QString out;
    writeFlow(n, out, budget);
    if (out.size() > budget)
        out = out.left(budget) + u'…';
    return out;
}

QJsonValue toJsonValue(const Node *n, Mask mask)
{
    if (mask == Mask::All && isScalarType(n->type))
        return kSecretValue;
    switch (n->type) {
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return QJsonValue(n->intValue != 0);
    case Type::Int:
        return n->exact ? QJsonValue(n->intValue) : QJsonValue(n->text.toDouble());
    case Type::Float:
        if (std::isfinite(n->floatValue))
            return QJsonValue(n->floatValue);
        return QJsonValue(n->text.toString()); // JSON has no infinity or NaN
    case Type::String:
        return QJsonValue(n->text.toString());
    case Type::Map: {
        QJsonObject object;
        for (const Child &c : *n)
            object.insert(c.key.toString(), toJsonValue(c.node, childMask(mask, c.key)));
        return object;
    }
    case Type::List: {
        QJsonArray array;
        for (const Child &c : *n)
            array.append(toJsonValue(c.node, mask == Mask::SecretRoot ? Mask::None : mask));
        return array;
    }
    }
    return {};
}

} // namespace studio::semanticdiff_detail
