// SPDX-License-Identifier: MIT
#include "pipeline/PipelineDot.h"

#include <QStringList>

namespace studio {

QString PipelineDot::quoted(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QLatin1String("\\\\"));
    out.replace(u'"', QLatin1String("\\\""));
    out.replace(u'\n', QLatin1String("\\n"));
    out.remove(u'\r');
    return u'"' + out + u'"';
}

QString PipelineDot::toDot(const Pipeline &pipeline)
{
    QString dot = QStringLiteral("digraph pipeline {\n"
                                 "  rankdir=LR;\n"
                                 "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n"
                                 "  edge [color=\"#6a737d\"];\n");
    int cluster = 0;
    for (const Workflow &workflow : pipeline.workflows) {
        dot += QStringLiteral("  subgraph cluster_%1 {\n    label=%2;\n    style=rounded;\n    color=\"#d0d7de\";\n")
                   .arg(cluster++)
                   .arg(quoted(workflow.name));
        for (const WorkflowJob &job : workflow.jobs) {
            QStringList label{job.name};
            if (!job.runsOn.isEmpty())
                label << job.runsOn;
            else if (!job.calls.isEmpty())
                label << QStringLiteral("uses ") + job.calls;
            if (!job.environment.isEmpty())
                label << QStringLiteral("environment: ") + job.environment;
            if (job.hasMatrix())
                label << (job.matrixIsDynamic ? QStringLiteral("matrix: dynamic") : QStringLiteral("matrix: %1 jobs").arg(job.matrixCount));
            if (!job.condition.isEmpty())
                label << QStringLiteral("if: ") + job.condition;
            dot += QStringLiteral("    %1 [label=%2];\n").arg(quoted(job.id), quoted(label.join(u'\n')));
        }
        dot += QStringLiteral("  }\n");
    }
    for (const PipelineEdge &edge : pipeline.edges) {
        dot += QStringLiteral("  %1 -> %2%3;\n")
                   .arg(quoted(edge.from), quoted(edge.to),
                        edge.kind == PipelineEdge::Kind::WorkflowRun ? QStringLiteral(" [style=dashed, label=\"workflow_run\"]")
                                                                     : QString());
    }
    dot += QStringLiteral("}\n");
    return dot;
}

} // namespace studio
