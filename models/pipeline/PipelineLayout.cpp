// SPDX-License-Identifier: MIT
#include "pipeline/PipelineLayout.h"

#include <QHash>

namespace studio {

QList<PipelineLayout::CurveSegment> PipelineLayout::Connector::curve() const
{
    QList<CurveSegment> segments;
    for (qsizetype i = 1; i < points.size(); ++i) {
        const QPointF a = points[i - 1];
        const QPointF b = points[i];
        const double half = (b.x() - a.x()) / 2;
        segments.append({QPointF(a.x() + half, a.y()), QPointF(b.x() - half, b.y()), b});
    }
    return segments;
}

PipelineLayout PipelineLayout::compute(const Pipeline &pipeline)
{
    PipelineLayout layout;
    QHash<QString, int> index;
    QList<QSizeF> sizes;
    for (const WorkflowJob *job : pipeline.jobs()) {
        index.insert(job->id, int(sizes.size()));
        sizes.append(QSizeF(kCardWidth, kCardHeight));
        layout.m_cards.append({job->id, QRectF()});
    }
    QList<LayeredLayout::Edge> edges;
    QList<PipelineEdge> drawn;
    for (const PipelineEdge &edge : pipeline.edges) {
        if (!index.contains(edge.from) || !index.contains(edge.to))
            continue;
        edges.append({index.value(edge.from), index.value(edge.to)});
        drawn.append(edge);
    }
    LayeredLayout::Options options;
    options.layerGap = kColumnGap;
    const LayeredLayout::Result result = LayeredLayout::compute(sizes, edges, options);
    for (qsizetype i = 0; i < layout.m_cards.size(); ++i)
        layout.m_cards[i].rect = result.nodes[i];
    for (qsizetype i = 0; i < drawn.size(); ++i)
        layout.m_connectors.append({drawn[i].from, drawn[i].to, drawn[i].kind, result.edgePaths[i], result.reversed[i]});
    layout.m_size = result.size;
    layout.m_crossings = result.crossings;
    return layout;
}

const PipelineLayout::Card *PipelineLayout::card(const QString &jobId) const
{
    for (const Card &c : m_cards) {
        if (c.jobId == jobId)
            return &c;
    }
    return nullptr;
}

} // namespace studio
