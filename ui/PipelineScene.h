// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/Pipeline.h"
#include "pipeline/PipelineLayout.h"

#include <QGraphicsScene>

namespace studio {

class PipelineJobCard;

/// The pipeline as graphics items: a card per job at its layout position, a smooth curve with an
/// arrow head per dependency (dashed for workflow_run), and the environment lane underneath.
class PipelineScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit PipelineScene(QObject *parent = nullptr);

    void setPipeline(const Pipeline &pipeline, const PipelineLayout &layout);
    const Pipeline &pipeline() const { return m_pipeline; }
    QList<PipelineJobCard *> cards() const;
    PipelineJobCard *card(const QString &jobId) const;
    /// Selects the job's card (and so shows its details); false when there is none.
    bool selectJob(const QString &jobId);

signals:
    /// The selected job changed; empty when nothing is selected.
    void jobSelected(const QString &jobId);

private:
    void addConnector(const PipelineLayout::Connector &connector);

    Pipeline m_pipeline;
};

} // namespace studio
