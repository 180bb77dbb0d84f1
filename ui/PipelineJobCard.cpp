// SPDX-License-Identifier: MIT
#include "PipelineJobCard.h"

#include "pipeline/PromotionFlow.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace studio {

namespace {

/// Draws a rounded pill with `text`; returns its width.
qreal drawBadge(QPainter *painter, const QPointF &topLeft, const QString &text, const QColor &color)
{
    QFont font = painter->font();
    font.setPointSizeF(8);
    font.setBold(true);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    const QRectF rect(topLeft, QSizeF(metrics.horizontalAdvance(text) + 12, metrics.height() + 4));
    painter->setPen(Qt::NoPen);
    QColor fill = color;
    fill.setAlpha(36);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, rect.height() / 2, rect.height() / 2);
    painter->setPen(color.darker(130));
    painter->drawText(rect, Qt::AlignCenter, text);
    return rect.width();
}

} // namespace

PipelineJobCard::PipelineJobCard(const WorkflowJob &job, const QString &deploysTo, const QSizeF &size)
    : m_job(job)
    , m_deploysTo(deploysTo)
    , m_size(size)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    QStringList tip{m_job.name};
    if (!m_job.runsOn.isEmpty())
        tip << QStringLiteral("runs on ") + m_job.runsOn;
    if (!m_job.environment.isEmpty())
        tip << QStringLiteral("environment ") + m_job.environment;
    if (!m_job.condition.isEmpty())
        tip << QStringLiteral("if ") + m_job.condition;
    setToolTip(tip.join(u'\n'));
    setZValue(2);
}

QRectF PipelineJobCard::boundingRect() const
{
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

QColor PipelineJobCard::environmentColor(const QString &environment)
{
    const QString name = environment.toLower();
    if (PromotionFlow::namesEnvironment(name, QStringLiteral("dev")))
        return QColor(0x1a, 0x7f, 0x37);
    if (PromotionFlow::namesEnvironment(name, QStringLiteral("staging")))
        return QColor(0x9a, 0x67, 0x00);
    if (PromotionFlow::namesEnvironment(name, QStringLiteral("prod")))
        return QColor(0xcf, 0x22, 0x2e);
    return QColor(0x09, 0x69, 0xda);
}

void PipelineJobCard::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card(QPointF(0, 0), m_size);
    const bool selected = option->state & QStyle::State_Selected;
    const QString environment = m_deploysTo.isEmpty() ? m_job.environment : m_deploysTo;
    const QColor accent = environment.isEmpty() ? QColor(0x8c, 0x95, 0x9f) : environmentColor(environment);

    // Shadow, body, and a coloured strip on the left telling the environment at a glance.
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, m_hovered || selected ? 40 : 22));
    painter->drawRoundedRect(card.translated(0, 2), 8, 8);
    painter->setBrush(Qt::white);
    painter->setPen(QPen(selected ? QColor(0x09, 0x69, 0xda) : QColor(0xd0, 0xd7, 0xde), selected ? 2 : 1));
    painter->drawRoundedRect(card, 8, 8);
    QPainterPath strip;
    strip.addRoundedRect(QRectF(0, 0, 12, m_size.height()), 6, 6);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, 5, m_size.height()));
    painter->fillPath(strip.intersected(clip), accent);

    const qreal left = 16;
    const qreal width = m_size.width() - left - 10;
    QFont font = painter->font();
    font.setPointSizeF(10.5);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(QColor(0x24, 0x29, 0x2f));
    QFontMetricsF metrics(font);
    painter->drawText(QPointF(left, 10 + metrics.ascent()), metrics.elidedText(m_job.name, Qt::ElideRight, width));
    qreal y = 10 + metrics.height() + 2;

    font.setBold(false);
    font.setPointSizeF(8.5);
    painter->setFont(font);
    metrics = QFontMetricsF(font);
    painter->setPen(QColor(0x57, 0x60, 0x6a));
    const QString runner = !m_job.runsOn.isEmpty() ? QString(QChar(0x25B8)) + u' ' + m_job.runsOn
                                                   : QStringLiteral("uses ") + m_job.calls;
    painter->drawText(QPointF(left, y + metrics.ascent()), metrics.elidedText(runner, Qt::ElideRight, width));
    y += metrics.height() + 5;

    qreal x = left;
    if (!m_job.environment.isEmpty())
        x += drawBadge(painter, QPointF(x, y), m_job.environment, accent) + 6;
    if (m_job.hasMatrix())
        x += drawBadge(painter, QPointF(x, y),
                       m_job.matrixIsDynamic ? QStringLiteral("matrix: dynamic") : QStringLiteral("matrix ×%1").arg(m_job.matrixCount),
                       QColor(0x82, 0x50, 0xdf)) + 6;
    if (!m_job.steps.isEmpty() && x < m_size.width() - 60)
        drawBadge(painter, QPointF(x, y), m_job.steps.size() == 1 ? QStringLiteral("1 step") : QStringLiteral("%1 steps").arg(m_job.steps.size()), QColor(0x57, 0x60, 0x6a));

    if (!m_job.condition.isEmpty()) {
        font.setPointSizeF(8);
        font.setBold(false);
        font.setFamily(QStringLiteral("monospace"));
        painter->setFont(font);
        metrics = QFontMetricsF(font);
        painter->setPen(QColor(0x9a, 0x67, 0x00));
        const qreal baseline = m_size.height() - 9;
        painter->drawText(QPointF(left, baseline),
                          metrics.elidedText(QStringLiteral("if ") + m_job.condition, Qt::ElideRight, width));
    }
}

void PipelineJobCard::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void PipelineJobCard::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace studio
