// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/Downsampling.h"
#include "metrics/MetricUnit.h"
#include "metrics/TimeSeries.h"

#include <QColor>
#include <QList>
#include <QWidget>

namespace studio {

/// A vertical line on the time axis: a promotion or another commit that changed the environment.
struct ChartMarker {
    double time = 0;  ///< Unix seconds
    QString label;    ///< short, drawn at the top (e.g. the short commit id)
    QString detail;   ///< shown on hover: commit, author, date, message
    bool emphasized = false; ///< a promotion (drawn stronger than other commits)
};

/// A time-series chart drawn with QPainter: lines per series, downsampled to the pixel width (M4) so
/// a million points stay interactive; a crosshair with every series' value on hover; a legend whose
/// entries toggle series; vertical markers with their details on hover; and a centred message for
/// empty and error states.
class MetricChart : public QWidget
{
    Q_OBJECT

public:
    struct Series {
        QString name;
        TimeSeries data;
        QColor color;
        bool visible = true;
    };

    explicit MetricChart(QWidget *parent = nullptr);

    void setSeries(const QList<Series> &series);
    const QList<Series> &series() const { return m_series; }
    void setTimeRange(double from, double to);
    void setUnit(MetricUnit unit);
    void setMarkers(const QList<ChartMarker> &markers);
    const QList<ChartMarker> &markers() const { return m_markers; }
    /// Replaces the chart with a centred message ("No data", an error); empty = show the data.
    void setMessage(const QString &message, bool isError = false);
    QString message() const { return m_message; }

    void setSeriesVisible(int index, bool visible);
    /// Points actually drawn (after downsampling) for the visible series.
    qsizetype plottedPointCount() const;
    /// What the hover box shows for the mouse at `position` (time and values, or a marker's details).
    QString hoverTextAt(const QPoint &position) const;
    /// The legend entry under `position`, or -1.
    int legendEntryAt(const QPoint &position) const;
    /// Where marker `index` is drawn (x in widget coordinates), or -1 when outside the plot.
    int markerX(int index) const;
    QSize minimumSizeHint() const override;

    /// Standard colours for series, in order.
    static QColor seriesColor(int index);

signals:
    void seriesToggled(int index, bool visible);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Layout {
        QRectF plot;
        QList<QRectF> legend; ///< one rect per series
    };
    Layout layout() const;
    void ensurePlotted() const;
    void updateValueRange() const;
    QList<double> valueTicks(double min, double max, int count) const;
    double xOf(double time, const QRectF &plot) const;
    double yOf(double value, const QRectF &plot) const;
    int markerNear(const QPoint &position, const QRectF &plot) const;
    /// (series, sample) pairs of the visible series that have a sample near time `t`.
    QList<std::pair<qsizetype, qsizetype>> samplesAt(double t, const QRectF &plot) const;
    void paintAxes(QPainter &p, const QRectF &plot) const;
    void paintSeries(QPainter &p, const QRectF &plot) const;
    void paintMarkers(QPainter &p, const QRectF &plot) const;
    void paintLegend(QPainter &p, const Layout &layout) const;
    void paintHover(QPainter &p, const QRectF &plot) const;
    void paintBox(QPainter &p, const QRectF &plot, const QPointF &anchor, const QList<std::pair<QColor, QString>> &lines) const;

    QList<Series> m_series;
    QList<ChartMarker> m_markers;
    double m_from = 0;
    double m_to = 1;
    MetricUnit m_unit = MetricUnit::None;
    QString m_message;
    bool m_messageIsError = false;
    QPoint m_hover{-1, -1};

    // Downsampled points per series for the current width and range; rebuilt lazily.
    mutable QList<PlotPoints> m_plotted;
    mutable QList<double> m_spacing; ///< typical sample spacing per series, to break lines at gaps
    mutable bool m_plottedValid = false;
    mutable double m_min = 0;
    mutable double m_max = 1;
};

} // namespace studio
