// SPDX-License-Identifier: MIT
#include "MetricChart.h"

#include "metrics/AxisTicks.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace studio {

namespace {

constexpr int kMarkerHitPx = 4;
constexpr double kLegendSwatch = 10;
constexpr qsizetype kPolylineChunk = 64;

QString timeLabel(double t, double step)
{
    const QDateTime when = QDateTime::fromSecsSinceEpoch(qint64(t));
    if (step >= 86400)
        return when.toString(QStringLiteral("MMM d"));
    if (when.time() == QTime(0, 0) && step >= 3600)
        return when.toString(QStringLiteral("MMM d"));
    return when.toString(step < 60 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

/// The index of the sample nearest to `t`, or -1.
qsizetype nearestSample(const TimeSeries &s, double t)
{
    if (s.isEmpty())
        return -1;
    const auto it = std::lower_bound(s.times.begin(), s.times.end(), t);
    qsizetype i = it - s.times.begin();
    if (i == s.size() || (i > 0 && t - s.times.at(i - 1) < s.times.at(i) - t))
        --i;
    return i;
}

} // namespace

MetricChart::MetricChart(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QColor MetricChart::seriesColor(int index)
{
    static const std::array<QColor, 10> colors{QColor(0x37, 0x87, 0xd8), QColor(0x2f, 0xa3, 0x5f), QColor(0xe6, 0x8a, 0x00),
                                               QColor(0xd6, 0x45, 0x3d), QColor(0x8e, 0x5b, 0xc9), QColor(0x1c, 0xa8, 0xb5),
                                               QColor(0xc2, 0x4e, 0x9e), QColor(0x7a, 0x8c, 0x1e), QColor(0x5c, 0x6b, 0x7a),
                                               QColor(0xb8, 0x7a, 0x3d)};
    return colors[size_t(index) % colors.size()];
}

QSize MetricChart::minimumSizeHint() const
{
    return {240, 140};
}

void MetricChart::setSeries(const QList<Series> &series)
{
    m_series = series;
    m_spacing.clear();
    for (const Series &s : m_series) {
        // The smallest spacing among the first samples is the query step; larger gaps are missing data.
        double spacing = 0;
        for (qsizetype i = 1; i < std::min<qsizetype>(s.data.size(), 2000); ++i) {
            const double d = s.data.times.at(i) - s.data.times.at(i - 1);
            if (d > 0 && (spacing == 0 || d < spacing))
                spacing = d;
        }
        m_spacing << spacing;
    }
    m_plottedValid = false;
    update();
}

void MetricChart::setTimeRange(double from, double to)
{
    m_from = from;
    m_to = std::max(to, from + 1);
    m_plottedValid = false;
    update();
}

void MetricChart::setUnit(MetricUnit unit)
{
    m_unit = unit;
    update();
}

void MetricChart::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
    update();
}

void MetricChart::setMessage(const QString &message, bool isError)
{
    m_message = message;
    m_messageIsError = isError;
    update();
}

void MetricChart::setSeriesVisible(int index, bool visible)
{
    if (index < 0 || index >= m_series.size() || m_series[index].visible == visible)
        return;
    m_series[index].visible = visible;
    m_plottedValid = false;
    update();
    emit seriesToggled(index, visible);
}

MetricChart::Layout MetricChart::layout() const
{
    Layout l;
    const QFontMetricsF fm(font());
    const double rowHeight = fm.height() + 4;
    // Legend rows from the bottom up; entries wrap.
    const double left = 8, right = width() - 8;
    double x = left;
    int rows = m_series.isEmpty() ? 0 : 1;
    QList<std::pair<double, int>> placed;
    for (const Series &s : m_series) {
        const double w = kLegendSwatch + 5 + fm.horizontalAdvance(s.name) + 14;
        if (x + w > right && x > left) {
            ++rows;
            x = left;
        }
        placed << std::pair{x, rows - 1};
        x += w;
    }
    rows = std::min(rows, 3);
    const double legendTop = height() - rows * rowHeight - 2;
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        const auto [lx, row] = placed.at(i);
        const double w = kLegendSwatch + 5 + fm.horizontalAdvance(m_series.at(i).name);
        l.legend << (row < rows ? QRectF(lx, legendTop + row * rowHeight, w, rowHeight) : QRectF());
    }
    const double yLabelWidth = fm.horizontalAdvance(QStringLiteral("000.0 MiB")) + 8;
    l.plot = QRectF(yLabelWidth, fm.height() + 4, width() - yLabelWidth - 12,
                    legendTop - fm.height() - 10 - (fm.height() + 4));
    return l;
}

void MetricChart::updateValueRange() const
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        if (!m_series.at(i).visible)
            continue;
        for (double v : m_plotted.at(i).values) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    if (lo >= 0 && lo <= hi * 0.5)
        lo = 0; // rates, ratios and sizes read best from zero
    if (hi - lo < 1e-12)
        hi = lo + (lo == 0 ? 1 : std::abs(lo) * 0.1);
    const QList<double> ticks = valueTicks(lo, hi, 5);
    m_min = std::min(lo, ticks.isEmpty() ? lo : ticks.front());
    m_max = hi + (hi - lo) * 0.05;
}

void MetricChart::ensurePlotted() const
{
    if (m_plottedValid)
        return;
    const int columns = std::max(1, int(layout().plot.width()));
    m_plotted.clear();
    for (const Series &s : m_series) {
        m_plotted << (s.visible ? Downsampling::minMaxPerColumn(std::span(s.data.times.constData(), size_t(s.data.size())),
                                                                std::span(s.data.values.constData(), size_t(s.data.size())),
                                                                m_from, m_to, columns)
                                : PlotPoints{});
    }
    updateValueRange();
    m_plottedValid = true;
}

qsizetype MetricChart::plottedPointCount() const
{
    ensurePlotted();
    qsizetype n = 0;
    for (const PlotPoints &p : m_plotted)
        n += p.size();
    return n;
}

QList<double> MetricChart::valueTicks(double min, double max, int count) const
{
    return m_unit == MetricUnit::Bytes ? AxisTicks::binaryValues(min, max, count) : AxisTicks::values(min, max, count);
}

double MetricChart::xOf(double time, const QRectF &plot) const
{
    return plot.left() + (time - m_from) / (m_to - m_from) * plot.width();
}

double MetricChart::yOf(double value, const QRectF &plot) const
{
    return plot.bottom() - (value - m_min) / (m_max - m_min) * plot.height();
}

int MetricChart::markerX(int index) const
{
    const QRectF plot = layout().plot;
    if (index < 0 || index >= m_markers.size())
        return -1;
    const double t = m_markers.at(index).time;
    return t < m_from || t > m_to ? -1 : int(std::lround(xOf(t, plot)));
}

int MetricChart::markerNear(const QPoint &position, const QRectF &plot) const
{
    if (position.y() < plot.top() - 16 || position.y() > plot.bottom())
        return -1;
    int best = -1;
    double bestDistance = kMarkerHitPx + 0.5;
    for (int i = 0; i < m_markers.size(); ++i) {
        const double t = m_markers.at(i).time;
        if (t < m_from || t > m_to)
            continue;
        const double d = std::abs(xOf(t, plot) - position.x());
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

QString MetricChart::hoverTextAt(const QPoint &position) const
{
    const QRectF plot = layout().plot;
    if (const int marker = markerNear(position, plot); marker >= 0)
        return m_markers.at(marker).detail;
    if (!m_message.isEmpty() || !plot.contains(position))
        return {};
    const double t = m_from + (position.x() - plot.left()) / plot.width() * (m_to - m_from);
    QStringList lines{QDateTime::fromSecsSinceEpoch(qint64(t)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))};
    for (const auto &[series, sample] : samplesAt(t, plot)) {
        const Series &s = m_series.at(series);
        lines << QStringLiteral("%1: %2").arg(s.name, MetricUnits::format(s.data.values.at(sample), m_unit));
    }
    return lines.size() > 1 ? lines.join(QLatin1Char('\n')) : QString();
}

QList<std::pair<qsizetype, qsizetype>> MetricChart::samplesAt(double t, const QRectF &plot) const
{
    // A sample counts when it is within two steps (or two pixels) of the mouse; farther is a gap.
    const double pixel = (m_to - m_from) / plot.width();
    QList<std::pair<qsizetype, qsizetype>> found;
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        const Series &s = m_series.at(i);
        const qsizetype k = s.visible ? nearestSample(s.data, t) : -1;
        if (k >= 0 && std::abs(s.data.times.at(k) - t) <= std::max(2 * m_spacing.value(i), 2 * pixel))
            found << std::pair{i, k};
    }
    return found;
}

int MetricChart::legendEntryAt(const QPoint &position) const
{
    const Layout l = layout();
    for (int i = 0; i < l.legend.size(); ++i) {
        if (l.legend.at(i).adjusted(-3, 0, 3, 0).contains(position))
            return i;
    }
    return -1;
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    m_plottedValid = false;
    QWidget::resizeEvent(event);
}

void MetricChart::mouseMoveEvent(QMouseEvent *event)
{
    m_hover = event->position().toPoint();
    setCursor(legendEntryAt(m_hover) >= 0 ? Qt::PointingHandCursor : Qt::CrossCursor);
    update();
}

void MetricChart::mousePressEvent(QMouseEvent *event)
{
    const int entry = legendEntryAt(event->position().toPoint());
    if (entry >= 0 && event->button() == Qt::LeftButton)
        setSeriesVisible(entry, !m_series.at(entry).visible);
}

void MetricChart::leaveEvent(QEvent *event)
{
    m_hover = {-1, -1};
    update();
    QWidget::leaveEvent(event);
}

void MetricChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing, true);
    if (!m_message.isEmpty()) {
        p.setPen(m_messageIsError ? QColor(0xc0, 0x39, 0x2b) : palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(16, 8, -16, -8), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    ensurePlotted();
    const Layout l = layout();
    if (l.plot.width() < 20 || l.plot.height() < 20)
        return;
    paintAxes(p, l.plot);
    paintMarkers(p, l.plot);
    paintSeries(p, l.plot);
    paintLegend(p, l);
    paintHover(p, l.plot);
}

void MetricChart::paintAxes(QPainter &p, const QRectF &plot) const
{
    const QFontMetricsF fm(font());
    QColor grid = palette().color(QPalette::Text);
    grid.setAlpha(28);
    const QColor text = palette().color(QPalette::PlaceholderText);
    p.setFont(font());
    for (double v : valueTicks(m_min, m_max, std::max(2, int(plot.height() / 40)))) {
        if (v < m_min || v > m_max)
            continue;
        const double y = std::round(yOf(v, plot)) + 0.5;
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(text);
        p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   MetricUnits::format(v, m_unit));
    }
    const int count = std::max(2, int(plot.width() / 90));
    const double step = AxisTicks::timeStep(m_from, m_to, count);
    for (double t : AxisTicks::times(m_from, m_to, count)) {
        const double x = std::round(xOf(t, plot)) + 0.5;
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(text);
        p.drawText(QRectF(x - 50, plot.bottom() + 3, 100, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   timeLabel(t, step));
    }
}

void MetricChart::paintSeries(QPainter &p, const QRectF &plot) const
{
    p.save();
    p.setClipRect(plot.adjusted(-1, -1, 1, 1));
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        const Series &s = m_series.at(i);
        if (!s.visible)
            continue;
        const PlotPoints &points = m_plotted.at(i);
        const double gap = m_spacing.value(i) > 0 ? m_spacing.value(i) * 2.5 : std::numeric_limits<double>::infinity();
        p.setPen(QPen(s.color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        // Unbroken runs drawn as polylines of bounded length: one huge self-overlapping path costs the
        // stroker and rasterizer far more than the same segments in pieces.
        QList<QPointF> run;
        auto flush = [&p, &run] {
            if (run.size() > 1)
                p.drawPolyline(run.constData(), int(run.size()));
            run.clear();
        };
        double previous = 0;
        for (qsizetype k = 0; k < points.size(); ++k) {
            const double t = points.times.at(k), v = points.values.at(k);
            if (!std::isfinite(v)) {
                flush();
                continue;
            }
            if (!run.isEmpty() && t - previous > gap)
                flush();
            run.append(QPointF(xOf(t, plot), yOf(v, plot)));
            if (run.size() >= kPolylineChunk) {
                const QPointF last = run.back();
                flush();
                run.append(last);
            }
            previous = t;
        }
        flush();
        if (points.size() == 1) {
            p.setBrush(s.color);
            p.drawEllipse(QPointF(xOf(points.times.front(), plot), yOf(points.values.front(), plot)), 2.5, 2.5);
        }
    }
    p.restore();
}

void MetricChart::paintMarkers(QPainter &p, const QRectF &plot) const
{
    const QFontMetricsF fm(font());
    for (int i = 0; i < m_markers.size(); ++i) {
        const ChartMarker &m = m_markers.at(i);
        if (m.time < m_from || m.time > m_to)
            continue;
        const double x = std::round(xOf(m.time, plot)) + 0.5;
        QColor color = m.emphasized ? QColor(0x8e, 0x44, 0xad) : QColor(0x7f, 0x8c, 0x8d);
        color.setAlpha(m.emphasized ? 200 : 150);
        p.setPen(QPen(color, 1.2, Qt::DashLine));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        QPolygonF flag;
        flag << QPointF(x - 4, plot.top() - 7) << QPointF(x + 4, plot.top() - 7) << QPointF(x, plot.top());
        p.drawPolygon(flag);
        p.setPen(color);
        p.drawText(QRectF(x + 5, plot.top() - fm.height() - 2, 80, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, m.label);
    }
}

void MetricChart::paintLegend(QPainter &p, const Layout &layout) const
{
    const QColor text = palette().color(QPalette::Text);
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        const QRectF r = layout.legend.at(i);
        if (r.isNull())
            continue;
        const Series &s = m_series.at(i);
        QColor swatch = s.color;
        QColor label = text;
        if (!s.visible) {
            swatch.setAlpha(60);
            label.setAlpha(110);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(swatch);
        p.drawRoundedRect(QRectF(r.left(), r.center().y() - 2, kLegendSwatch, 4), 2, 2);
        p.setPen(label);
        p.drawText(QRectF(r.left() + kLegendSwatch + 5, r.top(), r.width() - kLegendSwatch - 5, r.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, s.name);
    }
}

void MetricChart::paintBox(QPainter &p, const QRectF &plot, const QPointF &anchor,
                           const QList<std::pair<QColor, QString>> &lines) const
{
    const QFontMetricsF fm(font());
    double w = 0;
    for (const auto &[color, line] : lines)
        w = std::max(w, fm.horizontalAdvance(line) + (color.isValid() ? 14 : 0));
    const double lineHeight = fm.height() + 2;
    QRectF box(0, 0, w + 16, lines.size() * lineHeight + 10);
    box.moveTopLeft(anchor + QPointF(14, 10));
    if (box.right() > width() - 4)
        box.moveRight(anchor.x() - 14);
    if (box.bottom() > height() - 4)
        box.moveBottom(std::max(plot.top(), anchor.y() - 10));
    box.moveLeft(std::max(4.0, box.left()));
    QColor background = palette().color(QPalette::ToolTipBase);
    background.setAlpha(240);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(background);
    p.drawRoundedRect(box, 4, 4);
    double y = box.top() + 5;
    for (const auto &[color, line] : lines) {
        double x = box.left() + 8;
        if (color.isValid()) {
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            p.drawEllipse(QPointF(x + 4, y + lineHeight / 2), 4, 4);
            x += 14;
        }
        p.setPen(palette().color(QPalette::ToolTipText));
        p.drawText(QRectF(x, y, box.right() - x, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, line);
        y += lineHeight;
    }
}

void MetricChart::paintHover(QPainter &p, const QRectF &plot) const
{
    if (m_hover.x() < 0)
        return;
    if (const int marker = markerNear(m_hover, plot); marker >= 0) {
        QList<std::pair<QColor, QString>> lines;
        for (const QString &line : m_markers.at(marker).detail.split(QLatin1Char('\n')))
            lines << std::pair{QColor(), line};
        paintBox(p, plot, QPointF(xOf(m_markers.at(marker).time, plot), plot.top() + 10), lines);
        return;
    }
    if (!plot.contains(m_hover))
        return;
    QColor cross = palette().color(QPalette::Text);
    cross.setAlpha(90);
    p.setPen(QPen(cross, 1, Qt::DotLine));
    p.drawLine(QPointF(m_hover.x() + 0.5, plot.top()), QPointF(m_hover.x() + 0.5, plot.bottom()));
    p.drawLine(QPointF(plot.left(), m_hover.y() + 0.5), QPointF(plot.right(), m_hover.y() + 0.5));

    const double t = m_from + (m_hover.x() - plot.left()) / plot.width() * (m_to - m_from);
    QList<std::pair<QColor, QString>> lines{{QColor(), QDateTime::fromSecsSinceEpoch(qint64(t)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))}};
    for (const auto &[i, k] : samplesAt(t, plot)) {
        const Series &s = m_series.at(i);
        const double v = s.data.values.at(k);
        if (std::isfinite(v)) {
            p.setPen(QPen(palette().color(QPalette::Base), 1.5));
            p.setBrush(s.color);
            p.drawEllipse(QPointF(xOf(s.data.times.at(k), plot), yOf(v, plot)), 3.5, 3.5);
        }
        lines << std::pair{s.color, QStringLiteral("%1  %2").arg(s.name, MetricUnits::format(v, m_unit))};
    }
    if (lines.size() > 1)
        paintBox(p, plot, QPointF(m_hover), lines);
}

} // namespace studio
