// SPDX-License-Identifier: MIT
#include "pipeline/PipelineJson.h"

#include <QJsonArray>

namespace studio {

namespace {

QJsonObject jobJson(const WorkflowJob &job, const Pipeline &pipeline)
{
    QJsonArray steps;
    for (const WorkflowStep &step : job.steps)
        steps.append(QJsonObject{{QLatin1String("name"), step.name},
                                 {QLatin1String("title"), step.title()},
                                 {QLatin1String("uses"), step.uses},
                                 {QLatin1String("run"), step.run},
                                 {QLatin1String("line"), step.line}});
    const PromotionStage *stage = pipeline.stageOf(job.id);
    return QJsonObject{
        {QLatin1String("id"), job.id},
        {QLatin1String("key"), job.key},
        {QLatin1String("name"), job.name},
        {QLatin1String("file"), job.workflowFile},
        {QLatin1String("line"), job.line},
        {QLatin1String("runsOn"), job.runsOn},
        {QLatin1String("needs"), QJsonArray::fromStringList(job.needs)},
        {QLatin1String("if"), job.condition},
        {QLatin1String("environment"), job.environment},
        {QLatin1String("environmentUrl"), job.environmentUrl},
        {QLatin1String("deploysTo"), stage ? stage->environment : QString()},
        {QLatin1String("matrix"), job.matrixCount},
        {QLatin1String("matrixDynamic"), job.matrixIsDynamic},
        {QLatin1String("calls"), job.calls},
        {QLatin1String("steps"), steps},
    };
}

} // namespace

QJsonObject PipelineJson::toJson(const Pipeline &pipeline)
{
    QJsonArray workflows;
    QJsonArray jobs;
    for (const Workflow &workflow : pipeline.workflows) {
        QJsonArray ids;
        for (const WorkflowJob &job : workflow.jobs) {
            ids.append(job.id);
            jobs.append(jobJson(job, pipeline));
        }
        workflows.append(QJsonObject{{QLatin1String("file"), workflow.file},
                                     {QLatin1String("name"), workflow.name},
                                     {QLatin1String("events"), QJsonArray::fromStringList(workflow.events)},
                                     {QLatin1String("runsAfter"), QJsonArray::fromStringList(workflow.runsAfter)},
                                     {QLatin1String("jobs"), ids}});
    }
    QJsonArray edges;
    for (const PipelineEdge &edge : pipeline.edges)
        edges.append(QJsonObject{{QLatin1String("from"), edge.from},
                                 {QLatin1String("to"), edge.to},
                                 {QLatin1String("kind"), edge.kind == PipelineEdge::Kind::Needs ? QLatin1String("needs")
                                                                                                : QLatin1String("workflow_run")}});
    QJsonArray environments;
    for (const PromotionStage &stage : pipeline.stages)
        environments.append(QJsonObject{
            {QLatin1String("name"), stage.environment},
            {QLatin1String("application"), stage.application},
            {QLatin1String("file"), stage.applicationFile},
            {QLatin1String("repoURL"), stage.repoUrl},
            {QLatin1String("path"), stage.path},
            {QLatin1String("targetRevision"), stage.targetRevision},
            {QLatin1String("namespace"), stage.destinationNamespace},
            {QLatin1String("syncPolicy"), QJsonObject{{QLatin1String("automated"), stage.automated},
                                                      {QLatin1String("prune"), stage.prune},
                                                      {QLatin1String("selfHeal"), stage.selfHeal}}},
            {QLatin1String("deployJobs"), QJsonArray::fromStringList(stage.deployJobs)},
        });
    QJsonArray diagnostics;
    for (const Diagnostic &d : pipeline.diagnostics)
        diagnostics.append(QJsonObject{{QLatin1String("file"), d.file},
                                       {QLatin1String("line"), d.line},
                                       {QLatin1String("column"), d.column},
                                       {QLatin1String("severity"), severityName(d.severity)},
                                       {QLatin1String("rule"), d.rule},
                                       {QLatin1String("message"), d.message}});
    return QJsonObject{{QLatin1String("workflows"), workflows},
                       {QLatin1String("jobs"), jobs},
                       {QLatin1String("edges"), edges},
                       {QLatin1String("environments"), environments},
                       {QLatin1String("diagnostics"), diagnostics}};
}

} // namespace studio
