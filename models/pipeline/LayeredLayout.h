// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace studio {

/// A layered (Sugiyama) drawing of a directed graph, left to right:
/// 1. cycle removal by the greedy feedback arc set of Eades, Lin and Smyth (reversed edges are drawn
///    backwards, still from their source to their target);
/// 2. longest-path layering, then sources pulled right next to their first successor;
/// 3. long edges split by dummy vertices, crossings reduced by barycenter sweeps in both directions
///    (the best order seen is kept, so the result never has more crossings than the input order);
/// 4. vertical coordinates by repeatedly centring each vertex on its neighbours under the order and
///    spacing constraints (solved exactly by isotonic regression), horizontal ones by layer.
/// Deterministic: the same input gives the same output, ties broken by input order.
class LayeredLayout
{
public:
    struct Edge {
        int from = 0;
        int to = 0;
    };
    struct Options {
        double layerGap = 72;   ///< horizontal space between layers
        double nodeGap = 28;    ///< vertical space between vertices of a layer
        double dummyGap = 18;   ///< vertical space between a long edge and its neighbours in a column
        int sweeps = 12;        ///< barycenter sweep pairs
        int alignmentPasses = 16;
    };
    struct Result {
        QList<QRectF> nodes;               ///< per input node, top-left at (0, 0) or beyond
        QList<int> layer;                  ///< per input node
        QList<int> order;                  ///< per input node: position within its layer (dummies counted)
        QList<QList<QPointF>> edgePaths;   ///< per input edge: from the source's right side to the target's left side,
                                           ///< crossing intermediate columns horizontally
        QList<bool> reversed;              ///< per input edge: drawn against the layer direction (breaks a cycle)
        int layerCount = 0;
        int crossings = 0;                 ///< crossings of the final order (between adjacent layers, dummies included)
        int initialCrossings = 0;          ///< crossings of the input order on the same layering
        QSizeF size;
    };

    static Result compute(const QList<QSizeF> &nodeSizes, const QList<Edge> &edges, const Options &options);
    static Result compute(const QList<QSizeF> &nodeSizes, const QList<Edge> &edges) { return compute(nodeSizes, edges, Options()); }
};

} // namespace studio
