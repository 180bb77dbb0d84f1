// SPDX-License-Identifier: MIT
#include "PipelineGraphView.h"

#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QWheelEvent>

namespace studio {

PipelineGraphView::PipelineGraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
}

void PipelineGraphView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const qreal applied = target / zoom();
    scale(applied, applied);
    emit zoomChanged(zoom());
}

void PipelineGraphView::fitAll()
{
    if (!scene())
        return;
    resetTransform();
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    // Never blow a small pipeline up beyond its natural size.
    if (zoom() > 1.0)
        resetTransform();
    emit zoomChanged(zoom());
}

void PipelineGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        zoomBy(std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void PipelineGraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / 1.25);
        return;
    case Qt::Key_0:
        fitAll();
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

Status PipelineGraphView::exportTo(const QString &path) const
{
    if (!scene())
        return Status::failure(Error::Code::Internal, QStringLiteral("there is no pipeline to export"));
    const QRectF source = scene()->sceneRect();
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(source.size().toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
        generator.setTitle(QStringLiteral("Pipeline"));
        generator.setDescription(QStringLiteral("GitHub Actions pipeline and promotion flow, drawn by Deploy Studio"));
        QPainter painter;
        if (!painter.begin(&generator))
            return Status::failure(Error::Code::Io, QStringLiteral("cannot write %1; check the folder exists and is writable").arg(path));
        scene()->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
        return QFileInfo(path).size() > 0
                   ? success()
                   : Status::failure(Error::Code::Io, QStringLiteral("cannot write %1; check the folder exists and is writable").arg(path));
    }
    QImage image((source.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return Status::failure(Error::Code::Io, QStringLiteral("the pipeline is too large to export as an image; export SVG instead"));
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene()->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    painter.end();
    if (!image.save(path, "PNG"))
        return Status::failure(Error::Code::Io, QStringLiteral("cannot write %1; check the folder exists and is writable").arg(path));
    return success();
}

} // namespace studio
