// SPDX-License-Identifier: MIT
// The pipeline model: GitHub Actions workflows read with the studio's YAML parser — the demo's and the
// seed guide's real workflow, and hand-made hard cases (needs forms, matrices by GitHub's documented
// examples, anchors, reusable workflows, workflow_run chains, unknown needs, cycles) — and the
// promotion flow through the environments' Argo CD Applications. Golden files: data/pipeline/<case>/expected.json
// and expected.dot; STUDIO_REGENERATE_GOLDEN=1 rewrites them instead of comparing (see tests/README.md).

#include "TestFiles.h"

#include "pipeline/Pipeline.h"
#include "pipeline/PipelineDot.h"
#include "pipeline/PipelineJson.h"
#include "pipeline/WorkflowMatrix.h"
#include "pipeline/WorkflowParser.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace studio;
using namespace studio::test;

namespace {

QStringList ids(const Pipeline &pipeline)
{
    QStringList out;
    for (const WorkflowJob *job : pipeline.jobs())
        out << job->id;
    return out;
}

QStringList edgeList(const Pipeline &pipeline, PipelineEdge::Kind kind)
{
    QStringList out;
    for (const PipelineEdge &edge : pipeline.edges) {
        if (edge.kind == kind)
            out << edge.from + QStringLiteral(" -> ") + edge.to;
    }
    return out;
}

Diagnostics errors(const Diagnostics &all)
{
    Diagnostics out;
    for (const Diagnostic &d : all) {
        if (d.severity == Severity::Error)
            out << d;
    }
    return out;
}

/// The workflow of the seed's deployment guide, as written there (the first ```yaml block under
/// "GitHub Actions Workflow").
QByteArray seedWorkflow()
{
    QFile guide(QStringLiteral(STUDIO_SHARED_DIR "/seed/deployment-guide.md"));
    if (!guide.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(guide.readAll());
    const qsizetype section = text.indexOf(QLatin1String("### GitHub Actions Workflow"));
    const qsizetype start = text.indexOf(QLatin1String("```yaml\n"), section);
    const qsizetype end = text.indexOf(QLatin1String("\n```"), start + 8);
    if (section < 0 || start < 0 || end < 0)
        return {};
    return text.mid(start + 8, end - start - 8).toUtf8() + '\n';
}

int matrixCount(const QByteArray &yaml)
{
    const yaml::YamlDocument doc = yaml::YamlDocument::parse(QString::fromUtf8(yaml));
    if (doc.documents().empty())
        return -1;
    return WorkflowMatrix::expand(doc.documents().front()).count();
}

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_repoCount = 0;

    /// A fresh workspace folder with `files` (path → content) written into it.
    Pipeline load(const QList<QPair<QString, QByteArray>> &files)
    {
        const QString root = m_dir.path() + QStringLiteral("/repo%1").arg(++m_repoCount);
        for (const auto &[path, content] : files) {
            if (!writeFile(root, path, content))
                qFatal("cannot write %s", qPrintable(path));
        }
        return Pipeline::load(Workspace::discover(root));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // --- real workflows ---------------------------------------------------------------------------

    void demoWorkflowIsTestBuildThenDevStagingProd()
    {
        const QString demo = m_dir.path() + QStringLiteral("/demo");
        const Status created = DemoWorkspace::create(demo);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        const Pipeline pipeline = Pipeline::load(Workspace::discover(demo));
        QVERIFY2(pipeline.diagnostics.isEmpty(), qPrintable(describe(pipeline.diagnostics)));
        QCOMPARE(pipeline.workflows.size(), 1);
        QCOMPARE(pipeline.workflows[0].name, QStringLiteral("TuneMantra CI/CD"));
        QCOMPARE(pipeline.workflows[0].events, (QStringList{"push", "pull_request"}));
        QCOMPARE(ids(pipeline), (QStringList{"ci-cd:test", "ci-cd:build", "ci-cd:deploy-dev", "ci-cd:deploy-staging",
                                             "ci-cd:deploy-prod"}));
        QCOMPARE(edgeList(pipeline, PipelineEdge::Kind::Needs),
                 (QStringList{"ci-cd:test -> ci-cd:build", "ci-cd:build -> ci-cd:deploy-dev",
                              "ci-cd:deploy-dev -> ci-cd:deploy-staging", "ci-cd:deploy-staging -> ci-cd:deploy-prod"}));

        const WorkflowJob *dev = pipeline.job(QStringLiteral("ci-cd:deploy-dev"));
        QVERIFY(dev);
        QCOMPARE(dev->environment, QStringLiteral("development"));
        QCOMPARE(dev->condition, QStringLiteral("github.event_name == 'push'"));
        QCOMPARE(dev->runsOn, QStringLiteral("ubuntu-latest"));
        QCOMPARE(dev->steps.size(), 4);
        QCOMPARE(dev->steps[0].title(), QStringLiteral("actions/checkout@v3"));
        QCOMPARE(dev->steps[2].title(), QStringLiteral("Update kustomization.yaml"));
        QCOMPARE(dev->line, lineContainingInFile(demo + QStringLiteral("/.github/workflows/ci-cd.yml"), "  deploy-dev:"));
        QCOMPARE(dev->matrixCount, 1);
        QVERIFY(!dev->hasMatrix());

        QCOMPARE(pipeline.stages.size(), 3);
        const PromotionStage &devStage = pipeline.stages[0];
        QCOMPARE(devStage.environment, QStringLiteral("dev"));
        QCOMPARE(devStage.application, QStringLiteral("tunemantra-dev"));
        QCOMPARE(devStage.applicationFile, QStringLiteral("argocd/tunemantra-dev.yaml"));
        QCOMPARE(devStage.repoUrl, QStringLiteral("https://github.com/tunemantra/deployment.git"));
        QCOMPARE(devStage.path, QStringLiteral("deploy/overlays/dev"));
        QCOMPARE(devStage.targetRevision, QStringLiteral("main"));
        QVERIFY(devStage.automated && devStage.prune && devStage.selfHeal);
        QCOMPARE(devStage.syncPolicyText(), QStringLiteral("automated (prune, self-heal)"));
        QCOMPARE(devStage.deployJobs, QStringList{"ci-cd:deploy-dev"});
        QCOMPARE(pipeline.stages[1].environment, QStringLiteral("staging"));
        QCOMPARE(pipeline.stages[1].deployJobs, QStringList{"ci-cd:deploy-staging"});
        const PromotionStage &prod = pipeline.stages[2];
        QCOMPARE(prod.environment, QStringLiteral("prod"));
        QCOMPARE(prod.deployJobs, QStringList{"ci-cd:deploy-prod"}); // GitHub environment "production"
        QVERIFY(!prod.automated);
        QCOMPARE(prod.syncPolicyText(), QStringLiteral("manual sync"));
        QCOMPARE(pipeline.stageOf(QStringLiteral("ci-cd:deploy-prod")), &pipeline.stages[2]);
        QCOMPARE(pipeline.stageOf(QStringLiteral("ci-cd:build")), nullptr);
    }

    void disabledAutomatedSyncHasNoPruneOrSelfHeal()
    {
        // Argo CD 3.1's `enabled: false` switches automated sync off; its prune and selfHeal do nothing then.
        const Pipeline pipeline = load({
            {QStringLiteral("k8s/overlays/prod/kustomization.yaml"), "resources: []\n"},
            {QStringLiteral("argocd/web-prod.yaml"),
             "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web-prod\nspec:\n"
             "  source:\n    repoURL: https://git.example.com/gitops.git\n    path: k8s/overlays/prod\n"
             "  syncPolicy:\n    automated:\n      enabled: false\n      prune: true\n      selfHeal: true\n"},
        });
        QCOMPARE(pipeline.stages.size(), 1);
        const PromotionStage &prod = pipeline.stages.front();
        QVERIFY(!prod.automated);
        QVERIFY(!prod.prune);
        QVERIFY(!prod.selfHeal);
        QCOMPARE(prod.syncPolicyText(), QStringLiteral("manual sync"));
    }

    void seedGuideWorkflowDeploysDevByItsOverlay()
    {
        const QByteArray seed = seedWorkflow();
        QVERIFY2(seed.contains("deploy-prod:"), "the seed guide's workflow block was not found");
        const Pipeline pipeline = load({{".github/workflows/ci-cd.yml", seed},
                                        {"deploy/overlays/dev/kustomization.yaml", "resources: []\n"},
                                        {"deploy/overlays/prod/kustomization.yaml", "resources: []\n"}});
        QVERIFY2(errors(pipeline.diagnostics).isEmpty(), qPrintable(describe(pipeline.diagnostics)));
        QCOMPARE(ids(pipeline), (QStringList{"ci-cd:test", "ci-cd:build", "ci-cd:deploy-dev", "ci-cd:deploy-prod"}));
        QCOMPARE(edgeList(pipeline, PipelineEdge::Kind::Needs),
                 (QStringList{"ci-cd:test -> ci-cd:build", "ci-cd:build -> ci-cd:deploy-dev", "ci-cd:build -> ci-cd:deploy-prod"}));
        QCOMPARE(pipeline.job(QStringLiteral("ci-cd:deploy-dev"))->condition, QStringLiteral("github.ref == 'refs/heads/develop'"));
        QCOMPARE(pipeline.stages.size(), 2);
        // deploy-dev names no environment; its steps edit deploy/overlays/dev.
        QCOMPARE(pipeline.stages[0].deployJobs, QStringList{"ci-cd:deploy-dev"});
        QCOMPARE(pipeline.stages[1].deployJobs, QStringList{"ci-cd:deploy-prod"});
    }

    // --- job fields -------------------------------------------------------------------------------

    void needsAsStringOrList()
    {
        const Pipeline pipeline = load({{".github/workflows/ci.yml",
                                         "on: push\njobs:\n"
                                         "  a: {runs-on: ubuntu-latest, steps: [{run: make}]}\n"
                                         "  b: {runs-on: ubuntu-latest, needs: a, steps: [{run: make}]}\n"
                                         "  c:\n    runs-on: [self-hosted, linux]\n    needs: [a, b]\n    steps: [{run: make}]\n"
                                         "  d:\n    runs-on: {group: big, labels: [x64]}\n    needs: [c]\n"
                                         "    environment: {name: prod, url: 'https://example.com'}\n"
                                         "    if: ${{ success() && github.ref == 'refs/heads/main' }}\n    steps: [{run: make}]\n"}});
        QVERIFY2(pipeline.diagnostics.isEmpty(), qPrintable(describe(pipeline.diagnostics)));
        QCOMPARE(pipeline.job("ci:b")->needs, QStringList{"ci:a"});
        QCOMPARE(pipeline.job("ci:c")->needs, (QStringList{"ci:a", "ci:b"}));
        QCOMPARE(pipeline.job("ci:d")->needs, QStringList{"ci:c"});
        QCOMPARE(pipeline.job("ci:c")->runsOn, QStringLiteral("self-hosted, linux"));
        QCOMPARE(pipeline.job("ci:d")->runsOn, QStringLiteral("group: big; x64"));
        QCOMPARE(pipeline.job("ci:d")->environment, QStringLiteral("prod"));
        QCOMPARE(pipeline.job("ci:d")->environmentUrl, QStringLiteral("https://example.com"));
        QCOMPARE(pipeline.job("ci:d")->condition, QStringLiteral("success() && github.ref == 'refs/heads/main'"));
        QCOMPARE(pipeline.edges.size(), 4);
    }

    void anchorsAndAliasesAreResolved()
    {
        const Pipeline pipeline = load({{".github/workflows/anchors.yml",
                                         "on: push\n"
                                         "jobs:\n"
                                         "  test:\n"
                                         "    runs-on: &runner ubuntu-24.04\n"
                                         "    steps: &steps\n"
                                         "      - uses: actions/checkout@v4\n"
                                         "      - name: Deploy\n        run: ./deploy.sh\n"
                                         "  staging:\n"
                                         "    needs: &after-test [test]\n"
                                         "    runs-on: *runner\n"
                                         "    environment: &env staging\n"
                                         "    steps: *steps\n"
                                         "  prod:\n"
                                         "    needs: *after-test\n"
                                         "    runs-on: *runner\n"
                                         "    strategy:\n      matrix: &regions\n        region: [eu, us, ap]\n"
                                         "    steps: *steps\n"}});
        QVERIFY2(pipeline.diagnostics.isEmpty(), qPrintable(describe(pipeline.diagnostics)));
        const WorkflowJob *staging = pipeline.job("anchors:staging");
        QCOMPARE(staging->runsOn, QStringLiteral("ubuntu-24.04"));
        QCOMPARE(staging->needs, QStringList{"anchors:test"});
        QCOMPARE(staging->environment, QStringLiteral("staging"));
        QCOMPARE(staging->steps.size(), 2);
        QCOMPARE(staging->steps[1].title(), QStringLiteral("Deploy"));
        QCOMPARE(pipeline.job("anchors:prod")->needs, QStringList{"anchors:test"});
        QCOMPARE(pipeline.job("anchors:prod")->matrixCount, 3);
    }

    // --- matrices (examples from GitHub's "Running variations of jobs in a workflow") -----------------

    void matrixCounts_data()
    {
        QTest::addColumn<QByteArray>("matrix");
        QTest::addColumn<int>("count");
        QTest::newRow("product") << QByteArray("os: [ubuntu, windows]\nnode: [14, 16, 18]\n") << 6;
        QTest::newRow("exclude partial match")
            << QByteArray("os: [macos-latest, windows-latest]\nversion: [12, 14, 16]\nenvironment: [staging, production]\n"
                          "exclude:\n  - os: macos-latest\n    version: 12\n    environment: production\n"
                          "  - os: windows-latest\n    version: 16\n")
            << 9;
        QTest::newRow("include extends a combination")
            << QByteArray("os: [windows-latest, ubuntu-latest]\nnode: [14, 16]\ninclude:\n  - os: windows-latest\n    node: 16\n    npm: 6\n")
            << 4;
        QTest::newRow("include adds a combination")
            << QByteArray("os: [windows-latest, ubuntu-latest]\nnode: [14, 16]\ninclude:\n  - os: macos-latest\n    node: 18\n")
            << 5;
        QTest::newRow("documented include example")
            << QByteArray("fruit: [apple, pear]\nanimal: [cat, dog]\ninclude:\n  - color: green\n  - color: pink\n    animal: cat\n"
                          "  - fruit: apple\n    shape: circle\n  - fruit: banana\n  - fruit: banana\n    animal: cat\n")
            << 6;
        QTest::newRow("include only") << QByteArray("include:\n  - site: production\n  - site: staging\n") << 2;
        QTest::newRow("exclude then include") // include is processed after exclude
            << QByteArray("os: [a, b]\nexclude:\n  - os: b\ninclude:\n  - os: b\n") << 2;
        QTest::newRow("numbers are not strings") << QByteArray("v: [3, '3']\nexclude:\n  - v: 3\n") << 1;
        QTest::newRow("object values") << QByteArray("cfg: [{a: 1}, {a: 2}]\nexclude:\n  - cfg: {a: 1}\n") << 1;
        // Counted without being built: 10^6 combinations must not exhaust memory.
        const QByteArray ten = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n";
        QTest::newRow("far too large") << QByteArray("a: " + ten + "b: " + ten + "c: " + ten + "d: " + ten + "e: " + ten + "f: " + ten)
                                       << 1000000;
    }

    void matrixCounts()
    {
        QFETCH(QByteArray, matrix);
        QFETCH(int, count);
        QCOMPARE(matrixCount(matrix), count);
    }

    void matrixIncludeMergesWithoutOverwritingOriginalValues()
    {
        const yaml::YamlDocument doc = yaml::YamlDocument::parse(QStringLiteral(
            "fruit: [apple, pear]\nanimal: [cat, dog]\ninclude:\n  - color: green\n  - color: pink\n    animal: cat\n"
            "  - fruit: apple\n    shape: circle\n  - fruit: banana\n  - fruit: banana\n    animal: cat\n"));
        const WorkflowMatrix matrix = WorkflowMatrix::expand(doc.documents().front());
        QVERIFY(matrix.problem().isEmpty());
        const auto text = [](const WorkflowMatrix::Combination &c) {
            QStringList parts;
            for (const auto &[key, value] : c)
                parts << key + u'=' + value;
            return parts.join(u',');
        };
        QStringList all;
        for (const WorkflowMatrix::Combination &c : matrix.combinations())
            all << text(c);
        QCOMPARE(all, (QStringList{"fruit=\"apple\",animal=\"cat\",color=\"pink\",shape=\"circle\"",
                                   "fruit=\"apple\",animal=\"dog\",color=\"green\",shape=\"circle\"",
                                   "fruit=\"pear\",animal=\"cat\",color=\"pink\"",
                                   "fruit=\"pear\",animal=\"dog\",color=\"green\"",
                                   "fruit=\"banana\"",
                                   "fruit=\"banana\",animal=\"cat\""}));
    }

    void dynamicAndInvalidMatrices()
    {
        const Pipeline pipeline = load({{".github/workflows/m.yml",
                                         "on: push\njobs:\n"
                                         "  dyn:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: ${{ fromJSON(needs.plan.outputs.m) }}\n"
                                         "    steps: [{run: x}]\n"
                                         "  empty:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        os: []\n"
                                         "    steps: [{run: x}]\n"}});
        QVERIFY(pipeline.job("m:dyn")->matrixIsDynamic);
        QVERIFY(pipeline.job("m:dyn")->hasMatrix());
        const Diagnostics matrix = withRule(pipeline.diagnostics, "workflow-matrix");
        QCOMPARE(matrix.size(), 1);
        QCOMPARE(matrix[0].message, QStringLiteral("Job 'empty': Matrix vector 'os' does not contain any values"));
        QCOMPARE(matrix[0].line, 12);

        const yaml::YamlDocument huge = yaml::YamlDocument::parse(QStringLiteral("a: [1, 2, 3, 4, 5, 6, 7, 8]\nb: [1, 2, 3, 4, 5, 6, 7, 8]\n"
                                                                                 "c: [1, 2, 3, 4, 5, 6, 7, 8]\nd: [1, 2, 3, 4, 5, 6, 7, 8]\n"
                                                                                 "e: [1, 2, 3, 4, 5, 6, 7, 8]\n"));
        QCOMPARE(WorkflowMatrix::expand(huge.documents().front()).problem(),
                 QStringLiteral("strategy.matrix produces 32768 jobs; GitHub allows at most 256"));
        const yaml::YamlDocument big = yaml::YamlDocument::parse(QStringLiteral("a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]\n"
                                                                                "b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]\n"));
        const WorkflowMatrix over = WorkflowMatrix::expand(big.documents().front());
        QCOMPARE(over.count(), 289);
        QCOMPARE(over.problem(), QStringLiteral("strategy.matrix produces 289 jobs; GitHub allows at most 256"));
    }

    // --- reusable workflows and workflow_run --------------------------------------------------------

    void localReusableWorkflowsAreExpanded()
    {
        const Pipeline pipeline = load(
            {{".github/workflows/ci.yml",
              "name: CI\non: push\njobs:\n"
              "  build: {runs-on: ubuntu-latest, steps: [{run: make}]}\n"
              "  deploy:\n    needs: build\n    if: github.ref == 'refs/heads/main'\n"
              "    strategy: {matrix: {region: [eu, us]}}\n"
              "    uses: ./.github/workflows/deploy.yml\n    with: {env: prod}\n"
              "  notify: {needs: deploy, runs-on: ubuntu-latest, steps: [{run: echo}]}\n"},
             {".github/workflows/deploy.yml",
              "name: Deploy\non:\n  workflow_call:\n    inputs: {env: {type: string}}\njobs:\n"
              "  plan: {runs-on: ubuntu-latest, steps: [{run: plan}]}\n"
              "  apply:\n    needs: plan\n    runs-on: ubuntu-latest\n    environment: production\n"
              "    steps: [{run: apply}]\n"
              "  smoke: {needs: apply, uses: ./.github/workflows/smoke.yml}\n"},
             {".github/workflows/smoke.yml",
              "on: workflow_call\njobs:\n  probe: {runs-on: ubuntu-latest, if: always(), steps: [{run: curl}]}\n"}});
        QVERIFY2(pipeline.diagnostics.isEmpty(), qPrintable(describe(pipeline.diagnostics)));
        // Workflows that only run when called are drawn inside their caller.
        QCOMPARE(pipeline.workflows.size(), 1);
        QCOMPARE(ids(pipeline), (QStringList{"ci:build", "ci:deploy/plan", "ci:deploy/apply", "ci:deploy/smoke/probe", "ci:notify"}));
        QCOMPARE(edgeList(pipeline, PipelineEdge::Kind::Needs),
                 (QStringList{"ci:build -> ci:deploy/plan", "ci:deploy/plan -> ci:deploy/apply",
                              "ci:deploy/apply -> ci:deploy/smoke/probe", "ci:deploy/smoke/probe -> ci:notify"}));
        const WorkflowJob *apply = pipeline.job("ci:deploy/apply");
        QCOMPARE(apply->name, QStringLiteral("deploy / apply"));
        QCOMPARE(apply->workflowFile, QStringLiteral(".github/workflows/deploy.yml"));
        QCOMPARE(apply->condition, QStringLiteral("github.ref == 'refs/heads/main'"));
        QCOMPARE(apply->matrixCount, 2); // the caller's matrix runs the whole called workflow per region
        QCOMPARE(pipeline.job("ci:deploy/smoke/probe")->name, QStringLiteral("deploy / smoke / probe"));
        QCOMPARE(pipeline.job("ci:deploy/smoke/probe")->condition, QStringLiteral("(github.ref == 'refs/heads/main') && (always())"));
    }

    void reusableWorkflowProblems()
    {
        const Pipeline pipeline = load({{".github/workflows/loop.yml",
                                         "on: [push, workflow_call]\njobs:\n  again: {uses: ./.github/workflows/loop.yml}\n"
                                         "  gone: {uses: ./.github/workflows/missing.yml}\n"
                                         "  plain: {uses: ./.github/workflows/plain.yml}\n"
                                         "  remote: {uses: octo/shared/.github/workflows/build.yml@v1}\n"},
                                        {".github/workflows/plain.yml", "on: push\njobs:\n  x: {runs-on: ubuntu-latest, steps: [{run: x}]}\n"}});
        const Diagnostics problems = withRule(pipeline.diagnostics, "workflow-reusable");
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems[0].message.contains("reusable workflows cannot recurse"));
        QCOMPARE(problems[0].line, 3);
        QVERIFY(problems[1].message.contains("does not exist"));
        QVERIFY(problems[2].message.contains("no 'on: workflow_call' trigger"));
        // A remote reusable workflow stays one job that shows what it calls.
        QCOMPARE(pipeline.job("loop:remote")->calls, QStringLiteral("octo/shared/.github/workflows/build.yml@v1"));
    }

    void workflowRunChainsAcrossWorkflows()
    {
        const Pipeline pipeline = load(
            {{".github/workflows/ci.yml", "name: CI\non: push\njobs:\n  test: {runs-on: x, steps: [{run: t}]}\n"
                                          "  build: {needs: test, runs-on: x, steps: [{run: b}]}\n"},
             {".github/workflows/deploy.yml", "name: Deploy\non:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\n"
                                              "jobs:\n  dev: {runs-on: x, environment: dev, steps: [{run: d}]}\n"},
             {".github/workflows/release.yml", "name: Release\non:\n  workflow_run:\n    workflows: [Deploy, Nightly]\n"
                                               "jobs:\n  tag: {runs-on: x, steps: [{run: t}]}\n"}});
        QCOMPARE(edgeList(pipeline, PipelineEdge::Kind::WorkflowRun),
                 (QStringList{"ci:build -> deploy:dev", "deploy:dev -> release:tag"}));
        QCOMPARE(pipeline.workflows[1].runsAfter, QStringList{"CI"});
        QCOMPARE(pipeline.workflows[1].runAfterTypes, QStringList{"completed"});
        const Diagnostics unknown = withRule(pipeline.diagnostics, "workflow-run-unknown");
        QCOMPARE(unknown.size(), 1);
        QCOMPARE(unknown[0].file, QStringLiteral(".github/workflows/release.yml"));
        QCOMPARE(unknown[0].line, 3);
        QCOMPARE(unknown[0].severity, Severity::Warning);
        QVERIFY(unknown[0].message.contains("'Nightly'"));
    }

    // --- diagnostics --------------------------------------------------------------------------------

    void unknownNeedsIsWordedLikeGitHub()
    {
        const QByteArray text = "on: push\njobs:\n  lint: {runs-on: x, steps: [{run: l}]}\n"
                                "  test:\n    runs-on: x\n    needs: [lint, vulture]\n    steps: [{run: t}]\n";
        const Pipeline pipeline = load({{".github/workflows/ci.yml", text}});
        const Diagnostics unknown = withRule(pipeline.diagnostics, "workflow-unknown-needs");
        QCOMPARE(unknown.size(), 1);
        QCOMPARE(unknown[0].message, QStringLiteral("Job 'test' depends on unknown job 'vulture'."));
        QCOMPARE(unknown[0].file, QStringLiteral(".github/workflows/ci.yml"));
        QCOMPARE(unknown[0].line, lineContaining(text, "needs:"));
        QCOMPARE(pipeline.job("ci:test")->needs, QStringList{"ci:lint"}); // the known need still draws
    }

    void dependencyCycleIsReported()
    {
        const QByteArray text = "on: push\njobs:\n"
                                "  a: {runs-on: x, needs: c, steps: [{run: a}]}\n"
                                "  b: {runs-on: x, needs: a, steps: [{run: b}]}\n"
                                "  c: {runs-on: x, needs: b, steps: [{run: c}]}\n"
                                "  d: {runs-on: x, needs: [c], steps: [{run: d}]}\n";
        const Pipeline pipeline = load({{".github/workflows/ci.yml", text}});
        const Diagnostics cycles = withRule(pipeline.diagnostics, "workflow-cycle");
        QCOMPARE(cycles.size(), 1);
        // Jobs are searched in the order written: a → c → b, and b's need of a closes the cycle.
        QCOMPARE(cycles[0].message, QStringLiteral("Job 'b' depends on job 'a' which creates a cycle in the dependency graph."));
        QCOMPARE(cycles[0].line, 4);
        QCOMPARE(pipeline.edges.size(), 4); // still all drawn
    }

    void brokenFilesAreDiagnosedNotFatal_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("line");
        QTest::newRow("yaml syntax") << QByteArray("on: push\njobs:\n  a: [unclosed\n") << "yaml-syntax" << 0;
        QTest::newRow("no jobs") << QByteArray("on: push\n") << "workflow-syntax" << 1;
        QTest::newRow("job not a mapping") << QByteArray("on: push\njobs:\n  a: 3\n  b: {runs-on: x, steps: []}\n") << "workflow-syntax" << 3;
        QTest::newRow("no runs-on") << QByteArray("on: push\njobs:\n  a:\n    steps: [{run: x}]\n") << "workflow-syntax" << 3;
        QTest::newRow("scalar file") << QByteArray("just text\n") << "workflow-syntax" << 0;
    }

    void brokenFilesAreDiagnosedNotFatal()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, rule);
        QFETCH(int, line);
        const Pipeline pipeline = load({{".github/workflows/bad.yml", text}});
        const Diagnostics found = withRule(pipeline.diagnostics, rule, ".github/workflows/bad.yml");
        QVERIFY2(!found.isEmpty(), qPrintable(describe(pipeline.diagnostics)));
        if (line > 0)
            QCOMPARE(found[0].line, line);
        else if (rule == u"yaml-syntax")
            QVERIFY(found[0].line > 0);
    }

    // --- golden files ---------------------------------------------------------------------------------

    void golden_data()
    {
        QTest::addColumn<QString>("caseDir");
        const QString root = QStringLiteral(STUDIO_TEST_DATA_DIR "/data/pipeline");
        for (const QString &name : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(qPrintable(name)) << root + u'/' + name;
    }

    void golden()
    {
        QFETCH(QString, caseDir);
        const Pipeline pipeline = Pipeline::load(Workspace::discover(caseDir));
        const QList<QPair<QString, QByteArray>> outputs{
            {QStringLiteral("expected.json"), QJsonDocument(PipelineJson::toJson(pipeline)).toJson(QJsonDocument::Indented)},
            {QStringLiteral("expected.dot"), PipelineDot::toDot(pipeline).toUtf8()}};
        const bool regenerate = qEnvironmentVariable("STUDIO_REGENERATE_GOLDEN") == u"1";
        for (const auto &[name, actual] : outputs) {
            QFile file(caseDir + u'/' + name);
            if (regenerate) {
                QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
                file.write(actual);
                continue;
            }
            QVERIFY2(file.open(QIODevice::ReadOnly),
                     qPrintable(QStringLiteral("%1 is missing; run this test with STUDIO_REGENERATE_GOLDEN=1 to create it").arg(file.fileName())));
            QCOMPARE(QString::fromUtf8(actual).split(u'\n'), QString::fromUtf8(file.readAll()).split(u'\n'));
        }
        if (regenerate)
            QSKIP(qPrintable(QStringLiteral("regenerated the expected files of %1; review them with git diff").arg(caseDir)));
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
