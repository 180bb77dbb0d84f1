// SPDX-License-Identifier: MIT
#include "pipeline/WorkflowParser.h"

#include "pipeline/WorkflowMatrix.h"
#include "yaml/YamlDocument.h"

#include <QHash>

#include <vector>

namespace studio {

using yaml::YamlNode;
using yaml::YamlPair;

namespace {

class Reader
{
public:
    Reader(const QString &file, WorkflowParser::Parsed &out) : m_file(file), m_out(out) {}

    void read(const YamlNode *root)
    {
        Workflow &wf = m_out.workflow;
        wf.file = m_file;
        wf.name = text(root->value(u"name"));
        if (wf.name.isEmpty())
            wf.name = m_file;
        readTriggers(root->value(u"on"));
        const YamlNode *jobs = root->value(u"jobs");
        if (!jobs || !jobs->isMapping() || jobs->resolved()->pairs.empty()) {
            report(jobs ? jobs : root, QStringLiteral("workflow-syntax"),
                   QStringLiteral("No jobs were defined: add a 'jobs' mapping with at least one job"));
            return;
        }
        m_out.valid = true;
        for (const YamlPair &pair : jobs->resolved()->effectivePairs()) {
            if (!pair.value || !pair.value->isMapping()) {
                report(pair.key, QStringLiteral("workflow-syntax"),
                       QStringLiteral("Job '%1' must be a mapping with runs-on and steps, or uses").arg(pair.key->scalar()));
                continue;
            }
            wf.jobs.append(readJob(pair.key, pair.value->resolved()));
        }
        checkNeeds();
    }

private:
    static QString text(const YamlNode *node)
    {
        if (!node || node->isNull())
            return {};
        return node->isScalar() ? node->scalar() : QString();
    }

    static QStringList textList(const YamlNode *node)
    {
        QStringList out;
        if (!node || node->isNull())
            return out;
        if (node->isScalar())
            return {node->scalar()};
        if (node->isSequence()) {
            for (const YamlNode *item : node->resolved()->items)
                out << text(item);
        }
        return out;
    }

    /// `if: ${{ expr }}` and `if: expr` mean the same; show the bare expression.
    static QString condition(const YamlNode *node)
    {
        QString value = text(node).trimmed();
        if (value.startsWith(QLatin1String("${{")) && value.endsWith(QLatin1String("}}"))
            && value.indexOf(QLatin1String("${{"), 3) < 0)
            value = value.mid(3, value.size() - 5).trimmed();
        return value;
    }

    void report(const YamlNode *at, const QString &rule, const QString &message, Severity severity = Severity::Error)
    {
        Diagnostic d;
        d.file = m_file;
        d.line = at ? at->span.start.line : 0;
        d.column = at ? at->span.start.column : 0;
        d.severity = severity;
        d.rule = rule;
        d.message = message;
        m_out.diagnostics.append(d);
    }

    void readTriggers(const YamlNode *on)
    {
        Workflow &wf = m_out.workflow;
        if (!on || on->isNull())
            return;
        if (!on->isMapping()) {
            wf.events = textList(on);
        } else {
            for (const YamlPair &pair : on->resolved()->effectivePairs()) {
                const QString event = pair.key->scalar();
                wf.events << event;
                if (event == u"workflow_run" && pair.value && pair.value->isMapping()) {
                    wf.runsAfter = textList(pair.value->value(u"workflows"));
                    wf.runAfterTypes = textList(pair.value->value(u"types"));
                    wf.runsAfterLine = pair.key->span.start.line;
                }
            }
        }
        wf.isReusable = wf.events.contains(QStringLiteral("workflow_call"));
    }

    static QString runsOn(const YamlNode *node)
    {
        if (!node || node->isNull())
            return {};
        if (node->isMapping()) {
            QStringList parts;
            if (const QString group = text(node->value(u"group")); !group.isEmpty())
                parts << QStringLiteral("group: ") + group;
            if (const QStringList labels = textList(node->value(u"labels")); !labels.isEmpty())
                parts << labels.join(QStringLiteral(", "));
            return parts.join(QStringLiteral("; "));
        }
        return textList(node).join(QStringLiteral(", "));
    }

    WorkflowJob readJob(const YamlNode *key, const YamlNode *job)
    {
        WorkflowJob out;
        out.key = key->scalar();
        out.workflowFile = m_file;
        out.line = key->span.start.line;
        out.name = text(job->value(u"name"));
        if (out.name.isEmpty())
            out.name = out.key;
        out.calls = text(job->value(u"uses"));
        out.runsOn = runsOn(job->value(u"runs-on"));
        if (out.runsOn.isEmpty() && out.calls.isEmpty())
            report(key, QStringLiteral("workflow-syntax"),
                   QStringLiteral("Job '%1' is missing 'runs-on' (or 'uses' for a reusable workflow)").arg(out.key));
        if (const YamlPair *needs = job->pair(u"needs"))
            out.needsLine = needs->key->span.start.line;
        out.needs = textList(job->value(u"needs"));
        out.condition = condition(job->value(u"if"));
        if (const YamlNode *env = job->value(u"environment")) {
            if (env->isMapping()) {
                out.environment = text(env->value(u"name"));
                out.environmentUrl = text(env->value(u"url"));
            } else {
                out.environment = text(env);
            }
        }
        if (const YamlNode *steps = job->value(u"steps"); steps && steps->isSequence()) {
            for (const YamlNode *item : steps->resolved()->items) {
                if (!item->isMapping())
                    continue;
                WorkflowStep step;
                step.name = text(item->value(u"name"));
                step.uses = text(item->value(u"uses"));
                step.run = text(item->value(u"run"));
                step.line = item->span.start.line;
                out.steps.append(step);
            }
        }
        const YamlNode *strategy = job->value(u"strategy");
        const YamlNode *matrixNode = strategy && strategy->isMapping() ? strategy->value(u"matrix") : nullptr;
        if (matrixNode) {
            const WorkflowMatrix matrix = WorkflowMatrix::expand(matrixNode);
            out.matrixCount = matrix.count();
            out.matrixIsDynamic = matrix.isDynamic();
            if (!matrix.problem().isEmpty()) {
                Diagnostic d;
                d.file = m_file;
                d.line = matrix.problemLine();
                d.column = 1;
                d.rule = QStringLiteral("workflow-matrix");
                d.message = QStringLiteral("Job '%1': %2").arg(out.key, matrix.problem());
                m_out.diagnostics.append(d);
            }
        }
        return out;
    }

    void checkNeeds()
    {
        QList<WorkflowJob> &jobs = m_out.workflow.jobs;
        QHash<QString, int> index;
        for (int i = 0; i < jobs.size(); ++i)
            index.insert(jobs[i].key, i);
        for (WorkflowJob &job : jobs) {
            QStringList known;
            for (const QString &need : std::as_const(job.needs)) {
                if (index.contains(need)) {
                    known << need;
                    continue;
                }
                Diagnostic d;
                d.file = m_file;
                d.line = job.needsLine;
                d.column = 1;
                d.rule = QStringLiteral("workflow-unknown-needs");
                d.message = QStringLiteral("Job '%1' depends on unknown job '%2'.").arg(job.key, need);
                m_out.diagnostics.append(d);
            }
            job.needs = known;
        }
        // Depth-first search in the order written; a grey job met again closes a cycle. One diagnostic
        // per back edge, at the job whose `needs` closes it. Iterative: a long chain must not exhaust the stack.
        QList<int> state(jobs.size(), 0); // 0 white, 1 grey, 2 black
        for (int start = 0; start < jobs.size(); ++start) {
            if (state[start] != 0)
                continue;
            std::vector<std::pair<int, qsizetype>> stack{{start, 0}}; // job, next need to look at
            state[start] = 1;
            while (!stack.empty()) {
                auto &[i, next] = stack.back();
                if (next == jobs[i].needs.size()) {
                    state[i] = 2;
                    stack.pop_back();
                    continue;
                }
                const QString &need = jobs[i].needs[next++];
                const int j = index.value(need);
                if (state[j] == 1) {
                    Diagnostic d;
                    d.file = m_file;
                    d.line = jobs[i].needsLine;
                    d.column = 1;
                    d.rule = QStringLiteral("workflow-cycle");
                    d.message = QStringLiteral("Job '%1' depends on job '%2' which creates a cycle in the dependency graph.")
                                    .arg(jobs[i].key, need);
                    m_out.diagnostics.append(d);
                } else if (state[j] == 0) {
                    state[j] = 1;
                    stack.emplace_back(j, 0);
                }
            }
        }
    }

    QString m_file;
    WorkflowParser::Parsed &m_out;
};

} // namespace

WorkflowParser::Parsed WorkflowParser::parse(const QString &file, const QString &source)
{
    Parsed out;
    out.workflow.file = file;
    out.workflow.name = file;
    const yaml::YamlDocument document = yaml::YamlDocument::parse(source);
    for (Diagnostic d : document.diagnostics()) {
        d.file = file;
        out.diagnostics.append(d);
    }
    if (document.documents().empty() || !document.documents().front()->isMapping()) {
        if (!document.hasErrors()) {
            Diagnostic d;
            d.file = file;
            d.rule = QStringLiteral("workflow-syntax");
            d.message = QStringLiteral("%1 is not a workflow: expected a mapping with 'on' and 'jobs'").arg(file);
            out.diagnostics.append(d);
        }
        return out;
    }
    Reader(file, out).read(document.documents().front());
    return out;
}

} // namespace studio
