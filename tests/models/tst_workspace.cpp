// SPDX-License-Identifier: MIT
// Workspace discovery: the built-in demo (checked with the real `git` CLI), the layouts people
// really have (no config, overlays only, nothing at all) and the broken ones (symlink loops,
// links out of the repository, unreadable files, a bad .deploy-studio.yaml).

#include "TestFiles.h"

#include "checks/WorkspaceChecker.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/StudioConfig.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;
using studio::test::describe;
using studio::test::withRule;
using studio::test::writeFile;

namespace {

QStringList names(const QList<Environment> &environments)
{
    QStringList out;
    for (const Environment &env : environments)
        out << env.name;
    return out;
}

struct GitOutput {
    int exitCode = -1;
    QString out;
    QString err;
};

GitOutput git(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("git"), arguments);
    GitOutput result;
    if (!process.waitForStarted(10000)) {
        result.err = QStringLiteral("cannot start git: %1").arg(process.errorString());
        return result;
    }
    process.waitForFinished(60000);
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString gitOrFail(const QStringList &arguments)
{
    const GitOutput r = git(arguments);
    if (r.exitCode != 0)
        qWarning("git %s failed (%d): %s", qPrintable(arguments.join(u' ')), r.exitCode, qPrintable(r.err));
    return r.exitCode == 0 ? r.out : QString();
}

const char *const kChart = "apiVersion: v2\nname: web\nversion: 0.1.0\n";

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_demoParent;
    QString m_demo;
    Workspace m_ws;

private slots:
    void initTestCase()
    {
        QVERIFY(test::honourFilePermissions());
        QVERIFY(m_demoParent.isValid());
        m_demo = m_demoParent.path() + QStringLiteral("/demo");
        const Status created = DemoWorkspace::create(m_demo);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        m_ws = Workspace::discover(m_demo);
    }

    // --- the demo -------------------------------------------------------------------------------

    void demoHasThreeEnvironmentsInPromotionOrder()
    {
        QVERIFY2(m_ws.diagnostics.isEmpty(), qPrintable(describe(m_ws.diagnostics)));
        QCOMPARE(m_ws.root, QFileInfo(m_demo).canonicalFilePath());
        QVERIFY(m_ws.config.present);
        QCOMPARE(names(m_ws.environments), (QStringList{"dev", "staging", "prod"}));
        QCOMPARE(m_ws.charts, QStringList{"charts/tunemantra"});
    }

    void demoEnvironmentsHaveTheirFiles_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("isProtected");
        QTest::newRow("dev") << QStringLiteral("dev") << false;
        QTest::newRow("staging") << QStringLiteral("staging") << false;
        QTest::newRow("prod") << QStringLiteral("prod") << true;
    }

    void demoEnvironmentsHaveTheirFiles()
    {
        QFETCH(QString, name);
        QFETCH(bool, isProtected);
        const Environment *env = m_ws.environment(name);
        QVERIFY(env);
        QCOMPARE(env->chart, QStringLiteral("charts/tunemantra"));
        QCOMPARE(env->valuesFiles, (QStringList{QStringLiteral("charts/tunemantra/values.yaml"),
                                                QStringLiteral("charts/tunemantra/values-%1.yaml").arg(name)}));
        QCOMPARE(env->kustomizeOverlay, QStringLiteral("deploy/overlays/%1").arg(name));
        QCOMPARE(env->argocdApplication, QStringLiteral("argocd/tunemantra-%1.yaml").arg(name));
        QCOMPARE(env->argocdPath, QStringLiteral("deploy/overlays/%1").arg(name));
        QCOMPARE(env->argocdNamespace, QStringLiteral("tunemantra-%1").arg(name));
        QCOMPARE(env->isProtected, isProtected);
        for (const QString &file : env->files())
            QVERIFY2(m_ws.file(file), qPrintable(file + QStringLiteral(" is listed but was not discovered")));
    }

    void demoFilesAreClassified_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::newRow("config") << QStringLiteral(".deploy-studio.yaml") << int(FileKind::StudioConfig);
        QTest::newRow("Chart.yaml") << QStringLiteral("charts/tunemantra/Chart.yaml") << int(FileKind::HelmChart);
        QTest::newRow("template") << QStringLiteral("charts/tunemantra/templates/deployment.yaml")
                                  << int(FileKind::HelmTemplate);
        QTest::newRow("helpers") << QStringLiteral("charts/tunemantra/templates/_helpers.tpl") << int(FileKind::HelmTemplate);
        QTest::newRow("values.yaml") << QStringLiteral("charts/tunemantra/values.yaml") << int(FileKind::HelmValues);
        QTest::newRow("values-dev") << QStringLiteral("charts/tunemantra/values-dev.yaml") << int(FileKind::HelmValues);
        QTest::newRow("values-staging") << QStringLiteral("charts/tunemantra/values-staging.yaml")
                                        << int(FileKind::HelmValues);
        QTest::newRow("values-prod") << QStringLiteral("charts/tunemantra/values-prod.yaml") << int(FileKind::HelmValues);
        QTest::newRow("values schema") << QStringLiteral("charts/tunemantra/values.schema.json")
                                       << int(FileKind::HelmValuesSchema);
        QTest::newRow("patch") << QStringLiteral("deploy/overlays/prod/resources-patch.yaml")
                               << int(FileKind::KustomizePatch);
        QTest::newRow("overlay") << QStringLiteral("deploy/overlays/prod/kustomization.yaml")
                                 << int(FileKind::Kustomization);
        QTest::newRow("base kustomization") << QStringLiteral("deploy/base/kustomization.yaml")
                                            << int(FileKind::Kustomization);
        QTest::newRow("argocd dev") << QStringLiteral("argocd/tunemantra-dev.yaml") << int(FileKind::ArgoApplication);
        QTest::newRow("argocd staging") << QStringLiteral("argocd/tunemantra-staging.yaml")
                                        << int(FileKind::ArgoApplication);
        QTest::newRow("argocd prod") << QStringLiteral("argocd/tunemantra-prod.yaml") << int(FileKind::ArgoApplication);
        QTest::newRow("workflow") << QStringLiteral(".github/workflows/ci-cd.yml") << int(FileKind::GitHubWorkflow);
        QTest::newRow("deployment") << QStringLiteral("deploy/base/deployment.yaml") << int(FileKind::Manifest);
        QTest::newRow("service") << QStringLiteral("deploy/base/service.yaml") << int(FileKind::Manifest);
        QTest::newRow("dashboard") << QStringLiteral("monitoring/dashboards/tunemantra-overview.json")
                                   << int(FileKind::Dashboard);
        QTest::newRow("readme") << QStringLiteral("README.md") << int(FileKind::Other);
    }

    void demoFilesAreClassified()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        const WorkspaceFile *file = m_ws.file(path);
        QVERIFY2(file, qPrintable(path + QStringLiteral(" was not discovered")));
        QCOMPARE(fileKindName(file->kind), fileKindName(FileKind(kind)));
    }

    void demoFileListSkipsGitAndIsSorted()
    {
        QStringList paths;
        for (const WorkspaceFile &f : std::as_const(m_ws.files))
            paths << f.path;
        QStringList sorted = paths;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(paths, sorted);
        for (const QString &p : std::as_const(paths))
            QVERIFY2(!p.startsWith(QStringLiteral(".git/")), qPrintable(p));
        // Every file git tracks was discovered, and nothing else.
        QStringList tracked = gitOrFail({QStringLiteral("-C"), m_demo, QStringLiteral("ls-files")})
                                  .split(u'\n', Qt::SkipEmptyParts);
        std::sort(tracked.begin(), tracked.end());
        QCOMPARE(paths, tracked);
        // Every chart template is a Go template, whatever its extension.
        for (const WorkspaceFile &f : std::as_const(m_ws.files)) {
            if (f.path.startsWith(QStringLiteral("charts/tunemantra/templates/")))
                QCOMPARE(fileKindName(f.kind), fileKindName(FileKind::HelmTemplate));
        }
    }

    void demoIsAGitRepositoryWithHistory()
    {
        const QStringList subjects = gitOrFail({QStringLiteral("-C"), m_demo, QStringLiteral("log"),
                                                QStringLiteral("--format=%s")})
                                         .split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(subjects.size() >= 5, qPrintable(subjects.join(u'\n')));
        QCOMPARE(subjects.size(), DemoWorkspace::historyLength());
        QVERIFY2(std::any_of(subjects.begin(), subjects.end(),
                             [](const QString &s) { return s.startsWith(QStringLiteral("Promote")); }),
                 qPrintable(subjects.join(u'\n')));
        QCOMPARE(gitOrFail({QStringLiteral("-C"), m_demo, QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                            QStringLiteral("HEAD")})
                     .trimmed(),
                 QStringLiteral("main"));
        // The history has several authors and dates, like a real repository.
        const QStringList dates = gitOrFail({QStringLiteral("-C"), m_demo, QStringLiteral("log"),
                                             QStringLiteral("--format=%aI")})
                                      .split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(QSet<QString>(dates.begin(), dates.end()).size() > 1);
    }

    void demoWorkTreeIsClean()
    {
        const GitOutput status = git({QStringLiteral("-C"), m_demo, QStringLiteral("status"),
                                      QStringLiteral("--porcelain"), QStringLiteral("--untracked-files=all")});
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(status.out.isEmpty(), qPrintable(status.out));
    }

    void demoRemoteHasTheHistory()
    {
        const QString head = gitOrFail({QStringLiteral("-C"), m_demo, QStringLiteral("rev-parse"),
                                        QStringLiteral("HEAD")})
                                 .trimmed();
        QCOMPARE(head.size(), 40);
        QCOMPARE(gitOrFail({QStringLiteral("-C"), m_demo, QStringLiteral("rev-parse"), QStringLiteral("origin/main")})
                     .trimmed(),
                 head);
        const QString remote = m_demo + QStringLiteral(".git");
        QVERIFY(QFileInfo(remote).isDir());
        QCOMPARE(gitOrFail({QStringLiteral("--git-dir"), remote, QStringLiteral("rev-parse"),
                            QStringLiteral("--is-bare-repository")})
                     .trimmed(),
                 QStringLiteral("true"));
        const QString local = gitOrFail({QStringLiteral("-C"), m_demo, QStringLiteral("log"), QStringLiteral("--oneline")});
        // Without a branch name: the bare remote's HEAD must name main, or a clone checks out nothing.
        const QString bare = gitOrFail({QStringLiteral("--git-dir"), remote, QStringLiteral("log"),
                                        QStringLiteral("--oneline")});
        QVERIFY(!local.isEmpty());
        QCOMPARE(bare, local);
        // A teammate cloning the remote gets the same commit, checked out.
        QTemporaryDir cloneParent;
        const QString clone = cloneParent.path() + QStringLiteral("/clone");
        QCOMPARE(git({QStringLiteral("clone"), QStringLiteral("-q"), remote, clone}).exitCode, 0);
        QCOMPARE(gitOrFail({QStringLiteral("-C"), clone, QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).trimmed(),
                 head);
        QVERIFY(QFileInfo::exists(clone + QStringLiteral("/charts/tunemantra/values-prod.yaml")));
        QCOMPARE(QFileInfo(gitOrFail({QStringLiteral("-C"), m_demo, QStringLiteral("remote"), QStringLiteral("get-url"),
                                      QStringLiteral("origin")})
                               .trimmed())
                     .canonicalFilePath(),
                 QFileInfo(remote).canonicalFilePath());
    }

    void demoIntoANonEmptyFolderIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path(), QStringLiteral("notes.txt"), "keep me\n"));
        const Status created = DemoWorkspace::create(dir.path());
        QVERIFY(!created.ok());
        QCOMPARE(int(created.error().code), int(Error::Code::Refused));
        QVERIFY2(created.errorMessage().contains(dir.path()), qPrintable(created.errorMessage()));
        QVERIFY2(created.errorMessage().contains(QStringLiteral("not empty")), qPrintable(created.errorMessage()));
        // Nothing was touched.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{"notes.txt"});
        QVERIFY(!QFileInfo::exists(dir.path() + QStringLiteral(".git")));
    }

    void demoOverAFileIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.path(), QStringLiteral("file"), "x"));
        const Status created = DemoWorkspace::create(dir.path() + QStringLiteral("/file"));
        QVERIFY(!created.ok());
        QVERIFY2(created.errorMessage().contains(QStringLiteral("/file")), qPrintable(created.errorMessage()));
    }

    // --- hand-made layouts ----------------------------------------------------------------------

    void conventionsOrderEnvironmentsWithoutConfig()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QStringLiteral("helm/web/Chart.yaml"), kChart));
        QVERIFY(writeFile(root, QStringLiteral("helm/web/values.yaml"), "replicaCount: 1\n"));
        QVERIFY(writeFile(root, QStringLiteral("helm/web/values-production.yaml"), "replicaCount: 4\n"));
        QVERIFY(writeFile(root, QStringLiteral("helm/web/values-dev.yaml"), "replicaCount: 1\n"));
        QVERIFY(writeFile(root, QStringLiteral("helm/web/values-qa.yaml"), "replicaCount: 2\n"));
        const Workspace ws = Workspace::discover(root);
        QVERIFY2(ws.diagnostics.isEmpty(), qPrintable(describe(ws.diagnostics)));
        QVERIFY(!ws.config.present);
        QCOMPARE(names(ws.environments), (QStringList{"dev", "qa", "production"}));
        const Environment *production = ws.environment(QStringLiteral("production"));
        QVERIFY(production);
        QCOMPARE(production->chart, QStringLiteral("helm/web"));
        QCOMPARE(production->valuesFiles,
                 (QStringList{"helm/web/values.yaml", "helm/web/values-production.yaml"}));
        QVERIFY(!production->isProtected);
        QVERIFY(production->kustomizeOverlay.isEmpty());
    }

    void hyphenatedEnvironmentNames()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(writeFile(root, QStringLiteral("chart/values.yaml"), "a: 1\n"));
        for (const char *env : {"prod", "pre-prod", "eu-west", "dev"})
            QVERIFY(writeFile(root, QStringLiteral("chart/values-%1.yaml").arg(QLatin1String(env)), "a: 2\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/values.schema.yaml"), "type: object\n"));
        const Workspace ws = Workspace::discover(root);
        // pre-prod ranks with staging; unknown names go between staging and prod.
        QCOMPARE(names(ws.environments), (QStringList{"dev", "pre-prod", "eu-west", "prod"}));
        QCOMPARE(ws.environment(QStringLiteral("pre-prod"))->valuesFiles,
                 (QStringList{"chart/values.yaml", "chart/values-pre-prod.yaml"}));
    }

    void environmentsFromOverlaysOnly()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QStringLiteral("k8s/base/kustomization.yaml"), "resources: [deployment.yaml]\n"));
        QVERIFY(writeFile(root, QStringLiteral("k8s/base/deployment.yaml"),
                          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"));
        for (const char *env : {"prod", "staging", "dev"}) {
            QVERIFY(writeFile(root, QStringLiteral("k8s/overlays/%1/kustomization.yaml").arg(QLatin1String(env)),
                              "resources: [../../base]\n"));
        }
        const Workspace ws = Workspace::discover(root);
        QVERIFY2(ws.diagnostics.isEmpty(), qPrintable(describe(ws.diagnostics)));
        QCOMPARE(names(ws.environments), (QStringList{"dev", "staging", "prod"}));
        for (const Environment &env : ws.environments) {
            QCOMPARE(env.kustomizeOverlay, QStringLiteral("k8s/overlays/") + env.name);
            QVERIFY(env.valuesFiles.isEmpty());
            QVERIFY(env.chart.isEmpty());
        }
        QVERIFY(ws.charts.isEmpty());
        QCOMPARE(ws.kustomizations.size(), 4);
    }

    void multiSourceArgoApplicationsGiveTheirPath()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QStringLiteral("k8s/base/kustomization.yaml"), "resources: []\n"));
        for (const char *env : {"dev", "prod"}) {
            QVERIFY(writeFile(root, QStringLiteral("k8s/overlays/%1/kustomization.yaml").arg(QLatin1String(env)),
                              "resources: [../../base]\n"));
        }
        // Argo CD's multi-source form: the manifests from one source, Helm values from another.
        QVERIFY(writeFile(root, QStringLiteral("argocd/web-prod.yaml"),
                          "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web-prod\nspec:\n"
                          "  sources:\n    - repoURL: https://git.example.com/values.git\n      ref: values\n"
                          "    - repoURL: https://git.example.com/gitops.git\n      targetRevision: main\n"
                          "      path: k8s/overlays/prod\n  destination:\n    namespace: web-prod\n"));
        const Workspace ws = Workspace::discover(root);
        QVERIFY2(ws.diagnostics.isEmpty(), qPrintable(describe(ws.diagnostics)));
        const Environment *prod = ws.environment(QStringLiteral("prod"));
        QVERIFY(prod);
        QCOMPARE(prod->argocdApplication, QStringLiteral("argocd/web-prod.yaml"));
        QCOMPARE(prod->argocdPath, QStringLiteral("k8s/overlays/prod"));
        QCOMPARE(prod->argocdNamespace, QStringLiteral("web-prod"));
        QVERIFY(ws.environment(QStringLiteral("dev"))->argocdApplication.isEmpty());
    }

    void emptyFolderHasNothing()
    {
        QTemporaryDir dir;
        const Workspace ws = Workspace::discover(dir.path());
        QVERIFY(ws.files.isEmpty());
        QVERIFY(ws.environments.isEmpty());
        QVERIFY(ws.charts.isEmpty());
        QVERIFY2(ws.diagnostics.isEmpty(), qPrintable(describe(ws.diagnostics)));
        // And checking it finds nothing either.
        CheckOptions options;
        options.cacheDir.clear();
        options.offline = true;
        QVERIFY(WorkspaceChecker(ws, options).run().isEmpty());
    }

    void missingFolderIsReported()
    {
        QTemporaryDir dir;
        const QString missing = dir.path() + QStringLiteral("/does-not-exist");
        const Workspace ws = Workspace::discover(missing);
        QVERIFY(ws.files.isEmpty());
        QCOMPARE(ws.diagnostics.size(), 1);
        QCOMPARE(ws.diagnostics.front().severity, Severity::Error);
        QCOMPARE(ws.diagnostics.front().rule, QStringLiteral("workspace-missing"));
        QVERIFY2(ws.diagnostics.front().message.contains(missing), qPrintable(ws.diagnostics.front().message));
    }

    void helmTemplatesAreNeverParsedAsYaml()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        const QByteArray tmpl = "apiVersion: apps/v1\n"
                                "kind: Deployment\n"
                                "metadata:\n"
                                "  name: {{ include \"web.fullname\" . }}\n"
                                "  labels:\n"
                                "    {{- include \"web.labels\" . | nindent 4 }}\n"
                                "spec:\n"
                                "  {{- if not .Values.autoscaling.enabled }}\n"
                                "  replicas: {{ .Values.replicaCount }}\n"
                                "  {{- end }}\n"
                                "  template:\n"
                                "    spec:\n"
                                "      containers:\n"
                                "        - image: \"{{ .Values.image.repository }}:{{ .Values.image.tag }}\"\n"
                                "          {{- with .Values.resources }}\n"
                                "          resources: {{- toYaml . | nindent 12 }}\n"
                                "          {{- end }}\n";
        // The premise: this text is not valid YAML.
        QVERIFY(yaml::YamlDocument::parse(QString::fromUtf8(tmpl)).hasErrors());
        QVERIFY(writeFile(root, QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(writeFile(root, QStringLiteral("chart/values.yaml"), "replicaCount: 1\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/templates/deployment.yaml"), tmpl));
        QVERIFY(writeFile(root, QStringLiteral("chart/templates/nested/service.yml"), "{{ if }}: [\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/templates/NOTES.txt"), "{{ .Release.Name }}\n"));

        const Workspace ws = Workspace::discover(root);
        QVERIFY2(ws.diagnostics.isEmpty(), qPrintable(describe(ws.diagnostics)));
        for (const char *path : {"chart/templates/deployment.yaml", "chart/templates/nested/service.yml",
                                 "chart/templates/NOTES.txt"}) {
            const WorkspaceFile *f = ws.file(QLatin1String(path));
            QVERIFY2(f, path);
            QCOMPARE(fileKindName(f->kind), fileKindName(FileKind::HelmTemplate));
        }
        CheckOptions options;
        options.cacheDir.clear();
        options.offline = true;
        options.schemaLocations = {QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes")};
        const Diagnostics found = WorkspaceChecker(ws, options).run();
        for (const Diagnostic &d : found)
            QVERIFY2(!d.file.contains(QStringLiteral("templates/")), qPrintable(describe(found)));
        QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
    }

    void symlinkLoopIsReportedAndDiscoveryEnds()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QStringLiteral("dir/manifest.yaml"), "apiVersion: v1\nkind: Namespace\n"));
        QVERIFY(QFile::link(QStringLiteral(".."), root + QStringLiteral("/dir/link")));
        const Workspace ws = Workspace::discover(root);
        const Diagnostics loops = withRule(ws.diagnostics, QStringLiteral("workspace-symlink-loop"));
        QCOMPARE(loops.size(), 1);
        QCOMPARE(loops.front().file, QStringLiteral("dir/link"));
        QCOMPARE(loops.front().severity, Severity::Warning);
        QVERIFY2(loops.front().message.contains(QStringLiteral("loop")), qPrintable(loops.front().message));
        // The real file is listed once, not once per trip round the loop.
        QCOMPARE(ws.files.size(), 1);
        QCOMPARE(ws.files.front().path, QStringLiteral("dir/manifest.yaml"));
    }

    void symlinkOutOfTheRepositoryIsSkipped()
    {
        QTemporaryDir outside;
        QVERIFY(writeFile(outside.path(), QStringLiteral("secret.yaml"), "password: hunter2\n"));
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QStringLiteral("values.yaml"), "a: 1\n"));
        QVERIFY(QFile::link(outside.path(), root + QStringLiteral("/elsewhere")));
        QVERIFY(QFile::link(outside.path() + QStringLiteral("/secret.yaml"), root + QStringLiteral("/secret.yaml")));
        const Workspace ws = Workspace::discover(root);
        const Diagnostics skipped = withRule(ws.diagnostics, QStringLiteral("workspace-outside-link"));
        QCOMPARE(skipped.size(), 2);
        QCOMPARE(skipped.at(0).file, QStringLiteral("elsewhere"));
        QCOMPARE(skipped.at(1).file, QStringLiteral("secret.yaml"));
        for (const Diagnostic &d : skipped) {
            QCOMPARE(d.severity, Severity::Warning);
            QVERIFY2(d.message.contains(QStringLiteral("outside the repository")), qPrintable(d.message));
        }
        QCOMPARE(ws.files.size(), 1);
        QCOMPARE(ws.files.front().path, QStringLiteral("values.yaml"));
    }

    void brokenSymlinkIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::link(QStringLiteral("missing.yaml"), dir.path() + QStringLiteral("/dangling.yaml")));
        const Workspace ws = Workspace::discover(dir.path());
        const Diagnostics broken = withRule(ws.diagnostics, QStringLiteral("workspace-broken-link"));
        QCOMPARE(broken.size(), 1);
        QCOMPARE(broken.front().file, QStringLiteral("dangling.yaml"));
        QVERIFY(ws.files.isEmpty());
    }

    void unreadableConfigIsReported()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QLatin1String(StudioConfig::kFileName), "environments:\n  - name: dev\n"));
        QVERIFY(writeFile(root, QStringLiteral("chart/Chart.yaml"), kChart));
        QVERIFY(writeFile(root, QStringLiteral("chart/values-dev.yaml"), "a: 1\n"));
        const QString config = root + u'/' + QLatin1String(StudioConfig::kFileName);
        QVERIFY(QFile::setPermissions(config, QFileDevice::Permissions()));
        if (test::permissionsAreIgnored(config)) {
            QFile::setPermissions(config, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QSKIP("this process can read a file with mode 000 (it runs as root), so an unreadable file cannot be "
                  "made here");
        }
        const Workspace ws = Workspace::discover(root);
        QFile::setPermissions(config, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const Diagnostics problems = withRule(ws.diagnostics, QStringLiteral("studio-config"));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.front().file, QLatin1String(StudioConfig::kFileName));
        QCOMPARE(problems.front().severity, Severity::Error);
        QVERIFY2(problems.front().message.contains(QStringLiteral("permission")), qPrintable(problems.front().message));
        // Discovery went on with the conventions.
        QCOMPARE(names(ws.environments), QStringList{"dev"});
    }

    void unreadableFolderIsReported()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QVERIFY(writeFile(root, QStringLiteral("locked/deployment.yaml"), "apiVersion: v1\n"));
        QVERIFY(writeFile(root, QStringLiteral("open.yaml"), "a: 1\n"));
        const QString locked = root + QStringLiteral("/locked");
        QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
        const bool listable = !QDir(locked).entryList(QDir::Files).isEmpty();
        if (listable) {
            QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QSKIP("this process can list a folder with mode 000 (it runs as root), so an unreadable folder cannot "
                  "be made here");
        }
        const Workspace ws = Workspace::discover(root);
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const Diagnostics problems = withRule(ws.diagnostics, QStringLiteral("workspace-unreadable"));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.front().file, QStringLiteral("locked"));
        QCOMPARE(ws.files.size(), 1);
        QCOMPARE(ws.files.front().path, QStringLiteral("open.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
