// SPDX-License-Identifier: MIT
// SemanticDiff's walk, private to models/diff: how two trees are compared, read through a "side" so that YAML
// documents and effective values share one algorithm.
#pragma once

#include "diff/SemanticDiffSides_p.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace studio::semanticdiff_detail {

// ---------------------------------------------------------------------------------------------------------------
// The walk

template<typename Side>
class Walker
{
public:
    using Handle = typename Side::Handle;
    using Ref = ChildRef<Handle>;

    Walker(const Side &from, const Side &to, QList<SemanticChange> &out) : m_from(from), m_to(to), m_out(out) {}

    void compareDocument(Handle a, int fromDocument, Handle b, int toDocument, const QString &document)
    {
        m_document = document;
        m_fromDocument = fromDocument;
        m_toDocument = toDocument;
        m_secret = isSecretRoot(m_from, a) || isSecretRoot(m_to, b);
        compareNodes(a, locOf(m_from, a), b, locOf(m_to, b));
    }

    void wholeDocument(SemanticChange::Kind kind, Handle handle, int index, const QString &document, const QString &otherFile)
    {
        const bool added = kind == SemanticChange::Kind::Added;
        const Side &side = added ? m_to : m_from;
        const Node *n = side.materialize(handle);
        SemanticChange c;
        c.kind = kind;
        c.document = document;
        c.fromDocument = added ? -1 : index;
        c.toDocument = added ? index : -1;
        c.masked = isSecret(n);
        const Mask mask = c.masked ? Mask::SecretRoot : Mask::None;
        const SourceLocation present{side.fileName(side.fileOf(handle)), side.line(handle), side.column(handle), true};
        const SourceLocation absent{otherFile, 0, 0, false};
        (added ? c.newValue : c.oldValue) = blockText(n, mask);
        (added ? c.newJson : c.oldJson) = toJsonValue(n, mask);
        (added ? c.newType : c.oldType) = typeName(n->type);
        (added ? c.oldJson : c.newJson) = QJsonValue(QJsonValue::Null);
        c.from = added ? absent : present;
        c.to = added ? present : absent;
        m_out << c;
    }

    /// "apiVersion/kind/[namespace/]name", or empty when the node is not a Kubernetes object.
    static QString kubernetesIdentityOf(const Side &side, Handle n)
    {
        if (side.type(n) != Type::Map)
            return {};
        const Handle apiVersion = side.value(n, u"apiVersion");
        const Handle kind = side.value(n, u"kind");
        const Handle metadata = side.value(n, u"metadata");
        const Handle name = metadata ? side.value(metadata, u"name") : Handle{};
        if (!apiVersion || !kind || !name || side.type(apiVersion) != Type::String || side.type(kind) != Type::String
            || !isScalarType(side.type(name)) || side.type(name) == Type::Null)
            return {};
        QString id;
        id += side.text(apiVersion);
        id += u'/';
        id += side.text(kind);
        id += u'/';
        if (const Handle ns = side.value(metadata, u"namespace"); ns && isScalarType(side.type(ns)) && side.type(ns) != Type::Null) {
            id += side.text(ns);
            id += u'/';
        }
        id += side.text(name);
        return id;
    }

private:
    struct Loc {
        int file = 0;
        int line = 0;
        int column = 0;
    };

    /// One step of the path: a key (the same on both sides) or a list entry with its index on each side (-1 on
    /// the side it is missing from) and, when matched by identity, a label "labelKey=labelValue" (the bare value
    /// for Kubernetes identities). Views stay valid while the segment is on the stack.
    struct Segment {
        QStringView key;
        bool isIndex = false;
        int fromIndex = -1;
        int toIndex = -1;
        QStringView labelKey;
        QStringView labelValue;
    };

    const Side &m_from;
    const Side &m_to;
    QList<SemanticChange> &m_out;
    QString m_document;
    int m_fromDocument = 0;
    int m_toDocument = 0;
    bool m_secret = false;
    std::vector<Segment> m_path;

    static Loc locOf(const Side &side, Handle n) { return Loc{side.fileOf(n), side.line(n), side.column(n)}; }
    static Loc locOf(const Side &side, const Ref &r) { return Loc{side.fileOf(r.node), r.line, r.column}; }

    static bool isSecretRoot(const Side &side, Handle root)
    {
        const Handle kind = side.type(root) == Type::Map ? side.value(root, u"kind") : Handle{};
        return kind && side.type(kind) == Type::String && side.text(kind) == u"Secret";
    }

    bool masked() const
    {
        return m_secret && !m_path.empty() && !m_path.front().isIndex && isSecretDataKey(m_path.front().key);
    }

    // --- equality -------------------------------------------------------------------------------------------------

    bool scalarsEqual(Handle a, Handle b) const
    {
        Node x;
        Node y;
        const Type t = m_from.type(a);
        x.type = y.type = t;
        x.text = m_from.text(a);
        y.text = m_to.text(b);
        if (t == Type::Int || t == Type::Float || t == Type::Bool) {
            // Canonical values (0x10 == 16, 1.0 == 1.00, True == true) through the tree's own scalar typing.
            const Node *ma = canonical(m_from, a, x);
            const Node *mb = canonical(m_to, b, y);
            return scalarEqual(ma, mb);
        }
        return scalarEqual(&x, &y);
    }

    static const Node *canonical(const Side &side, Handle h, Node &scratch)
    {
        if constexpr (std::is_same_v<Side, NodeSide>) {
            Q_UNUSED(scratch);
            return h;
        } else {
            scratch = Node();
            setScalarNode(scratch, scalarTypeOf(side.type(h)), side.text(h));
            return &scratch;
        }
    }

    /// Full equality (order of map keys aside).
    bool equal(Handle a, Handle b) const
    {
        if (m_from.sameAs(a, m_to, b))
            return true;
        if constexpr (std::is_same_v<Side, NodeSide>) {
            return false; // sameAs is already complete for trees
        } else {
            const Type t = m_from.type(a);
            if (t != m_to.type(b))
                return false;
            if (isScalarType(t))
                return scalarsEqual(a, b);
            std::vector<Ref> ca;
            std::vector<Ref> cb;
            m_from.children(a, ca);
            m_to.children(b, cb);
            if (ca.size() != cb.size())
                return false;
            if (t == Type::List) {
                for (size_t i = 0; i < ca.size(); ++i) {
                    if (!equal(ca[i].node, cb[i].node))
                        return false;
                }
                return true;
            }
            for (size_t i = 0; i < ca.size(); ++i) {
                const Ref *other = findRef(cb, ca[i].key, i);
                if (!other || !equal(ca[i].node, other->node))
                    return false;
            }
            return true;
        }
    }

    /// The entry with `key`, trying position `hint` first (most maps keep their key order).
    static const Ref *findRef(const std::vector<Ref> &refs, QStringView key, size_t hint)
    {
        if (hint < refs.size() && refs[hint].key == key)
            return &refs[hint];
        for (const Ref &r : refs) {
            if (r.key == key)
                return &r;
        }
        return nullptr;
    }

    // --- recording ------------------------------------------------------------------------------------------------

    QString readablePath() const
    {
        QString out;
        for (const Segment &s : m_path) {
            if (s.isIndex) {
                out += u'[';
                if (s.labelValue.isNull()) {
                    out += QString::number(s.toIndex >= 0 ? s.toIndex : s.fromIndex);
                } else {
                    if (!s.labelKey.isEmpty()) {
                        out += s.labelKey;
                        out += u'=';
                    }
                    out += s.labelValue;
                }
                out += u']';
            } else if (keyNeedsBrackets(s.key)) {
                out += u'[' + quoted(s.key) + u']';
            } else {
                if (!out.isEmpty())
                    out += u'.';
                out += s.key;
            }
        }
        return out;
    }

    QStringList machinePath(bool fromSide) const
    {
        QStringList out;
        out.reserve(qsizetype(m_path.size()));
        for (const Segment &s : m_path) {
            if (s.isIndex)
                out << QStringLiteral("[%1]").arg(fromSide ? s.fromIndex : s.toIndex);
            else
                out << s.key.toString();
        }
        return out;
    }

    static SourceLocation location(const Side &side, Loc loc, bool present)
    {
        return SourceLocation{side.fileName(loc.file), loc.line, loc.column, present};
    }

    /// Records a change at the current path. `a`/`b` are null on the side the value is missing from; their
    /// locations are then the parent's.
    void record(SemanticChange::Kind kind, Handle a, Loc aLoc, Handle b, Loc bLoc)
    {
        SemanticChange c;
        c.kind = kind;
        c.document = m_document;
        c.fromDocument = m_fromDocument;
        c.toDocument = m_toDocument;
        c.path = readablePath();
        c.masked = masked();
        const Mask mask = c.masked ? Mask::All : Mask::None;
        c.from = location(m_from, aLoc, bool(a));
        c.to = location(m_to, bLoc, bool(b));
        c.oldJson = QJsonValue(QJsonValue::Null);
        c.newJson = QJsonValue(QJsonValue::Null);
        if (a) {
            const Node *n = m_from.materialize(a);
            c.fromPath = machinePath(true);
            c.oldValue = displayValue(n, mask);
            c.oldType = typeName(n->type);
            if (!c.masked)
                c.oldJson = toJsonValue(n, Mask::None);
        }
        if (b) {
            const Node *n = m_to.materialize(b);
            c.toPath = machinePath(false);
            c.newValue = displayValue(n, mask);
            c.newType = typeName(n->type);
            if (!c.masked)
                c.newJson = toJsonValue(n, Mask::None);
        }
        m_out << c;
    }

    void recordOrderChange(Loc aLoc, Loc bLoc, const QStringList &oldOrder, const QStringList &newOrder)
    {
        SemanticChange c;
        c.kind = SemanticChange::Kind::OrderChanged;
        c.document = m_document;
        c.fromDocument = m_fromDocument;
        c.toDocument = m_toDocument;
        c.path = readablePath();
        c.masked = masked();
        c.from = location(m_from, aLoc, true);
        c.to = location(m_to, bLoc, true);
        c.fromPath = machinePath(true);
        c.toPath = machinePath(false);
        c.oldType = c.newType = typeName(Type::List);
        if (c.masked) {
            c.oldValue = c.newValue = kSecretValue;
            c.oldJson = c.newJson = QJsonValue(QJsonValue::Null);
        } else {
            c.oldValue = oldOrder.join(u'\n');
            c.newValue = newOrder.join(u'\n');
            c.oldJson = QJsonArray::fromStringList(oldOrder);
            c.newJson = QJsonArray::fromStringList(newOrder);
        }
        m_out << c;
    }

    void pushKey(QStringView key)
    {
        Segment s;
        s.key = key;
        m_path.push_back(s);
    }

    void pushIndex(int fromIndex, int toIndex, QStringView labelKey = {}, QStringView labelValue = {})
    {
        Segment s;
        s.isIndex = true;
        s.fromIndex = fromIndex;
        s.toIndex = toIndex;
        s.labelKey = labelKey;
        s.labelValue = labelValue;
        m_path.push_back(s);
    }

    // --- comparison -----------------------------------------------------------------------------------------------

    void compareNodes(Handle a, Loc aLoc, Handle b, Loc bLoc)
    {
        if (m_from.sameAs(a, m_to, b))
            return;
        const Type ta = m_from.type(a);
        const Type tb = m_to.type(b);
        if (ta != tb) {
            record(SemanticChange::Kind::TypeChanged, a, aLoc, b, bLoc);
            return;
        }
        switch (ta) {
        case Type::Map:
            compareMaps(a, aLoc, b, bLoc);
            return;
        case Type::List:
            compareLists(a, aLoc, b, bLoc);
            return;
        default:
            if (!scalarsEqual(a, b))
                record(SemanticChange::Kind::Changed, a, aLoc, b, bLoc);
            return;
        }
    }

    void compareMaps(Handle a, Loc aLoc, Handle b, Loc bLoc)
    {
        std::vector<Ref> ca;
        std::vector<Ref> cb;
        m_from.children(a, ca);
        m_to.children(b, cb);
        // Large maps get an index; small ones are searched in place.
        QHash<QStringView, int> index;
        if (cb.size() > 16 || ca.size() > 16) {
            index.reserve(qsizetype(cb.size()));
            for (size_t j = 0; j < cb.size(); ++j)
                index.insert(cb[j].key, int(j));
        }
        std::vector<bool> matched(cb.size(), false);
        for (size_t i = 0; i < ca.size(); ++i) {
            const Ref &c = ca[i];
            const Ref *other = nullptr;
            if (index.isEmpty()) {
                other = findRef(cb, c.key, i);
            } else if (const int j = index.value(c.key, -1); j >= 0) {
                other = &cb[size_t(j)];
            }
            pushKey(c.key);
            if (other) {
                matched[size_t(other - cb.data())] = true;
                compareNodes(c.node, locOf(m_from, c), other->node, locOf(m_to, *other));
            } else {
                record(SemanticChange::Kind::Removed, c.node, locOf(m_from, c), Handle{}, bLoc);
            }
            m_path.pop_back();
        }
        for (size_t j = 0; j < cb.size(); ++j) {
            if (matched[j])
                continue;
            pushKey(cb[j].key);
            record(SemanticChange::Kind::Added, Handle{}, aLoc, cb[j].node, locOf(m_to, cb[j]));
            m_path.pop_back();
        }
    }

    /// Identities of every entry by the scalar value of `key`; false unless all entries are maps with a unique
    /// non-null scalar there (a string when `stringOnly`).
    static bool identitiesByKey(const Side &side, const std::vector<Ref> &entries, QStringView key, bool stringOnly,
                                std::vector<QStringView> &ids)
    {
        ids.clear();
        ids.reserve(entries.size());
        for (const Ref &entry : entries) {
            const Handle v = side.type(entry.node) == Type::Map ? side.value(entry.node, key) : Handle{};
            if (!v)
                return false;
            const Type t = side.type(v);
            if (!isScalarType(t) || t == Type::Null || (stringOnly && t != Type::String))
                return false;
            ids.push_back(side.text(v));
        }
        return unique(ids);
    }

    static bool identitiesByKubernetes(const Side &side, const std::vector<Ref> &entries, std::vector<QString> &storage,
                                       std::vector<QStringView> &ids)
    {
        storage.clear();
        ids.clear();
        storage.reserve(entries.size());
        for (const Ref &entry : entries) {
            QString id = kubernetesIdentityOf(side, entry.node);
            if (id.isEmpty())
                return false;
            storage.push_back(std::move(id));
        }
        for (const QString &id : storage)
            ids.push_back(id);
        return unique(ids);
    }

    static bool unique(const std::vector<QStringView> &ids)
    {
        if (ids.size() < 2)
            return true;
        std::vector<QStringView> sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    }

    void compareLists(Handle a, Loc aLoc, Handle b, Loc bLoc)
    {
        std::vector<Ref> ca;
        std::vector<Ref> cb;
        m_from.children(a, ca);
        m_to.children(b, cb);
        std::vector<QStringView> fromIds;
        std::vector<QStringView> toIds;
        for (const QStringView key : {QStringView(u"name"), QStringView(u"key"), QStringView(u"id")}) {
            if (identitiesByKey(m_from, ca, key, false, fromIds) && identitiesByKey(m_to, cb, key, false, toIds)) {
                compareIdentifiedLists(ca, aLoc, cb, bLoc, fromIds, toIds, key);
                return;
            }
        }
        // A guessed key needs lists of some length: with two or three entries almost any key is unique by chance.
        if (std::max(ca.size(), cb.size()) >= 4) {
            const Side &sampleSide = ca.empty() ? m_to : m_from;
            const Handle sample = ca.empty() ? cb.front().node : ca.front().node;
            if (sampleSide.type(sample) == Type::Map) {
                std::vector<Ref> keys;
                sampleSide.children(sample, keys);
                for (const Ref &candidate : keys) {
                    if (sampleSide.type(candidate.node) != Type::String || candidate.key == u"name"
                        || candidate.key == u"key" || candidate.key == u"id")
                        continue;
                    if (identitiesByKey(m_from, ca, candidate.key, true, fromIds)
                        && identitiesByKey(m_to, cb, candidate.key, true, toIds)) {
                        compareIdentifiedLists(ca, aLoc, cb, bLoc, fromIds, toIds, candidate.key);
                        return;
                    }
                }
            }
        }
        std::vector<QString> fromStorage;
        std::vector<QString> toStorage;
        if (identitiesByKubernetes(m_from, ca, fromStorage, fromIds) && identitiesByKubernetes(m_to, cb, toStorage, toIds)) {
            compareIdentifiedLists(ca, aLoc, cb, bLoc, fromIds, toIds, QStringView());
            return;
        }
        comparePositionalLists(ca, aLoc, cb, bLoc);
    }

    void compareIdentifiedLists(const std::vector<Ref> &ca, Loc aLoc, const std::vector<Ref> &cb, Loc bLoc,
                                const std::vector<QStringView> &fromIds, const std::vector<QStringView> &toIds,
                                QStringView labelKey)
    {
        std::vector<int> match(fromIds.size(), -1);
        std::vector<bool> matchedTo(toIds.size(), false);
        if (toIds.size() <= 16) {
            for (size_t i = 0; i < fromIds.size(); ++i) {
                if (i < toIds.size() && toIds[i] == fromIds[i]) { // same position first: most lists keep their order
                    match[i] = int(i);
                    continue;
                }
                for (size_t j = 0; j < toIds.size(); ++j) {
                    if (toIds[j] == fromIds[i]) {
                        match[i] = int(j);
                        break;
                    }
                }
            }
        } else {
            QHash<QStringView, int> toIndex;
            toIndex.reserve(qsizetype(toIds.size()));
            for (size_t j = 0; j < toIds.size(); ++j)
                toIndex.insert(toIds[j], int(j));
            for (size_t i = 0; i < fromIds.size(); ++i)
                match[i] = toIndex.value(fromIds[i], -1);
        }
        bool reordered = false;
        int last = -1;
        for (size_t i = 0; i < fromIds.size(); ++i) {
            const int j = match[i];
            if (j < 0)
                continue;
            matchedTo[size_t(j)] = true;
            reordered = reordered || j < last;
            last = j;
        }
        if (reordered) {
            QStringList oldOrder;
            QStringList newOrder;
            for (size_t i = 0; i < fromIds.size(); ++i) {
                if (match[i] >= 0)
                    oldOrder << fromIds[i].toString();
            }
            for (size_t j = 0; j < toIds.size(); ++j) {
                if (matchedTo[j])
                    newOrder << toIds[j].toString();
            }
            recordOrderChange(aLoc, bLoc, oldOrder, newOrder);
        }
        for (size_t i = 0; i < fromIds.size(); ++i) {
            const int j = match[i];
            pushIndex(int(i), j, labelKey, fromIds[i]);
            if (j >= 0)
                compareNodes(ca[i].node, locOf(m_from, ca[i]), cb[size_t(j)].node, locOf(m_to, cb[size_t(j)]));
            else
                record(SemanticChange::Kind::Removed, ca[i].node, locOf(m_from, ca[i]), Handle{}, bLoc);
            m_path.pop_back();
        }
        for (size_t j = 0; j < toIds.size(); ++j) {
            if (matchedTo[j])
                continue;
            pushIndex(-1, int(j), labelKey, toIds[j]);
            record(SemanticChange::Kind::Added, Handle{}, aLoc, cb[j].node, locOf(m_to, cb[j]));
            m_path.pop_back();
        }
    }

    /// Entries without identity: equal entries match wherever they are (a different relative order is an order
    /// change); what is left at the same index on both sides is compared in place; the rest is added/removed.
    void comparePositionalLists(const std::vector<Ref> &ca, Loc aLoc, const std::vector<Ref> &cb, Loc bLoc)
    {
        const size_t n = ca.size();
        const size_t m = cb.size();
        std::vector<int> fromMatch(n, -1);
        std::vector<int> toMatch(m, -1);
        // Entries equal at the same index first, so duplicates do not pair across the list.
        bool leftovers = false;
        for (size_t i = 0; i < std::max(n, m); ++i) {
            if (i < n && i < m && equal(ca[i].node, cb[i].node)) {
                fromMatch[i] = int(i);
                toMatch[i] = int(i);
            } else {
                leftovers = true;
            }
        }
        if (leftovers) {
            // The rest by content: hashes of materialized entries, confirmed by deep equality.
            std::unordered_map<quint64, std::vector<int>> byHash;
            std::vector<const Node *> fromNodes(n, nullptr);
            for (size_t i = 0; i < n; ++i) {
                if (fromMatch[i] < 0) {
                    fromNodes[i] = m_from.materialize(ca[i].node);
                    byHash[fromNodes[i]->hash].push_back(int(i));
                }
            }
            for (size_t j = 0; j < m && !byHash.empty(); ++j) {
                if (toMatch[j] >= 0)
                    continue;
                const Node *node = m_to.materialize(cb[j].node);
                const auto it = byHash.find(node->hash);
                if (it == byHash.end())
                    continue;
                for (int &i : it->second) {
                    if (i >= 0 && deepEqual(fromNodes[size_t(i)], node)) {
                        fromMatch[size_t(i)] = int(j);
                        toMatch[j] = i;
                        i = -1;
                        break;
                    }
                }
            }
        }
        bool reordered = false;
        int last = -1;
        for (size_t j = 0; j < m; ++j) {
            if (toMatch[j] < 0)
                continue;
            reordered = reordered || toMatch[j] < last;
            last = toMatch[j];
        }
        if (reordered) {
            QStringList oldOrder;
            QStringList newOrder;
            for (size_t i = 0; i < n; ++i) {
                if (fromMatch[i] >= 0)
                    oldOrder << flowText(m_from.materialize(ca[i].node));
            }
            for (size_t j = 0; j < m; ++j) {
                if (toMatch[j] >= 0)
                    newOrder << flowText(m_to.materialize(cb[j].node));
            }
            recordOrderChange(aLoc, bLoc, oldOrder, newOrder);
        }
        for (size_t i = 0; i < n; ++i) {
            if (fromMatch[i] >= 0)
                continue;
            if (i < m && toMatch[i] < 0) {
                pushIndex(int(i), int(i));
                compareNodes(ca[i].node, locOf(m_from, ca[i]), cb[i].node, locOf(m_to, cb[i]));
                toMatch[i] = int(i);
            } else {
                pushIndex(int(i), -1);
                record(SemanticChange::Kind::Removed, ca[i].node, locOf(m_from, ca[i]), Handle{}, bLoc);
            }
            m_path.pop_back();
        }
        for (size_t j = 0; j < m; ++j) {
            if (toMatch[j] >= 0)
                continue;
            pushIndex(-1, int(j));
            record(SemanticChange::Kind::Added, Handle{}, aLoc, cb[j].node, locOf(m_to, cb[j]));
            m_path.pop_back();
        }
    }
};

} // namespace studio::semanticdiff_detail
