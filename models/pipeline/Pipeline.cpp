// SPDX-License-Identifier: MIT
#include "pipeline/Pipeline.h"

#include "pipeline/WorkflowParser.h"
#include "workspace/TextFile.h"
#include "workspace/Workspace.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

namespace studio {

namespace {

/// Expands local reusable workflows (`uses: ./.github/workflows/x.yml`) into their caller's jobs
/// and turns job keys into pipeline-wide ids.
class PipelineBuilder
{
public:
    explicit PipelineBuilder(const Workspace &workspace) : m_ws(workspace) {}

    Pipeline build()
    {
        Pipeline pipeline;
        QStringList files;
        for (const WorkspaceFile &file : m_ws.filesOfKind(FileKind::GitHubWorkflow))
            files << file.path;
        std::sort(files.begin(), files.end());
        for (const QString &file : std::as_const(files))
            parsed(file);
        for (const QString &file : std::as_const(files)) {
            const WorkflowParser::Parsed *raw = parsed(file);
            if (!raw->valid)
                continue;
            Workflow workflow = raw->workflow;
            const QString stem = QFileInfo(file).completeBaseName();
            QStringList stack{file};
            workflow.jobs = expand(raw->workflow, stem + u':', QString(), QString(), 1, stack);
            m_expanded.append(workflow);
        }
        for (const Workflow &workflow : std::as_const(m_expanded)) {
            // A workflow that only runs when called is drawn inside its callers.
            const bool onlyCalled = workflow.events == QStringList{QStringLiteral("workflow_call")} && m_called.contains(workflow.file);
            if (!onlyCalled)
                pipeline.workflows.append(workflow);
        }
        for (const Workflow &workflow : std::as_const(pipeline.workflows)) {
            for (const WorkflowJob &job : workflow.jobs) {
                for (const QString &need : job.needs)
                    pipeline.edges.append({need, job.id, PipelineEdge::Kind::Needs});
            }
        }
        addWorkflowRunEdges(pipeline);
        for (const QString &file : std::as_const(files))
            m_diagnostics += m_parsed.at(file).diagnostics;
        pipeline.stages = PromotionFlow::build(m_ws, pipeline.workflows, &m_diagnostics);
        std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(), diagnosticLessThan);
        pipeline.diagnostics = m_diagnostics;
        return pipeline;
    }

private:
    const WorkflowParser::Parsed *parsed(const QString &file)
    {
        const auto it = m_parsed.find(file);
        if (it != m_parsed.end())
            return &it->second;
        const Result<QString> text = TextFile::read(m_ws.absolutePath(file), 4 * 1024 * 1024);
        WorkflowParser::Parsed result;
        if (!text) {
            result.diagnostics.append(Diagnostic{file, 0, 0, 0, 0, Severity::Error, QStringLiteral("workflow-syntax"),
                                                 QString(), text.errorMessage(), QString()});
        } else {
            result = WorkflowParser::parse(file, *text);
        }
        return &m_parsed.emplace(file, std::move(result)).first->second;
    }

    void report(const WorkflowJob &job, const QString &message)
    {
        m_diagnostics.append(Diagnostic{job.workflowFile, job.line, 1, 0, 0, Severity::Error,
                                        QStringLiteral("workflow-reusable"), QString(), message, QString()});
    }

    /// The called file of a local `uses:` ("./.github/workflows/x.yml"), or empty for a remote one.
    static QString localWorkflow(const QString &uses)
    {
        if (!uses.startsWith(QLatin1String("./")))
            return {};
        return uses.mid(2).section(u'@', 0, 0);
    }

    QList<WorkflowJob> expand(const Workflow &workflow, const QString &idPrefix, const QString &namePrefix,
                              const QString &inheritedCondition, int depth, QStringList &stack)
    {
        QList<WorkflowJob> out;
        QHash<QString, QStringList> roots; // job key → ids of the jobs that stand for it at its start
        QHash<QString, QStringList> sinks; // … and at its end
        QList<QPair<qsizetype, qsizetype>> ranges; // per raw job: [first, last) in `out`
        for (const WorkflowJob &raw : workflow.jobs) {
            const qsizetype first = out.size();
            WorkflowJob job = raw;
            job.id = idPrefix + raw.key;
            job.name = namePrefix + raw.name;
            if (!inheritedCondition.isEmpty())
                job.condition = raw.condition.isEmpty() ? inheritedCondition
                                                        : QStringLiteral("(%1) && (%2)").arg(inheritedCondition, raw.condition);
            const QString called = localWorkflow(raw.calls);
            const WorkflowParser::Parsed *callee = called.isEmpty() ? nullptr : calledWorkflow(raw, called, depth, stack);
            if (!callee) {
                out.append(job);
                roots[raw.key] = sinks[raw.key] = QStringList{job.id};
                ranges.append({first, out.size()});
                continue;
            }
            m_called.insert(called);
            stack.append(called);
            QList<WorkflowJob> inner = expand(callee->workflow, job.id + u'/', job.name + QStringLiteral(" / "),
                                              job.condition, depth + 1, stack);
            stack.removeLast();
            QSet<QString> needed;
            for (WorkflowJob &innerJob : inner) {
                innerJob.key = raw.key + u'/' + innerJob.key;
                innerJob.matrixCount *= raw.matrixCount;
                innerJob.matrixIsDynamic = innerJob.matrixIsDynamic || raw.matrixIsDynamic;
                for (const QString &need : std::as_const(innerJob.needs))
                    needed.insert(need);
                if (innerJob.needs.isEmpty())
                    roots[raw.key] << innerJob.id;
            }
            for (const WorkflowJob &innerJob : std::as_const(inner)) {
                if (!needed.contains(innerJob.id))
                    sinks[raw.key] << innerJob.id;
            }
            out += inner;
            ranges.append({first, out.size()});
        }
        // Needs written as keys become ids; needing a caller means needing the ends of what it calls,
        // and what it calls starts after what the caller needs.
        for (qsizetype r = 0; r < ranges.size(); ++r) {
            const WorkflowJob &raw = workflow.jobs.at(r);
            QStringList needIds;
            for (const QString &need : raw.needs)
                needIds += sinks.value(need);
            const QStringList starts = roots.value(raw.key);
            for (qsizetype i = ranges[r].first; i < ranges[r].second; ++i) {
                if (starts.contains(out[i].id))
                    out[i].needs = needIds;
            }
        }
        return out;
    }

    const WorkflowParser::Parsed *calledWorkflow(const WorkflowJob &caller, const QString &file, int depth,
                                                 const QStringList &stack)
    {
        if (!m_ws.file(file)) {
            report(caller, QStringLiteral("Job '%1' calls %2, which does not exist in the repository").arg(caller.key, caller.calls));
            return nullptr;
        }
        if (stack.contains(file)) {
            report(caller, QStringLiteral("Job '%1' calls %2, which is already being called (%3): reusable workflows cannot recurse")
                               .arg(caller.key, caller.calls, stack.join(QStringLiteral(" → "))));
            return nullptr;
        }
        if (depth >= Pipeline::kMaxCallDepth) {
            report(caller, QStringLiteral("Job '%1' calls %2 at nesting level %3; GitHub allows at most %4 levels")
                               .arg(caller.key, caller.calls).arg(depth + 1).arg(Pipeline::kMaxCallDepth));
            return nullptr;
        }
        const WorkflowParser::Parsed *callee = parsed(file);
        if (!callee->valid)
            return nullptr;
        if (!callee->workflow.isReusable) {
            report(caller, QStringLiteral("Job '%1' calls %2, which has no 'on: workflow_call' trigger").arg(caller.key, caller.calls));
            return nullptr;
        }
        return callee;
    }

    /// `on: workflow_run: workflows: [A]` makes a workflow start when A ends: its first jobs follow A's last ones.
    void addWorkflowRunEdges(Pipeline &pipeline)
    {
        auto ends = [](const Workflow &workflow, bool first) {
            QSet<QString> needed;
            for (const WorkflowJob &job : workflow.jobs)
                needed.unite(QSet<QString>(job.needs.begin(), job.needs.end()));
            QStringList ids;
            for (const WorkflowJob &job : workflow.jobs) {
                if (first ? job.needs.isEmpty() : !needed.contains(job.id))
                    ids << job.id;
            }
            return ids;
        };
        for (const Workflow &follower : std::as_const(pipeline.workflows)) {
            for (const QString &name : follower.runsAfter) {
                const auto upstream = std::find_if(pipeline.workflows.cbegin(), pipeline.workflows.cend(),
                                                   [&name](const Workflow &w) { return w.name == name; });
                if (upstream == pipeline.workflows.cend()) {
                    m_diagnostics.append(Diagnostic{follower.file, follower.runsAfterLine, 1, 0, 0, Severity::Warning,
                                                    QStringLiteral("workflow-run-unknown"), QString(),
                                                    QStringLiteral("Workflow '%1' runs after workflow '%2', which no file in .github/workflows is named")
                                                        .arg(follower.name, name),
                                                    QString()});
                    continue;
                }
                for (const QString &from : ends(*upstream, false)) {
                    for (const QString &to : ends(follower, true))
                        pipeline.edges.append({from, to, PipelineEdge::Kind::WorkflowRun});
                }
            }
        }
    }

    const Workspace &m_ws;
    std::map<QString, WorkflowParser::Parsed> m_parsed; // node-based: pointers stay valid while it grows
    QList<Workflow> m_expanded;
    QSet<QString> m_called;
    Diagnostics m_diagnostics;
};

} // namespace

Pipeline Pipeline::load(const Workspace &workspace)
{
    return PipelineBuilder(workspace).build();
}

QList<const WorkflowJob *> Pipeline::jobs() const
{
    QList<const WorkflowJob *> out;
    for (const Workflow &workflow : workflows) {
        for (const WorkflowJob &job : workflow.jobs)
            out.append(&job);
    }
    return out;
}

const WorkflowJob *Pipeline::job(const QString &id) const
{
    for (const Workflow &workflow : workflows) {
        for (const WorkflowJob &job : workflow.jobs) {
            if (job.id == id)
                return &job;
        }
    }
    return nullptr;
}

const PromotionStage *Pipeline::stageOf(const QString &jobId) const
{
    for (const PromotionStage &stage : stages) {
        if (stage.deployJobs.contains(jobId))
            return &stage;
    }
    return nullptr;
}

} // namespace studio
