// SPDX-License-Identifier: MIT
#include "pipeline/PromotionFlow.h"

#include "workspace/TextFile.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"

namespace studio {

using yaml::YamlNode;

namespace {

QString text(const YamlNode *node)
{
    return node && node->isScalar() && !node->isNull() ? node->scalar() : QString();
}

bool flag(const YamlNode *node)
{
    return node && node->isScalar() && node->scalar().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

/// The canonical short name of an environment: development → dev, production → prod…
QString shortName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == u"development" || lower == u"develop")
        return QStringLiteral("dev");
    if (lower == u"production" || lower == u"prd")
        return QStringLiteral("prod");
    if (lower == u"stage" || lower == u"stg")
        return QStringLiteral("staging");
    if (lower == u"testing")
        return QStringLiteral("test");
    return lower;
}

void readApplication(const Workspace &workspace, PromotionStage &stage, Diagnostics *diagnostics)
{
    const Result<QString> source = TextFile::read(workspace.absolutePath(stage.applicationFile), 1024 * 1024);
    if (!source) {
        diagnostics->append(Diagnostic{stage.applicationFile, 0, 0, 0, 0, Severity::Warning,
                                       QStringLiteral("pipeline-argocd"), QString(), source.errorMessage(),
                                       stage.environment});
        return;
    }
    const yaml::YamlDocument document = yaml::YamlDocument::parse(*source);
    for (const YamlNode *root : document.documents()) {
        if (!root->isMapping() || text(root->value(u"kind")) != u"Application")
            continue;
        if (const YamlNode *metadata = root->value(u"metadata"))
            stage.application = text(metadata->value(u"name"));
        const YamlNode *spec = root->value(u"spec");
        if (!spec || !spec->isMapping())
            return;
        const YamlNode *src = spec->value(u"source");
        if (!src) {
            const YamlNode *sources = spec->value(u"sources");
            if (sources && sources->isSequence() && !sources->resolved()->items.empty())
                src = sources->resolved()->items.front();
        }
        if (src && src->isMapping()) {
            stage.repoUrl = text(src->value(u"repoURL"));
            stage.path = text(src->value(u"path"));
            if (stage.path.isEmpty())
                stage.path = text(src->value(u"chart"));
            stage.targetRevision = text(src->value(u"targetRevision"));
        }
        if (const YamlNode *destination = spec->value(u"destination"))
            stage.destinationNamespace = text(destination->value(u"namespace"));
        const YamlNode *policy = spec->value(u"syncPolicy");
        const YamlNode *automated = policy && policy->isMapping() ? policy->value(u"automated") : nullptr;
        if (automated) {
            // `automated: {}` enables it; `enabled: false` (Argo CD 3.1+) turns it off explicitly.
            const YamlNode *enabled = automated->isMapping() ? automated->value(u"enabled") : nullptr;
            stage.automated = !enabled || flag(enabled);
            // prune and selfHeal only act on automated syncs.
            stage.prune = stage.automated && automated->isMapping() && flag(automated->value(u"prune"));
            stage.selfHeal = stage.automated && automated->isMapping() && flag(automated->value(u"selfHeal"));
        }
        return;
    }
}

bool stepsTouch(const WorkflowJob &job, const Environment &env)
{
    QStringList paths;
    if (!env.kustomizeOverlay.isEmpty())
        paths << env.kustomizeOverlay;
    if (env.valuesFiles.size() > 1)
        paths << env.valuesFiles.back();
    for (const WorkflowStep &step : job.steps) {
        for (const QString &path : std::as_const(paths)) {
            // "deploy/overlays/dev" must not match "deploy/overlays/dev-eu".
            for (qsizetype at = step.run.indexOf(path); at >= 0; at = step.run.indexOf(path, at + 1)) {
                const qsizetype end = at + path.size();
                if (end == step.run.size() || !(step.run[end].isLetterOrNumber() || step.run[end] == u'-' || step.run[end] == u'_'))
                    return true;
            }
        }
    }
    return false;
}

} // namespace

QString PromotionStage::syncPolicyText() const
{
    if (!automated)
        return QStringLiteral("manual sync");
    QStringList options;
    if (prune)
        options << QStringLiteral("prune");
    if (selfHeal)
        options << QStringLiteral("self-heal");
    return options.isEmpty() ? QStringLiteral("automated") : QStringLiteral("automated (%1)").arg(options.join(QStringLiteral(", ")));
}

bool PromotionFlow::namesEnvironment(const QString &githubEnvironment, const QString &environment)
{
    return !githubEnvironment.isEmpty() && shortName(githubEnvironment) == shortName(environment);
}

QList<PromotionStage> PromotionFlow::build(const Workspace &workspace, const QList<Workflow> &workflows,
                                           Diagnostics *diagnostics)
{
    QList<PromotionStage> stages;
    for (const Environment &env : workspace.environments) {
        PromotionStage stage;
        stage.environment = env.name;
        stage.applicationFile = env.argocdApplication;
        if (!stage.applicationFile.isEmpty())
            readApplication(workspace, stage, diagnostics);
        for (const Workflow &workflow : workflows) {
            for (const WorkflowJob &job : workflow.jobs) {
                if (namesEnvironment(job.environment, env.name))
                    stage.deployJobs << job.id;
            }
        }
        if (stage.deployJobs.isEmpty()) {
            for (const Workflow &workflow : workflows) {
                for (const WorkflowJob &job : workflow.jobs) {
                    if (stepsTouch(job, env))
                        stage.deployJobs << job.id;
                }
            }
        }
        stages.append(stage);
    }
    return stages;
}

} // namespace studio
