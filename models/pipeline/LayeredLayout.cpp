// SPDX-License-Identifier: MIT
#include "pipeline/LayeredLayout.h"

#include <algorithm>
#include <climits>
#include <map>
#include <numeric>
#include <vector>

namespace studio {

namespace {

/// Eades–Lin–Smyth: peel sinks to the back and sources to the front; otherwise move the vertex
/// with the largest out-degree minus in-degree to the front. Returns each vertex's position.
std::vector<int> feedbackArcOrder(int n, const std::vector<std::pair<int, int>> &edges)
{
    std::vector<std::vector<int>> out(n), in(n);
    for (const auto &[u, v] : edges) {
        out[u].push_back(v);
        in[v].push_back(u);
    }
    std::vector<int> outDegree(n), inDegree(n);
    for (int v = 0; v < n; ++v) {
        outDegree[v] = int(out[v].size());
        inDegree[v] = int(in[v].size());
    }
    std::vector<bool> removed(n, false);
    std::vector<int> front, back;
    int remaining = n;
    auto remove = [&](int v) {
        removed[v] = true;
        --remaining;
        for (int w : out[v])
            --inDegree[w];
        for (int w : in[v])
            --outDegree[w];
    };
    while (remaining > 0) {
        bool progress = true;
        while (progress) {
            progress = false;
            for (int v = n - 1; v >= 0; --v) {
                if (!removed[v] && outDegree[v] == 0) {
                    back.push_back(v);
                    remove(v);
                    progress = true;
                }
            }
            for (int v = 0; v < n; ++v) {
                if (!removed[v] && inDegree[v] == 0) {
                    front.push_back(v);
                    remove(v);
                    progress = true;
                }
            }
        }
        int best = -1;
        for (int v = 0; v < n; ++v) {
            if (!removed[v] && (best < 0 || outDegree[v] - inDegree[v] > outDegree[best] - inDegree[best]))
                best = v;
        }
        if (best >= 0) {
            front.push_back(best);
            remove(best);
        }
    }
    std::vector<int> position(n);
    int p = 0;
    for (int v : front)
        position[v] = p++;
    for (auto it = back.rbegin(); it != back.rend(); ++it)
        position[*it] = p++;
    return position;
}

/// Crossings between two adjacent layers: inversions of the lower ends when edges are sorted by
/// their upper ends (Barth–Jünger–Mutzel accumulator tree).
int bilayerCrossings(std::vector<std::pair<int, int>> &edges, int lowerSize)
{
    std::sort(edges.begin(), edges.end());
    int firstIndex = 1;
    while (firstIndex < lowerSize)
        firstIndex *= 2;
    std::vector<int> tree(2 * firstIndex - 1, 0);
    --firstIndex;
    int crossings = 0;
    for (const auto &edge : edges) {
        int index = edge.second + firstIndex;
        ++tree[index];
        while (index > 0) {
            if (index % 2)
                crossings += tree[index + 1];
            index = (index - 1) / 2;
            ++tree[index];
        }
    }
    return crossings;
}

struct Graph {
    int vertexCount = 0;
    std::vector<std::vector<int>> successors;   // proper edges (adjacent layers)
    std::vector<std::vector<int>> predecessors;
    std::vector<int> layer;
    std::vector<double> sortKey;                // input order
    std::vector<std::vector<int>> layers;       // vertex ids in order

    int addVertex(int vertexLayer, double key)
    {
        successors.emplace_back();
        predecessors.emplace_back();
        layer.push_back(vertexLayer);
        sortKey.push_back(key);
        return vertexCount++;
    }
    void connect(int u, int v)
    {
        successors[u].push_back(v);
        predecessors[v].push_back(u);
    }

    int crossings(const std::vector<std::vector<int>> &order) const
    {
        std::vector<int> position(vertexCount);
        for (const auto &l : order) {
            for (int i = 0; i < int(l.size()); ++i)
                position[l[i]] = i;
        }
        int total = 0;
        for (int i = 0; i + 1 < int(order.size()); ++i) {
            std::vector<std::pair<int, int>> edges;
            for (int u : order[i]) {
                for (int v : successors[u])
                    edges.emplace_back(position[u], position[v]);
            }
            total += bilayerCrossings(edges, int(order[i + 1].size()));
        }
        return total;
    }
};

/// Reorders `order[target]` by the barycenters of its neighbours in the fixed layer.
void barycenterPass(const Graph &g, std::vector<std::vector<int>> &order, int target, bool usePredecessors)
{
    std::vector<int> position(g.vertexCount, 0);
    for (const auto &l : order) {
        for (int i = 0; i < int(l.size()); ++i)
            position[l[i]] = i;
    }
    std::vector<int> &layer = order[target];
    std::vector<double> center(g.vertexCount, 0);
    for (int i = 0; i < int(layer.size()); ++i) {
        const int v = layer[i];
        const auto &neighbours = usePredecessors ? g.predecessors[v] : g.successors[v];
        if (neighbours.empty()) {
            center[v] = i; // keeps its place
            continue;
        }
        double sum = 0;
        for (int w : neighbours)
            sum += position[w];
        // Scale the fixed layer to the target's positions so lone vertices keep meaningful places.
        const double fixedSize = std::max<size_t>(1, order[usePredecessors ? target - 1 : target + 1].size());
        center[v] = sum / double(neighbours.size()) * double(layer.size()) / fixedSize;
    }
    std::stable_sort(layer.begin(), layer.end(), [&center](int a, int b) { return center[a] < center[b]; });
}

/// Pool-adjacent-violators: the nondecreasing sequence closest (least squares) to `target`.
std::vector<double> isotonic(const std::vector<double> &target)
{
    struct Block {
        double sum;
        int count;
    };
    std::vector<Block> blocks;
    for (double t : target) {
        blocks.push_back({t, 1});
        while (blocks.size() > 1) {
            const Block &last = blocks.back();
            const Block &previous = blocks[blocks.size() - 2];
            if (previous.sum / previous.count <= last.sum / last.count)
                break;
            const Block merged{previous.sum + last.sum, previous.count + last.count};
            blocks.pop_back();
            blocks.back() = merged;
        }
    }
    std::vector<double> out;
    for (const Block &b : blocks)
        out.insert(out.end(), size_t(b.count), b.sum / b.count);
    return out;
}

} // namespace

LayeredLayout::Result LayeredLayout::compute(const QList<QSizeF> &nodeSizes, const QList<Edge> &edges, const Options &options)
{
    Result result;
    const int n = int(nodeSizes.size());
    result.nodes.resize(n);
    result.layer.resize(n);
    result.order.resize(n);
    result.edgePaths.resize(edges.size());
    result.reversed.resize(edges.size());
    if (n == 0)
        return result;

    // 1. Cycle removal.
    std::vector<std::pair<int, int>> simple;
    for (const Edge &e : edges) {
        if (e.from != e.to && e.from >= 0 && e.to >= 0 && e.from < n && e.to < n)
            simple.emplace_back(e.from, e.to);
    }
    const std::vector<int> position = feedbackArcOrder(n, simple);
    std::vector<std::pair<int, int>> dag; // (u, v) with position[u] < position[v], duplicates removed
    std::map<std::pair<int, int>, size_t> dagIndex;
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const Edge &e = edges[i];
        if (e.from == e.to || e.from < 0 || e.to < 0 || e.from >= n || e.to >= n)
            continue;
        result.reversed[i] = position[e.from] > position[e.to];
        const auto pair = result.reversed[i] ? std::make_pair(e.to, e.from) : std::make_pair(e.from, e.to);
        if (dagIndex.emplace(pair, dag.size()).second)
            dag.push_back(pair);
    }

    // 2. Longest-path layering in topological (position) order, then sources moved right.
    std::vector<int> topological(n);
    for (int v = 0; v < n; ++v)
        topological[position[v]] = v;
    std::vector<std::vector<int>> dagOut(n), dagIn(n);
    for (const auto &[u, v] : dag) {
        dagOut[u].push_back(v);
        dagIn[v].push_back(u);
    }
    std::vector<int> layerOf(n, 0);
    for (int v : topological) {
        for (int u : dagIn[v])
            layerOf[v] = std::max(layerOf[v], layerOf[u] + 1);
    }
    for (auto it = topological.rbegin(); it != topological.rend(); ++it) {
        const int v = *it;
        if (dagIn[v].empty() && !dagOut[v].empty()) {
            int nearest = INT_MAX;
            for (int w : dagOut[v])
                nearest = std::min(nearest, layerOf[w]);
            layerOf[v] = nearest - 1;
        }
    }
    const int layerCount = *std::max_element(layerOf.begin(), layerOf.end()) + 1;
    result.layerCount = layerCount;

    // 3. Proper graph with dummy vertices; input order decides the first ordering.
    Graph g;
    for (int v = 0; v < n; ++v)
        g.addVertex(layerOf[v], v);
    std::vector<std::vector<int>> chains(dag.size()); // vertices from u to v
    for (size_t e = 0; e < dag.size(); ++e) {
        const auto [u, v] = dag[e];
        chains[e].push_back(u);
        int previous = u;
        for (int l = layerOf[u] + 1; l < layerOf[v]; ++l) {
            const int dummy = g.addVertex(l, u + 0.5 + double(e) / double(dag.size() + 1) * 0.4);
            g.connect(previous, dummy);
            chains[e].push_back(dummy);
            previous = dummy;
        }
        g.connect(previous, v);
        chains[e].push_back(v);
    }
    std::vector<std::vector<int>> order(layerCount);
    for (int v = 0; v < g.vertexCount; ++v)
        order[g.layer[v]].push_back(v);
    for (auto &l : order)
        std::stable_sort(l.begin(), l.end(), [&g](int a, int b) { return g.sortKey[a] < g.sortKey[b]; });

    // 4. Barycenter sweeps, keeping the best order seen.
    result.initialCrossings = g.crossings(order);
    std::vector<std::vector<int>> best = order;
    int bestCrossings = result.initialCrossings;
    for (int sweep = 0; sweep < options.sweeps && bestCrossings > 0; ++sweep) {
        for (int l = 1; l < layerCount; ++l)
            barycenterPass(g, order, l, true);
        if (const int c = g.crossings(order); c < bestCrossings) {
            bestCrossings = c;
            best = order;
        }
        for (int l = layerCount - 2; l >= 0; --l)
            barycenterPass(g, order, l, false);
        if (const int c = g.crossings(order); c < bestCrossings) {
            bestCrossings = c;
            best = order;
        }
    }
    order = best;
    result.crossings = bestCrossings;

    // 5. Coordinates: columns by layer, rows centred on neighbours under the spacing constraints.
    auto heightOf = [&](int v) { return v < n ? nodeSizes[v].height() : 0.0; };
    auto widthOf = [&](int v) { return v < n ? nodeSizes[v].width() : 0.0; };
    std::vector<double> columnWidth(layerCount, 0), columnX(layerCount, 0);
    for (int v = 0; v < n; ++v)
        columnWidth[layerOf[v]] = std::max(columnWidth[layerOf[v]], widthOf(v));
    for (int l = 1; l < layerCount; ++l)
        columnX[l] = columnX[l - 1] + columnWidth[l - 1] + options.layerGap;
    auto separation = [&](int a, int b) {
        const double gap = (a < n && b < n) ? options.nodeGap : options.dummyGap;
        return (heightOf(a) + heightOf(b)) / 2 + gap;
    };
    std::vector<double> centerY(g.vertexCount, 0);
    for (const auto &l : order) {
        double y = 0;
        for (size_t i = 0; i < l.size(); ++i) {
            if (i > 0)
                y += separation(l[i - 1], l[i]);
            centerY[l[i]] = y;
        }
    }
    for (int pass = 0; pass < options.alignmentPasses; ++pass) {
        const bool forward = pass % 2 == 0;
        for (int step = 0; step < layerCount; ++step) {
            const int l = forward ? step : layerCount - 1 - step;
            const std::vector<int> &vertices = order[l];
            std::vector<double> target(vertices.size());
            double offset = 0;
            for (size_t i = 0; i < vertices.size(); ++i) {
                const int v = vertices[i];
                if (i > 0)
                    offset += separation(vertices[i - 1], v);
                double sum = 0;
                int count = 0;
                for (int w : g.predecessors[v]) {
                    sum += centerY[w];
                    ++count;
                }
                for (int w : g.successors[v]) {
                    sum += centerY[w];
                    ++count;
                }
                target[i] = (count > 0 ? sum / count : centerY[v]) - offset;
            }
            const std::vector<double> fitted = isotonic(target);
            offset = 0;
            for (size_t i = 0; i < vertices.size(); ++i) {
                if (i > 0)
                    offset += separation(vertices[i - 1], vertices[i]);
                centerY[vertices[i]] = fitted[i] + offset;
            }
        }
    }
    double top = 0;
    for (int v = 0; v < g.vertexCount; ++v)
        top = std::min(top, centerY[v] - heightOf(v) / 2);
    double bottom = 0;
    for (int v = 0; v < g.vertexCount; ++v) {
        centerY[v] -= top;
        bottom = std::max(bottom, centerY[v] + heightOf(v) / 2);
    }

    for (int v = 0; v < n; ++v) {
        const int l = layerOf[v];
        result.layer[v] = l;
        result.nodes[v] = QRectF(columnX[l] + (columnWidth[l] - widthOf(v)) / 2, centerY[v] - heightOf(v) / 2,
                                 widthOf(v), heightOf(v));
    }
    for (const auto &l : order) {
        for (int i = 0; i < int(l.size()); ++i) {
            if (l[i] < n)
                result.order[l[i]] = i;
        }
    }
    // A long edge crosses each column it passes straight, from the column's left to its right side,
    // so its curve never cuts into the cards beside it.
    auto addPoints = [&](QList<QPointF> &path, int v, bool leaving) {
        if (v < n) {
            const QRectF &r = result.nodes[v];
            path.append(QPointF(leaving ? r.right() : r.left(), r.center().y()));
            return;
        }
        const int l = g.layer[v];
        path.append(QPointF(columnX[l], centerY[v]));
        if (columnWidth[l] > 0)
            path.append(QPointF(columnX[l] + columnWidth[l], centerY[v]));
    };
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const Edge &e = edges[i];
        if (e.from == e.to || e.from < 0 || e.to < 0 || e.from >= n || e.to >= n)
            continue;
        const auto pair = result.reversed[i] ? std::make_pair(e.to, e.from) : std::make_pair(e.from, e.to);
        const size_t chain = dagIndex.at(pair);
        QList<QPointF> path;
        for (size_t k = 0; k < chains[chain].size(); ++k)
            addPoints(path, chains[chain][k], k == 0);
        if (result.reversed[i]) {
            // Drawn backwards: leave the source on its left, enter the target on its right.
            std::reverse(path.begin(), path.end());
            path.front() = QPointF(result.nodes[e.from].left(), result.nodes[e.from].center().y());
            path.back() = QPointF(result.nodes[e.to].right(), result.nodes[e.to].center().y());
        }
        result.edgePaths[i] = path;
    }
    result.size = QSizeF(columnX[layerCount - 1] + columnWidth[layerCount - 1], bottom);
    return result;
}

} // namespace studio
