// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QGraphicsView>

namespace studio {

/// A zoomable, pannable view of a pipeline scene: Ctrl+wheel or +/- zoom around the cursor, dragging
/// pans, 0 or fitAll() shows everything. Exports the whole scene as PNG or SVG.
class PipelineGraphView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr qreal kMinZoom = 0.1;
    static constexpr qreal kMaxZoom = 4.0;

    explicit PipelineGraphView(QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }
    void zoomBy(qreal factor);
    void fitAll();
    /// Writes the whole scene to `path`: SVG when it ends in ".svg", otherwise a PNG at twice the
    /// scene's size so text stays crisp.
    Status exportTo(const QString &path) const;

signals:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace studio
