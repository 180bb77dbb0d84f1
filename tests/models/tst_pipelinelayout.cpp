// SPDX-License-Identifier: MIT
// LayeredLayout on its own: invariants on random graphs (no overlapping nodes, layers follow edges,
// barycenter sweeps never add crossings, the same input gives the same picture) and small cases whose
// answer is known.

#include "pipeline/LayeredLayout.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace studio;

namespace {

struct Graph {
    QList<QSizeF> sizes;
    QList<LayeredLayout::Edge> edges;
    QList<int> intendedLayer; ///< for proper layered graphs: the layer each node was generated in
};

/// A random DAG: edges only go from lower to higher node index, so it has no cycle.
Graph randomDag(quint32 seed, int nodes, int edges)
{
    QRandomGenerator random(seed);
    Graph g;
    for (int i = 0; i < nodes; ++i)
        g.sizes.append(QSizeF(60 + random.bounded(180), 30 + random.bounded(90)));
    for (int e = 0; e < edges; ++e) {
        const int a = random.bounded(nodes);
        const int b = random.bounded(nodes);
        if (a != b)
            g.edges.append({std::min(a, b), std::max(a, b)});
    }
    return g;
}

/// Layers of random size where every node past the first layer needs a node of the layer before,
/// and edges only join adjacent layers: longest-path layering gives back exactly these layers.
Graph randomProperLayers(quint32 seed, int layers)
{
    QRandomGenerator random(seed);
    Graph g;
    QList<QList<int>> members(layers);
    for (int l = 0; l < layers; ++l) {
        const int count = 2 + random.bounded(6);
        for (int i = 0; i < count; ++i) {
            members[l].append(int(g.sizes.size()));
            g.intendedLayer.append(l);
            g.sizes.append(QSizeF(100, 40));
        }
    }
    for (int l = 1; l < layers; ++l) {
        for (int v : members[l]) {
            const int degree = 1 + random.bounded(3);
            for (int k = 0; k < degree; ++k) {
                const int u = members[l - 1][random.bounded(int(members[l - 1].size()))];
                const bool known = std::any_of(g.edges.cbegin(), g.edges.cend(),
                                               [u, v](const LayeredLayout::Edge &e) { return e.from == u && e.to == v; });
                if (!known)
                    g.edges.append({u, v});
            }
        }
    }
    return g;
}

/// Crossings between adjacent layers of a graph whose edges all join adjacent layers, for a given
/// position of each node within its layer. Counted pairwise, independently of the layout's own count.
int crossings(const Graph &g, const QList<int> &layerOf, const QList<int> &position)
{
    int total = 0;
    for (qsizetype i = 0; i < g.edges.size(); ++i) {
        for (qsizetype j = i + 1; j < g.edges.size(); ++j) {
            const auto &a = g.edges[i];
            const auto &b = g.edges[j];
            if (layerOf[a.from] != layerOf[b.from])
                continue;
            const int upper = position[a.from] - position[b.from];
            const int lower = position[a.to] - position[b.to];
            if ((upper < 0 && lower > 0) || (upper > 0 && lower < 0))
                ++total;
        }
    }
    return total;
}

void verifyNoOverlap(const LayeredLayout::Result &r)
{
    for (qsizetype i = 0; i < r.nodes.size(); ++i) {
        QVERIFY(r.nodes[i].x() >= 0 && r.nodes[i].y() >= 0);
        QVERIFY(r.nodes[i].right() <= r.size.width() + 1e-6 && r.nodes[i].bottom() <= r.size.height() + 1e-6);
        for (qsizetype j = i + 1; j < r.nodes.size(); ++j) {
            const QRectF overlap = r.nodes[i].intersected(r.nodes[j]);
            QVERIFY2(overlap.width() <= 1e-6 || overlap.height() <= 1e-6,
                     qPrintable(QStringLiteral("nodes %1 and %2 overlap").arg(i).arg(j)));
        }
    }
}

} // namespace

class TestPipelineLayout : public QObject
{
    Q_OBJECT

private slots:
    void randomDags_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("edges");
        for (quint32 seed = 1; seed <= 12; ++seed)
            QTest::addRow("seed %u", seed) << seed << int(5 + seed * 7) << int(8 + seed * 11);
        QTest::newRow("isolated nodes") << quint32(99) << 10 << 0;
        QTest::newRow("one node") << quint32(7) << 1 << 0;
    }

    void randomDags()
    {
        QFETCH(quint32, seed);
        QFETCH(int, nodes);
        QFETCH(int, edges);
        const Graph g = randomDag(seed, nodes, edges);
        const LayeredLayout::Result r = LayeredLayout::compute(g.sizes, g.edges);
        QCOMPARE(r.nodes.size(), nodes);
        verifyNoOverlap(r);
        for (qsizetype i = 0; i < g.edges.size(); ++i) {
            const auto &e = g.edges[i];
            QVERIFY(!r.reversed[i]); // a DAG needs no reversal
            QVERIFY2(r.layer[e.from] < r.layer[e.to], "an edge must point to a later layer");
            QVERIFY(r.nodes[e.from].right() < r.nodes[e.to].left());
            // The curve leaves the source on its right side and enters the target on its left side.
            const QList<QPointF> &path = r.edgePaths[i];
            QVERIFY(path.size() >= 2);
            QCOMPARE(path.front(), QPointF(r.nodes[e.from].right(), r.nodes[e.from].center().y()));
            QCOMPARE(path.back(), QPointF(r.nodes[e.to].left(), r.nodes[e.to].center().y()));
            for (qsizetype k = 1; k < path.size(); ++k)
                QVERIFY(path[k].x() > path[k - 1].x());
        }
        QVERIFY(r.crossings <= r.initialCrossings);
    }

    void sweepsNeverAddCrossings_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 15; ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }

    void sweepsNeverAddCrossings()
    {
        QFETCH(quint32, seed);
        const Graph g = randomProperLayers(seed, 3 + int(seed % 4));
        const LayeredLayout::Result r = LayeredLayout::compute(g.sizes, g.edges);
        QCOMPARE(r.layer, g.intendedLayer);
        // The input order: nodes of a layer by index.
        QList<int> inputPosition(g.sizes.size());
        QList<int> seen(r.layerCount, 0);
        for (qsizetype v = 0; v < g.sizes.size(); ++v)
            inputPosition[v] = seen[g.intendedLayer[v]]++;
        const int before = crossings(g, g.intendedLayer, inputPosition);
        const int after = crossings(g, r.layer, r.order);
        QCOMPARE(before, r.initialCrossings);
        QCOMPARE(after, r.crossings);
        QVERIFY2(after <= before, qPrintable(QStringLiteral("%1 crossings after, %2 before").arg(after).arg(before)));
        // Within a layer, the order is the vertical order.
        for (qsizetype a = 0; a < g.sizes.size(); ++a) {
            for (qsizetype b = 0; b < g.sizes.size(); ++b) {
                if (r.layer[a] == r.layer[b] && r.order[a] < r.order[b])
                    QVERIFY(r.nodes[a].bottom() <= r.nodes[b].top());
            }
        }
    }

    void removableCrossingIsRemoved()
    {
        // a → d and b → c, with c above d: one crossing in input order, none after.
        const QList<QSizeF> sizes(4, QSizeF(80, 40));
        const LayeredLayout::Result r = LayeredLayout::compute(sizes, {{0, 3}, {1, 2}});
        QCOMPARE(r.initialCrossings, 1);
        QCOMPARE(r.crossings, 0);
        QVERIFY((r.nodes[0].y() < r.nodes[1].y()) == (r.nodes[3].y() < r.nodes[2].y()));
    }

    void chainIsAStraightLine()
    {
        const QList<QSizeF> sizes(4, QSizeF(100, 50));
        const LayeredLayout::Result r = LayeredLayout::compute(sizes, {{0, 1}, {1, 2}, {2, 3}});
        QCOMPARE(r.layer, (QList<int>{0, 1, 2, 3}));
        for (const QRectF &node : r.nodes)
            QCOMPARE(node.y(), r.nodes[0].y());
        QCOMPARE(r.size, QSizeF(4 * 100 + 3 * LayeredLayout::Options().layerGap, 50));
    }

    void sourcesSitNextToTheirFirstSuccessor()
    {
        // 0 → 1 → 2 → 3 and 4 → 3: 4 belongs just before 3, not in the first column.
        const QList<QSizeF> sizes(5, QSizeF(80, 40));
        const LayeredLayout::Result r = LayeredLayout::compute(sizes, {{0, 1}, {1, 2}, {2, 3}, {4, 3}});
        QCOMPARE(r.layer[4], 2);
        verifyNoOverlap(r);
    }

    void cyclesAreBrokenAndStillDrawn()
    {
        const QList<QSizeF> sizes(4, QSizeF(80, 40));
        const QList<LayeredLayout::Edge> edges{{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 3}};
        const LayeredLayout::Result r = LayeredLayout::compute(sizes, edges);
        verifyNoOverlap(r);
        int reversed = 0;
        for (qsizetype i = 0; i < edges.size(); ++i) {
            if (edges[i].from == edges[i].to) {
                QVERIFY(r.edgePaths[i].isEmpty()); // a self-loop has no layered drawing
                continue;
            }
            if (r.reversed[i]) {
                ++reversed;
                QVERIFY(r.layer[edges[i].from] > r.layer[edges[i].to]);
                QCOMPARE(r.edgePaths[i].front(), QPointF(r.nodes[edges[i].from].left(), r.nodes[edges[i].from].center().y()));
                QCOMPARE(r.edgePaths[i].back(), QPointF(r.nodes[edges[i].to].right(), r.nodes[edges[i].to].center().y()));
            } else {
                QVERIFY(r.layer[edges[i].from] < r.layer[edges[i].to]);
            }
        }
        QCOMPARE(reversed, 1); // one edge breaks the one cycle
    }

    void sameInputSameOutput()
    {
        const Graph g = randomDag(4242, 80, 160);
        const LayeredLayout::Result first = LayeredLayout::compute(g.sizes, g.edges);
        const LayeredLayout::Result second = LayeredLayout::compute(g.sizes, g.edges);
        QCOMPARE(first.nodes, second.nodes);
        QCOMPARE(first.edgePaths, second.edgePaths);
        QCOMPARE(first.order, second.order);
        QCOMPARE(first.crossings, second.crossings);
    }

    void emptyGraph()
    {
        const LayeredLayout::Result r = LayeredLayout::compute({}, {});
        QVERIFY(r.nodes.isEmpty());
        QCOMPARE(r.size, QSizeF());
    }
};

QTEST_GUILESS_MAIN(TestPipelineLayout)
#include "tst_pipelinelayout.moc"
