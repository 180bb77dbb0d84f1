// SPDX-License-Identifier: MIT
#include "PipelineEnvironmentLane.h"

#include "PipelineJobCard.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

namespace studio {

PipelineEnvironmentLane::PipelineEnvironmentLane(const QList<PromotionStage> &stages, const QHash<QString, QString> &jobNames,
                                                 const QList<qreal> &preferredLeft)
    : m_stages(stages)
    , m_jobNames(jobNames)
{
    qreal next = 0;
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const qreal wanted = preferredLeft.value(i, -1);
        const qreal left = std::max(next, wanted);
        m_left.append(left);
        next = left + kStageWidth + kMinGap;
    }
}

QRectF PipelineEnvironmentLane::stageRect(int index) const
{
    return QRectF(m_left.value(index), kTitleHeight, kStageWidth, kStageHeight);
}

QRectF PipelineEnvironmentLane::boundingRect() const
{
    const qreal left = m_left.value(0);
    const qreal right = m_stages.isEmpty() ? 0 : stageRect(int(m_stages.size()) - 1).right();
    return QRectF(left - 2, 0, right - left + 4, kTitleHeight + kStageHeight + 4);
}

void PipelineEnvironmentLane::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QFont title = painter->font();
    title.setPointSizeF(10);
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(QColor(0x24, 0x29, 0x2f));
    painter->drawText(QPointF(m_left.value(0), QFontMetricsF(title).ascent()), QStringLiteral("Promotion flow"));

    for (int i = 0; i < m_stages.size(); ++i) {
        const PromotionStage &stage = m_stages[i];
        const QRectF rect = stageRect(i);
        const QColor accent = PipelineJobCard::environmentColor(stage.environment);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 20));
        painter->drawRoundedRect(rect.translated(0, 2), 8, 8);
        painter->setBrush(Qt::white);
        painter->setPen(QPen(accent, 1.5));
        painter->drawRoundedRect(rect, 8, 8);

        const qreal left = rect.left() + 12;
        const qreal width = rect.width() - 24;
        QFont font = painter->font();
        font.setPointSizeF(11);
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(accent.darker(120));
        QFontMetricsF metrics(font);
        qreal y = rect.top() + 8 + metrics.ascent();
        painter->drawText(QPointF(left, y), stage.environment);

        font.setPointSizeF(8.5);
        font.setBold(false);
        painter->setFont(font);
        metrics = QFontMetricsF(font);
        const auto line = [&](const QString &text, const QColor &color) {
            y += metrics.height() + 1;
            painter->setPen(color);
            painter->drawText(QPointF(left, y), metrics.elidedText(text, Qt::ElideMiddle, width));
        };
        y += 4;
        line(stage.application.isEmpty() ? QStringLiteral("No Argo CD Application") : QStringLiteral("Argo CD: ") + stage.application,
             QColor(0x24, 0x29, 0x2f));
        if (!stage.path.isEmpty())
            line(stage.path + (stage.targetRevision.isEmpty() ? QString() : QStringLiteral(" @ ") + stage.targetRevision),
                 QColor(0x57, 0x60, 0x6a));
        line(stage.application.isEmpty() ? QString() : stage.syncPolicyText(),
             stage.automated ? QColor(0x1a, 0x7f, 0x37) : QColor(0x9a, 0x67, 0x00));
        QStringList deployers;
        for (const QString &id : stage.deployJobs)
            deployers << m_jobNames.value(id, id);
        line(deployers.isEmpty() ? QStringLiteral("no workflow job deploys here") : QStringLiteral("deployed by ") + deployers.join(QStringLiteral(", ")),
             QColor(0x57, 0x60, 0x6a));

        if (i + 1 < m_stages.size()) {
            const qreal mid = rect.center().y();
            const QPointF from(rect.right() + 8, mid);
            const QPointF to(stageRect(i + 1).left() - 8, mid);
            painter->setPen(QPen(QColor(0x6a, 0x73, 0x7d), 1.6));
            painter->drawLine(from, to - QPointF(6, 0));
            QPainterPath head;
            head.moveTo(to);
            head.lineTo(to + QPointF(-9, -5));
            head.lineTo(to + QPointF(-9, 5));
            head.closeSubpath();
            painter->fillPath(head, QColor(0x6a, 0x73, 0x7d));
        }
    }
}

} // namespace studio
