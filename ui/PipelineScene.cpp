// SPDX-License-Identifier: MIT
#include "PipelineScene.h"

#include "PipelineEnvironmentLane.h"
#include "PipelineJobCard.h"

#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>

namespace studio {

namespace {

const QColor kEdgeColor(0x6a, 0x73, 0x7d);
constexpr qreal kLaneSpacing = 56;

} // namespace

PipelineScene::PipelineScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setBackgroundBrush(QColor(0xf6, 0xf8, 0xfa));
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        const QList<QGraphicsItem *> selected = selectedItems();
        const auto *card = selected.isEmpty() ? nullptr : qgraphicsitem_cast<PipelineJobCard *>(selected.front());
        emit jobSelected(card ? card->jobId() : QString());
    });
}

void PipelineScene::setPipeline(const Pipeline &pipeline, const PipelineLayout &layout)
{
    clear();
    m_pipeline = pipeline;
    QHash<QString, QString> names;
    for (const PipelineLayout::Card &placed : layout.cards()) {
        const WorkflowJob *job = pipeline.job(placed.jobId);
        if (!job)
            continue;
        names.insert(job->id, job->name);
        const PromotionStage *stage = pipeline.stageOf(job->id);
        auto *item = new PipelineJobCard(*job, stage ? stage->environment : QString(), placed.rect.size());
        item->setPos(placed.rect.topLeft());
        addItem(item);
    }
    for (const PipelineLayout::Connector &connector : layout.connectors())
        addConnector(connector);
    if (!pipeline.stages.isEmpty()) {
        QList<qreal> preferred;
        for (const PromotionStage &stage : pipeline.stages) {
            const PipelineLayout::Card *deployer = stage.deployJobs.isEmpty() ? nullptr : layout.card(stage.deployJobs.front());
            preferred.append(deployer ? deployer->rect.center().x() - PipelineEnvironmentLane::kStageWidth / 2 : -1);
        }
        auto *lane = new PipelineEnvironmentLane(pipeline.stages, names, preferred);
        const qreal laneTop = layout.cards().isEmpty() ? 0 : layout.size().height() + kLaneSpacing;
        lane->setPos(0, laneTop);
        addItem(lane);
        // A dotted line from each deploying job down to the environment it deploys.
        for (int i = 0; i < pipeline.stages.size(); ++i) {
            const QRectF stageRect = lane->stageRect(i).translated(0, laneTop);
            for (const QString &id : pipeline.stages[i].deployJobs) {
                const PipelineLayout::Card *deployer = layout.card(id);
                if (!deployer)
                    continue;
                QPainterPath link(QPointF(deployer->rect.center().x(), deployer->rect.bottom()));
                const QPointF end(stageRect.center().x(), stageRect.top());
                const qreal middle = (link.currentPosition().y() + end.y()) / 2;
                link.cubicTo(QPointF(link.currentPosition().x(), middle), QPointF(end.x(), middle), end);
                QColor color = PipelineJobCard::environmentColor(pipeline.stages[i].environment);
                color.setAlpha(150);
                auto *item = addPath(link, QPen(color, 1.3, Qt::DotLine));
                item->setZValue(0);
            }
        }
    }
    if (layout.cards().isEmpty() && pipeline.stages.isEmpty()) {
        auto *empty = addSimpleText(QStringLiteral("No GitHub Actions workflows in .github/workflows"));
        empty->setBrush(QColor(0x57, 0x60, 0x6a));
    }
    setSceneRect(itemsBoundingRect().adjusted(-32, -32, 32, 32));
}

void PipelineScene::addConnector(const PipelineLayout::Connector &connector)
{
    if (connector.points.size() < 2)
        return;
    QPainterPath path(connector.start());
    for (const PipelineLayout::CurveSegment &segment : connector.curve())
        path.cubicTo(segment.control1, segment.control2, segment.end);
    // Stop the line where the arrow head starts so its tip stays sharp.
    const QPointF tip = connector.points.back();
    const qreal direction = connector.reversed ? -1 : 1;
    QPen pen(kEdgeColor, 1.6);
    if (connector.kind == PipelineEdge::Kind::WorkflowRun)
        pen.setStyle(Qt::DashLine);
    auto *curve = addPath(path, pen);
    curve->setZValue(1);
    curve->setToolTip(QStringLiteral("%1 → %2%3").arg(connector.from, connector.to,
                                                     connector.kind == PipelineEdge::Kind::WorkflowRun ? QStringLiteral(" (workflow_run)") : QString()));
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(tip + QPointF(-10 * direction, -5));
    head.lineTo(tip + QPointF(-10 * direction, 5));
    head.closeSubpath();
    auto *arrow = addPath(head, Qt::NoPen, kEdgeColor);
    arrow->setZValue(3);
}

QList<PipelineJobCard *> PipelineScene::cards() const
{
    QList<PipelineJobCard *> out;
    for (QGraphicsItem *item : items(Qt::AscendingOrder)) {
        if (auto *card = qgraphicsitem_cast<PipelineJobCard *>(item))
            out.append(card);
    }
    return out;
}

PipelineJobCard *PipelineScene::card(const QString &jobId) const
{
    for (PipelineJobCard *c : cards()) {
        if (c->jobId() == jobId)
            return c;
    }
    return nullptr;
}

bool PipelineScene::selectJob(const QString &jobId)
{
    PipelineJobCard *target = card(jobId);
    if (!target)
        return false;
    clearSelection();
    target->setSelected(true);
    return true;
}

} // namespace studio
