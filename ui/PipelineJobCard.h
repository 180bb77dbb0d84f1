// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/WorkflowJob.h"

#include <QGraphicsItem>

namespace studio {

/// A job of the pipeline graph: name, runner, environment badge, matrix size and condition on a
/// rounded card. Selectable; selecting it shows its details beside the graph.
class PipelineJobCard : public QGraphicsItem
{
public:
    enum { Type = UserType + 701 };
    /// `deploysTo` is the studio environment the job deploys to (empty when none).
    PipelineJobCard(const WorkflowJob &job, const QString &deploysTo, const QSizeF &size);

    QString jobId() const { return m_job.id; }
    const WorkflowJob &job() const { return m_job; }
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// Colour of an environment badge: dev green, staging amber, prod red, others blue.
    static QColor environmentColor(const QString &environment);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    WorkflowJob m_job;
    QString m_deploysTo;
    QSizeF m_size;
    bool m_hovered = false;
};

} // namespace studio
