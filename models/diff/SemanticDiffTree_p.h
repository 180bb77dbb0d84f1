// SPDX-License-Identifier: MIT
// SemanticDiff's internal tree: YAML documents and effective values are both converted into it, so one algorithm
// serves both inputs. Private to models/diff.
#pragma once

#include "core/Result.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <memory>
#include <type_traits>
#include <vector>

namespace studio {

struct ValueNode;

namespace yaml {
struct YamlNode;
enum class ScalarType;
}

namespace semanticdiff_detail {

enum class Type : quint8 { Null, Bool, Int, Float, String, Map, List };

struct Node;

/// A map member (key set) or a list entry (key empty), with the place it is written: the key for members, the
/// entry itself for list entries (an alias entry is written where the alias is, not where its anchor is).
struct Child {
    QStringView key;
    quint64 keyHash = 0;
    const Node *node = nullptr;
    int line = 0;
    int column = 0;
};

/// Immutable once built and trivially destructible: every string is a view into the parsed YAML or the
/// ValueNode tree, which outlive the comparison, so building and freeing a tree costs no per-node allocation.
struct Node {
    Type type = Type::Null;
    bool exact = true;       ///< Int: the text fits in qint64 (otherwise compared as text)
    int file = 0;            ///< index into Tree::files
    int line = 0;
    int column = 0;
    quint32 count = 0;       ///< children
    QStringView text;        ///< scalar text as written, unquoted
    qint64 intValue = 0;     ///< Int, Bool (0/1)
    double floatValue = 0;   ///< Float
    quint64 hash = 0;        ///< structural, over typed values; map key order does not count
    qint64 expandedSize = 1; ///< node count with aliases expanded (saturating)
    const Child *children = nullptr;
    const quint32 *byKey = nullptr; ///< large maps: children indices sorted by key hash, for lookups

    const Child *begin() const { return children; }
    const Child *end() const { return children + count; }
    const Child &at(size_t i) const { return children[i]; }
    bool empty() const { return count == 0; }
};

/// Bump allocator for nodes, children arrays and key indices (all trivially destructible). reset() keeps the
/// memory for reuse: a side that materializes values document after document does not ask the system again.
class Arena
{
public:
    template<typename T>
    T *allocate(size_t n)
    {
        static_assert(std::is_trivially_destructible_v<T>);
        const size_t bytes = sizeof(T) * n;
        for (;;) {
            if (m_current < m_chunks.size()) {
                Chunk &chunk = m_chunks[m_current];
                const size_t offset = (m_used + alignof(T) - 1) & ~(alignof(T) - 1);
                if (offset + bytes <= chunk.size) {
                    m_used = offset + bytes;
                    return reinterpret_cast<T *>(chunk.data.get() + offset);
                }
                ++m_current;
                m_used = 0;
                continue;
            }
            const size_t size = std::max(kChunkSize, bytes);
            m_chunks.push_back(Chunk{std::make_unique<std::byte[]>(size), size});
            m_current = m_chunks.size() - 1;
            m_used = 0;
        }
    }
    void reset()
    {
        m_current = 0;
        m_used = 0;
    }

private:
    static constexpr size_t kChunkSize = 256 * 1024;
    struct Chunk {
        std::unique_ptr<std::byte[]> data;
        size_t size = 0;
    };
    std::vector<Chunk> m_chunks;
    size_t m_current = 0;
    size_t m_used = 0;
};

struct Tree {
    Arena arena;
    QStringList files;
    qint64 nodes = 0;

    int fileIndex(const QString &file);
};

/// Types a scalar node from its text (canonical value and hash), as the builders do.
void setScalarNode(Node &n, yaml::ScalarType type, QStringView text);
quint64 keyHashOf(QStringView key);
const Child *findChild(const Node *map, QStringView key);
const Node *childNode(const Node *map, QStringView key);
bool isScalarType(Type t);
bool scalarEqual(const Node *a, const Node *b);
bool deepEqual(const Node *a, const Node *b);

/// Builds the tree of a YAML node (merge keys applied; an anchored node is built once and shared by its
/// aliases). `file` names it in locations.
const Node *buildFromYaml(Tree &tree, const QString &file, const yaml::YamlNode *root);
const Node *buildFromValues(Tree &tree, const ValueNode &root);
/// Fails when aliases would expand the tree beyond reason ("billion laughs").
Status checkExpansion(const Tree &tree, const Node *root, const QString &file);

bool isSecret(const Node *root);
bool isSecretDataKey(QStringView key);

/// What to withhold while rendering: nothing, the whole value, or the data/stringData of a Secret root.
enum class Mask { None, All, SecretRoot };
extern const QString kSecretValue;

QString typeName(Type t);
QString quoted(QStringView s);
bool keyNeedsBrackets(QStringView key);
/// One line for scalars (quoted when plain YAML would read it as another type), block YAML for collections.
QString displayValue(const Node *n, Mask mask);
QString blockText(const Node *n, Mask mask);
/// A short one-line rendering, for order-change listings.
QString flowText(const Node *n, int budget = 100);
QJsonValue toJsonValue(const Node *n, Mask mask);

} // namespace semanticdiff_detail
} // namespace studio
