// SPDX-License-Identifier: MIT
// deploy-studio-cli pipeline REPO [--format text|json|dot|svg]

#include "CliCommand.h"

#include "pipeline/Pipeline.h"
#include "pipeline/PipelineDot.h"
#include "pipeline/PipelineJson.h"
#include "pipeline/PipelineLayout.h"
#include "pipeline/PipelineSvg.h"
#include "workspace/Workspace.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>

namespace studio::cli {

namespace {

void printText(const Pipeline &pipeline, QTextStream &out)
{
    if (pipeline.workflows.isEmpty())
        out << "no workflows found in .github/workflows\n";
    for (const Workflow &workflow : pipeline.workflows) {
        out << workflow.name << " (" << workflow.file << ")";
        if (!workflow.runsAfter.isEmpty())
            out << ", runs after " << workflow.runsAfter.join(QStringLiteral(", "));
        out << '\n';
        for (const WorkflowJob &job : workflow.jobs) {
            out << "  " << job.id;
            if (!job.needs.isEmpty())
                out << " ← " << job.needs.join(QStringLiteral(", "));
            if (!job.environment.isEmpty())
                out << "  [environment: " << job.environment << ']';
            if (job.hasMatrix())
                out << "  [matrix: " << (job.matrixIsDynamic ? QStringLiteral("dynamic") : QString::number(job.matrixCount)) << ']';
            if (!job.condition.isEmpty())
                out << "  if: " << job.condition;
            out << '\n';
        }
    }
    if (!pipeline.stages.isEmpty()) {
        out << "promotion:\n";
        for (const PromotionStage &stage : pipeline.stages) {
            out << "  " << stage.environment << ": "
                << (stage.application.isEmpty() ? QStringLiteral("no Argo CD Application") : stage.application)
                << " (" << stage.syncPolicyText() << ')';
            if (!stage.deployJobs.isEmpty())
                out << ", deployed by " << stage.deployJobs.join(QStringLiteral(", "));
            out << '\n';
        }
    }
}

} // namespace

int runPipeline(const QStringList &arguments, CliStreams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("text, json, dot or svg."),
                                          QStringLiteral("F"), QStringLiteral("text"));
    parser.addOption(formatOption);
    if (!parser.parse(QStringList{QStringLiteral("pipeline")} + arguments))
        return fail(io, parser.errorText());
    if (parser.positionalArguments().size() != 1)
        return fail(io, QStringLiteral("pipeline needs exactly one REPO folder (deploy-studio-cli pipeline REPO)"));
    const QString format = parser.value(formatOption);
    if (format != u"text" && format != u"json" && format != u"dot" && format != u"svg")
        return fail(io, QStringLiteral("unknown --format '%1'; use text, json, dot or svg").arg(format));
    const QString repo = parser.positionalArguments().front();
    if (!QFileInfo(repo).isDir())
        return fail(io, QStringLiteral("'%1' is not a folder").arg(repo));

    const Pipeline pipeline = Pipeline::load(Workspace::discover(repo));
    if (format == u"json")
        io.out << QString::fromUtf8(QJsonDocument(PipelineJson::toJson(pipeline)).toJson(QJsonDocument::Indented));
    else if (format == u"dot")
        io.out << PipelineDot::toDot(pipeline);
    else if (format == u"svg")
        io.out << PipelineSvg::toSvg(pipeline, PipelineLayout::compute(pipeline));
    else
        printText(pipeline, io.out);
    io.out.flush();
    // JSON carries the diagnostics itself; the other formats leave stdout clean for the picture.
    if (format != u"json") {
        for (const Diagnostic &d : pipeline.diagnostics)
            io.err << d.file << (d.line > 0 ? QStringLiteral(":%1").arg(d.line) : QString()) << ": "
                   << severityName(d.severity) << ": " << d.message << '\n';
        io.err.flush();
    }
    const bool anyError = std::any_of(pipeline.diagnostics.cbegin(), pipeline.diagnostics.cend(),
                                      [](const Diagnostic &d) { return d.severity == Severity::Error; });
    return anyError ? Findings : Success;
}

} // namespace studio::cli
