// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/LayeredLayout.h"
#include "pipeline/Pipeline.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace studio {

/// Where each job card and each dependency curve of a Pipeline goes, left to right by `needs`.
/// Shared by the Pipeline view and the SVG export so both draw the same picture.
class PipelineLayout
{
public:
    static constexpr double kCardWidth = 212;
    static constexpr double kCardHeight = 92;
    static constexpr double kColumnGap = 60;

    struct Card {
        QString jobId;
        QRectF rect;
    };
    /// One piece of a smooth curve: a cubic Bézier from the previous end point.
    struct CurveSegment {
        QPointF control1;
        QPointF control2;
        QPointF end;
    };
    struct Connector {
        QString from;
        QString to;
        PipelineEdge::Kind kind = PipelineEdge::Kind::Needs;
        QList<QPointF> points; ///< from the source card's edge to the target card's edge
        bool reversed = false; ///< part of a cycle, drawn right to left
        QPointF start() const { return points.isEmpty() ? QPointF() : points.front(); }
        /// Horizontal tangents at every point: S-curves that join smoothly at the bends.
        QList<CurveSegment> curve() const;
    };

    static PipelineLayout compute(const Pipeline &pipeline);

    const QList<Card> &cards() const { return m_cards; }
    const QList<Connector> &connectors() const { return m_connectors; }
    const Card *card(const QString &jobId) const;
    QSizeF size() const { return m_size; }
    int crossings() const { return m_crossings; }

private:
    QList<Card> m_cards;
    QList<Connector> m_connectors;
    QSizeF m_size;
    int m_crossings = 0;
};

} // namespace studio
