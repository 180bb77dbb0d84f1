// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/PipelineLayout.h"
#include "pipeline/PromotionFlow.h"

#include <QGraphicsItem>
#include <QList>

namespace studio {

/// The promotion flow under the job graph: dev → staging → prod, each environment with its Argo CD
/// Application, the path and revision it syncs, its sync policy and the jobs that deploy to it.
class PipelineEnvironmentLane : public QGraphicsItem
{
public:
    static constexpr qreal kStageWidth = PipelineLayout::kCardWidth;
    static constexpr qreal kStageHeight = 100;
    static constexpr qreal kMinGap = 48;
    static constexpr qreal kTitleHeight = 26;

    /// `jobNames` maps each stage's deploy job ids to the names shown. `preferredLeft` gives, per stage,
    /// the x where it would like to sit (under its deploying job), or a negative value for "anywhere";
    /// stages keep their order and at least kMinGap between them.
    PipelineEnvironmentLane(const QList<PromotionStage> &stages, const QHash<QString, QString> &jobNames,
                            const QList<qreal> &preferredLeft);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
    /// The card rectangle of stage `index`, in item coordinates.
    QRectF stageRect(int index) const;

private:
    QList<PromotionStage> m_stages;
    QHash<QString, QString> m_jobNames;
    QList<qreal> m_left;
};

} // namespace studio
