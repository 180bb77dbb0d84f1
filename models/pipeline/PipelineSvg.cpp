// SPDX-License-Identifier: MIT
#include "pipeline/PipelineSvg.h"

namespace studio {

namespace {

constexpr double kMargin = 24;
constexpr double kLaneHeight = 78;
constexpr double kStageWidth = 230;
constexpr double kStageGap = 48;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString number(double value)
{
    return QString::number(value, 'f', 1);
}

QString elided(const QString &text, int maxChars)
{
    return text.size() <= maxChars ? text : text.left(maxChars - 1) + QChar(0x2026);
}

QString textElement(double x, double y, const QString &text, const QString &attributes)
{
    return QStringLiteral("<text x=\"%1\" y=\"%2\" %3>%4</text>\n").arg(number(x), number(y), attributes, escaped(text));
}

} // namespace

QString PipelineSvg::toSvg(const Pipeline &pipeline, const PipelineLayout &layout)
{
    const int stageCount = int(pipeline.stages.size());
    const double laneWidth = stageCount * kStageWidth + std::max(0, stageCount - 1) * kStageGap;
    const double width = std::max(layout.size().width(), laneWidth) + 2 * kMargin;
    const double graphHeight = layout.size().height();
    const double laneTop = kMargin + graphHeight + (graphHeight > 0 ? 40 : 0);
    const double height = laneTop + (stageCount > 0 ? kLaneHeight + 24 : 0) + kMargin;

    QString svg = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                                 "font-family=\"Helvetica, Arial, sans-serif\">\n"
                                 "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" "
                                 "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6a737d\"/>"
                                 "</marker></defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#f6f8fa\"/>\n")
                      .arg(number(width), number(height));

    for (const PipelineLayout::Connector &connector : layout.connectors()) {
        if (connector.points.size() < 2)
            continue;
        QString d = QStringLiteral("M%1,%2").arg(number(connector.start().x() + kMargin), number(connector.start().y() + kMargin));
        for (const PipelineLayout::CurveSegment &s : connector.curve())
            d += QStringLiteral(" C%1,%2 %3,%4 %5,%6")
                     .arg(number(s.control1.x() + kMargin), number(s.control1.y() + kMargin), number(s.control2.x() + kMargin),
                          number(s.control2.y() + kMargin), number(s.end.x() + kMargin), number(s.end.y() + kMargin));
        const bool dashed = connector.kind == PipelineEdge::Kind::WorkflowRun;
        svg += QStringLiteral("<path d=\"%1\" fill=\"none\" stroke=\"#6a737d\" stroke-width=\"1.6\"%2 marker-end=\"url(#arrow)\"/>\n")
                   .arg(d, dashed ? QStringLiteral(" stroke-dasharray=\"6 4\"") : QString());
    }

    for (const PipelineLayout::Card &card : layout.cards()) {
        const WorkflowJob *job = pipeline.job(card.jobId);
        if (!job)
            continue;
        const QRectF r = card.rect.translated(kMargin, kMargin);
        svg += QStringLiteral("<g id=\"%1\">\n").arg(escaped(job->id));
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"8\" fill=\"#ffffff\" stroke=\"#d0d7de\"/>\n")
                   .arg(number(r.x()), number(r.y()), number(r.width()), number(r.height()));
        svg += textElement(r.x() + 12, r.y() + 24, elided(job->name, 28), QStringLiteral("font-size=\"14\" font-weight=\"bold\" fill=\"#24292f\""));
        const QString runner = !job->runsOn.isEmpty() ? job->runsOn : job->calls;
        svg += textElement(r.x() + 12, r.y() + 44, elided(runner, 34), QStringLiteral("font-size=\"12\" fill=\"#57606a\""));
        QStringList badges;
        if (!job->environment.isEmpty())
            badges << QStringLiteral("env: ") + job->environment;
        if (job->hasMatrix())
            badges << (job->matrixIsDynamic ? QStringLiteral("matrix: dynamic") : QStringLiteral("matrix ×%1").arg(job->matrixCount));
        if (!badges.isEmpty())
            svg += textElement(r.x() + 12, r.y() + 64, elided(badges.join(QStringLiteral(" · ")), 34),
                               QStringLiteral("font-size=\"12\" fill=\"#0969da\""));
        if (!job->condition.isEmpty())
            svg += textElement(r.x() + 12, r.y() + 82, elided(QStringLiteral("if: ") + job->condition, 36),
                               QStringLiteral("font-size=\"11\" fill=\"#9a6700\""));
        svg += QStringLiteral("</g>\n");
    }

    double x = kMargin;
    if (stageCount > 0)
        svg += textElement(kMargin, laneTop + 4, QStringLiteral("Promotion flow"), QStringLiteral("font-size=\"13\" font-weight=\"bold\" fill=\"#24292f\""));
    for (int i = 0; i < stageCount; ++i) {
        const PromotionStage &stage = pipeline.stages[i];
        const double top = laneTop + 16;
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" rx=\"8\" fill=\"#ffffff\" stroke=\"%5\"/>\n")
                   .arg(number(x), number(top), number(kStageWidth), number(kLaneHeight - 8),
                        stage.automated ? QStringLiteral("#1a7f37") : QStringLiteral("#bf8700"));
        svg += textElement(x + 12, top + 22, stage.environment, QStringLiteral("font-size=\"14\" font-weight=\"bold\" fill=\"#24292f\""));
        svg += textElement(x + 12, top + 40, elided(stage.application.isEmpty() ? QStringLiteral("no Argo CD Application") : stage.application, 34),
                           QStringLiteral("font-size=\"12\" fill=\"#57606a\""));
        svg += textElement(x + 12, top + 58, stage.syncPolicyText(), QStringLiteral("font-size=\"12\" fill=\"%1\"").arg(stage.automated ? QStringLiteral("#1a7f37") : QStringLiteral("#9a6700")));
        if (i + 1 < stageCount)
            svg += QStringLiteral("<path d=\"M%1,%2 L%3,%2\" stroke=\"#6a737d\" stroke-width=\"1.6\" marker-end=\"url(#arrow)\"/>\n")
                       .arg(number(x + kStageWidth + 4), number(top + (kLaneHeight - 8) / 2), number(x + kStageWidth + kStageGap - 4));
        x += kStageWidth + kStageGap;
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace studio
