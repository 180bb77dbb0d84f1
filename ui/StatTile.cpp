// SPDX-License-Identifier: MIT
#include "StatTile.h"

#include "MetricChart.h"
#include "metrics/Downsampling.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <span>

namespace studio {

StatTile::StatTile(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize StatTile::minimumSizeHint() const
{
    return {160, 90};
}

void StatTile::setSeries(const QString &name, const TimeSeries &series)
{
    m_name = name;
    m_series = series;
    update();
}

void StatTile::setUnit(MetricUnit unit)
{
    m_unit = unit;
    update();
}

void StatTile::setMessage(const QString &message, bool isError)
{
    m_message = message;
    m_messageIsError = isError;
    update();
}

QString StatTile::valueText() const
{
    // The last value that is a number, like Grafana's "lastNotNull".
    for (qsizetype i = m_series.size() - 1; i >= 0; --i) {
        if (std::isfinite(m_series.values.at(i)))
            return MetricUnits::format(m_series.values.at(i), m_unit);
    }
    return {};
}

void StatTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    p.setRenderHint(QPainter::Antialiasing, true);
    if (!m_message.isEmpty()) {
        p.setPen(m_messageIsError ? QColor(0xc0, 0x39, 0x2b) : palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(12, 6, -12, -6), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QColor accent = MetricChart::seriesColor(0);
    // Sparkline in the lower half, filled softly.
    if (m_series.size() > 1) {
        const QRectF area(0, height() * 0.5, width(), height() * 0.5 - 2);
        const PlotPoints points = Downsampling::minMaxPerColumn(
            std::span(m_series.times.constData(), size_t(m_series.size())),
            std::span(m_series.values.constData(), size_t(m_series.size())), m_series.times.front(),
            m_series.times.back(), std::max(1, width()));
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (double v : points.values) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        if (std::isfinite(lo)) {
            if (hi - lo < 1e-12)
                hi = lo + 1;
            const double t0 = m_series.times.front(), span = std::max(m_series.times.back() - t0, 1.0);
            QPainterPath line;
            bool started = false;
            for (qsizetype i = 0; i < points.size(); ++i) {
                if (!std::isfinite(points.values.at(i)))
                    continue;
                const QPointF pt(area.left() + (points.times.at(i) - t0) / span * area.width(),
                                 area.bottom() - (points.values.at(i) - lo) / (hi - lo) * area.height());
                started ? line.lineTo(pt) : line.moveTo(pt);
                started = true;
            }
            QPainterPath fill = line;
            fill.lineTo(line.currentPosition().x(), area.bottom());
            fill.lineTo(line.elementAt(0).x, area.bottom());
            fill.closeSubpath();
            QColor soft = accent;
            soft.setAlpha(40);
            p.fillPath(fill, soft);
            p.setPen(QPen(accent, 1.4));
            p.drawPath(line);
        }
    }
    const QString value = valueText();
    QFont big = font();
    big.setPixelSize(std::clamp(height() / 3, 16, 44));
    big.setWeight(QFont::DemiBold);
    p.setFont(big);
    p.setPen(value.isEmpty() ? palette().color(QPalette::PlaceholderText) : palette().color(QPalette::Text));
    p.drawText(QRectF(8, 0, width() - 16, height() * 0.62), Qt::AlignCenter, value.isEmpty() ? QStringLiteral("–") : value);
    p.setFont(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRectF(8, height() * 0.58, width() - 16, p.fontMetrics().height()), Qt::AlignHCenter | Qt::AlignTop, m_name);
}

} // namespace studio
