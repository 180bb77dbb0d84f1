// SPDX-License-Identifier: MIT
#include "workspace/Workspace.h"

#include "workspace/TextFile.h"
#include "yaml/YamlDocument.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <dirent.h>
#endif

Q_LOGGING_CATEGORY(lcWorkspace, "studio.workspace", QtInfoMsg)

namespace studio {

using yaml::YamlDocument;
using yaml::YamlNode;

namespace {

// Folders that never hold deployment configuration and can be huge.
bool isSkippedFolder(const QString &name)
{
    return name == u".git" || name == u"node_modules" || name == u".terraform" || name == u".idea"
        || name == u".vscode";
}

Diagnostic problem(const QString &file, Severity severity, const QString &rule, const QString &message, int line = 0)
{
    Diagnostic d;
    d.file = file;
    d.line = line;
    d.column = line > 0 ? 1 : 0;
    d.severity = severity;
    d.rule = rule;
    d.message = message;
    return d;
}

QString parentFolder(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return slash < 0 ? QString() : relativePath.left(slash);
}

QString joinPath(const QString &folder, const QString &name)
{
    return folder.isEmpty() ? name : folder + u'/' + name;
}

/// Normalises "a/./b/../c" to "a/c"; returns an empty string when the path climbs out of the root.
QString normalizedRelative(const QString &path)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return {};
    QStringList parts;
    for (const QString &part : path.split(u'/', Qt::SkipEmptyParts)) {
        if (part == u".")
            continue;
        if (part == u"..") {
            if (parts.isEmpty())
                return {};
            parts.removeLast();
            continue;
        }
        parts << part;
    }
    return parts.join(u'/');
}

class Discovery
{
public:
    explicit Discovery(Workspace &workspace) : m_ws(workspace) {}

    void run()
    {
        walk(m_ws.root, QString());
        std::sort(m_ws.files.begin(), m_ws.files.end(),
                  [](const WorkspaceFile &a, const WorkspaceFile &b) { return a.path < b.path; });
        for (const WorkspaceFile &f : std::as_const(m_ws.files))
            m_index.insert(f.path, int(&f - m_ws.files.constData()));
        classify();
        readConfig();
        readKustomizations();
        readArgoApplications();
        buildEnvironments();
        std::sort(m_ws.diagnostics.begin(), m_ws.diagnostics.end(), diagnosticLessThan);
    }

private:
    /// Whether the folder's entries can be read. QDir::isReadable() asks access(), which answers for
    /// the real user: a root process without CAP_DAC_READ_SEARCH (a hardened container) is told yes
    /// and then lists nothing. Opening the folder answers for this very process.
    static bool canList(const QString &absoluteDir)
    {
#ifdef Q_OS_UNIX
        DIR *handle = ::opendir(QFile::encodeName(absoluteDir).constData());
        if (!handle)
            return false;
        ::closedir(handle);
        return true;
#else
        return QDir(absoluteDir).isReadable();
#endif
    }

    void walk(const QString &absoluteDir, const QString &relativeDir)
    {
        const QString canonical = QFileInfo(absoluteDir).canonicalFilePath();
        if (m_visitedFolders.contains(canonical)) {
            m_ws.diagnostics << problem(relativeDir, Severity::Warning, QStringLiteral("workspace-symlink-loop"),
                                        QStringLiteral("symbolic link loop: this folder leads back to '%1'; it is "
                                                       "skipped")
                                            .arg(QDir(m_ws.root).relativeFilePath(canonical)));
            return;
        }
        m_visitedFolders.insert(canonical);

        QDir dir(absoluteDir);
        if (!canList(absoluteDir)) {
            m_ws.diagnostics << problem(relativeDir, Severity::Warning, QStringLiteral("workspace-unreadable"),
                                        QStringLiteral("cannot read this folder; check its permissions"));
            return;
        }
        const QFileInfoList entries = dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System
                                                            | QDir::NoDotAndDotDot,
                                                        QDir::Name);
        for (const QFileInfo &entry : entries) {
            const QString relative = joinPath(relativeDir, entry.fileName());
            if (entry.isSymLink()) {
                const QString target = entry.canonicalFilePath();
                if (target.isEmpty()) {
                    m_ws.diagnostics << problem(relative, Severity::Warning, QStringLiteral("workspace-broken-link"),
                                                QStringLiteral("symbolic link to '%1', which does not exist")
                                                    .arg(entry.symLinkTarget()));
                    continue;
                }
                if (!isInsideRoot(target)) {
                    m_ws.diagnostics << problem(relative, Severity::Warning, QStringLiteral("workspace-outside-link"),
                                                QStringLiteral("symbolic link to '%1', outside the repository; it is "
                                                               "skipped")
                                                    .arg(target));
                    continue;
                }
            }
            if (entry.isDir()) {
                if (!isSkippedFolder(entry.fileName()))
                    walk(entry.absoluteFilePath(), relative);
                continue;
            }
            m_ws.files << WorkspaceFile{relative, FileKind::Other};
        }
    }

    bool isInsideRoot(const QString &canonicalPath) const
    {
        return canonicalPath == m_ws.root || canonicalPath.startsWith(m_ws.root + u'/');
    }

    void classify()
    {
        // Charts first: everything under a chart's templates/ is a Go template.
        for (const WorkspaceFile &f : std::as_const(m_ws.files)) {
            if (f.path.section(u'/', -1) == u"Chart.yaml")
                m_ws.charts << parentFolder(f.path);
        }
        for (WorkspaceFile &f : m_ws.files) {
            const QString name = f.path.section(u'/', -1);
            const QString folder = parentFolder(f.path);
            if (f.path == QLatin1String(StudioConfig::kFileName))
                f.kind = FileKind::StudioConfig;
            else if (name == u"Chart.yaml")
                f.kind = FileKind::HelmChart;
            else if (isInChartTemplates(f.path))
                f.kind = FileKind::HelmTemplate;
            else if (m_ws.charts.contains(folder) && name == u"values.schema.json")
                f.kind = FileKind::HelmValuesSchema;
            else if (m_ws.charts.contains(folder) && name.startsWith(u"values") && f.isYaml())
                f.kind = FileKind::HelmValues;
            else if (name == u"kustomization.yaml" || name == u"kustomization.yml" || name == u"Kustomization")
                f.kind = FileKind::Kustomization;
            else if (f.path.startsWith(u".github/workflows/") && f.isYaml())
                f.kind = FileKind::GitHubWorkflow;
            else if (name.endsWith(u".tf"))
                f.kind = FileKind::Terraform;
            else if ((name.endsWith(u".json") || f.isYaml()) && f.path.contains(u"dashboards/"))
                f.kind = FileKind::Dashboard;
            else if (f.isYaml())
                f.kind = FileKind::Manifest;
            if (f.kind == FileKind::Kustomization)
                m_ws.kustomizations << folder;
            if (f.kind == FileKind::Terraform && !m_ws.terraformFolders.contains(folder))
                m_ws.terraformFolders << folder;
        }
    }

    bool isInChartTemplates(const QString &path) const
    {
        for (const QString &chart : std::as_const(m_ws.charts)) {
            const QString templates = joinPath(chart, QStringLiteral("templates/"));
            if (path.startsWith(templates))
                return true;
        }
        return false;
    }

    /// Parses a small YAML file the discovery must understand; problems go to the workspace.
    std::optional<YamlDocument> parse(const QString &relativePath)
    {
        const Result<QString> text = TextFile::read(m_ws.absolutePath(relativePath));
        if (!text) {
            m_ws.diagnostics << problem(relativePath, Severity::Error, QStringLiteral("workspace-unreadable"),
                                        text.errorMessage());
            return std::nullopt;
        }
        return YamlDocument::parse(*text);
    }

    void readConfig()
    {
        const QString name = QLatin1String(StudioConfig::kFileName);
        if (!m_index.contains(name))
            return;
        const Result<QString> text = TextFile::read(m_ws.absolutePath(name), 1024 * 1024);
        if (!text) {
            m_ws.diagnostics << problem(name, Severity::Error, QStringLiteral("studio-config"), text.errorMessage());
            return;
        }
        m_ws.config = StudioConfig::parse(*text, name);
        m_ws.diagnostics << m_ws.config.diagnostics;
    }

    QString kustomizationFileOf(const QString &folder) const
    {
        if (folder.isEmpty())
            return {};
        for (const char *candidate : {"kustomization.yaml", "kustomization.yml", "Kustomization"}) {
            if (m_index.contains(joinPath(folder, QLatin1String(candidate))))
                return joinPath(folder, QLatin1String(candidate));
        }
        return {};
    }

    void readKustomizations()
    {
        for (const QString &folder : std::as_const(m_ws.kustomizations)) {
            const QString file = kustomizationFileOf(folder);
            const auto doc = parse(file);
            if (!doc || doc->documents().empty())
                continue;
            const YamlNode *root = doc->documents().front();
            auto markPatch = [&](const YamlNode *pathNode) {
                if (!pathNode || !pathNode->isScalar())
                    return;
                const QString patch = normalizedRelative(joinPath(folder, pathNode->scalar()));
                auto it = m_index.constFind(patch);
                if (it != m_index.constEnd())
                    m_ws.files[it.value()].kind = FileKind::KustomizePatch;
            };
            for (const char *key : {"patches", "patchesJson6902"}) {
                if (const YamlNode *list = root->value(QString::fromLatin1(key)); list && list->isSequence()) {
                    for (const YamlNode *entry : list->resolved()->items)
                        markPatch(entry->isMapping() ? entry->value(u"path") : entry);
                }
            }
            if (const YamlNode *list = root->value(u"patchesStrategicMerge"); list && list->isSequence()) {
                for (const YamlNode *entry : list->resolved()->items)
                    markPatch(entry);
            }
        }
    }

    void readArgoApplications()
    {
        for (WorkspaceFile &f : m_ws.files) {
            if (f.kind != FileKind::Manifest)
                continue;
            // Cheap sniff before parsing: Applications are rare among manifests.
            QFile file(m_ws.absolutePath(f.path));
            if (file.size() > 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray head = file.read(64 * 1024);
            if (!head.contains("argoproj.io") || !head.contains("Application"))
                continue;
            const auto doc = parse(f.path);
            if (!doc)
                continue;
            for (const YamlNode *root : doc->documents()) {
                const YamlNode *kind = root->value(u"kind");
                const YamlNode *apiVersion = root->value(u"apiVersion");
                if (!kind || kind->scalar() != u"Application" || !apiVersion
                    || !apiVersion->scalar().startsWith(u"argoproj.io/"))
                    continue;
                f.kind = FileKind::ArgoApplication;
                ArgoApp app;
                app.file = f.path;
                if (const YamlNode *name = root->value(u"metadata"))
                    app.name = name->value(u"name") ? name->value(u"name")->scalar() : QString();
                if (const YamlNode *spec = root->value(u"spec")) {
                    // A single source, or (multi-source Applications) the first source with a path.
                    const YamlNode *source = spec->value(u"source");
                    if (const YamlNode *sources = spec->value(u"sources"); !source && sources && sources->isSequence()) {
                        for (const YamlNode *candidate : sources->resolved()->items) {
                            if (candidate->isMapping() && candidate->value(u"path")) {
                                source = candidate;
                                break;
                            }
                        }
                    }
                    if (source && source->isMapping()) {
                        if (const YamlNode *path = source->value(u"path"))
                            app.path = normalizedRelative(path->scalar());
                        if (const YamlNode *helm = source->value(u"helm")) {
                            if (const YamlNode *files = helm->value(u"valueFiles"); files && files->isSequence()) {
                                for (const YamlNode *v : files->resolved()->items)
                                    app.valueFiles << normalizedRelative(joinPath(app.path, v->scalar()));
                            }
                        }
                    }
                    if (const YamlNode *destination = spec->value(u"destination")) {
                        if (const YamlNode *ns = destination->value(u"namespace"))
                            app.namespaceName = ns->scalar();
                    }
                }
                m_apps << app;
                break;
            }
        }
    }

    void buildEnvironments()
    {
        if (!m_ws.config.environments.isEmpty()) {
            for (Environment env : std::as_const(m_ws.config.environments)) {
                checkConfiguredPaths(env);
                m_ws.environments << env;
            }
        } else {
            conventionalEnvironments();
        }
        for (Environment &env : m_ws.environments) {
            env.kustomizationFile = kustomizationFileOf(env.kustomizeOverlay);
            attachArgoApplication(env);
        }
    }

    void checkConfiguredPaths(Environment &env)
    {
        const QString configFile = QLatin1String(StudioConfig::kFileName);
        QStringList values;
        for (const QString &path : std::as_const(env.valuesFiles)) {
            const QString normalized = normalizedRelative(path);
            if (normalized.isEmpty()) {
                m_ws.diagnostics << problem(configFile, Severity::Error, QStringLiteral("studio-config"),
                                            QStringLiteral("values file '%1' of environment '%2' is outside the "
                                                           "repository; use a path inside it")
                                                .arg(path, env.name));
                continue;
            }
            const QFileInfo info(m_ws.absolutePath(normalized));
            if (!info.exists()) {
                m_ws.diagnostics << problem(configFile, Severity::Error, QStringLiteral("studio-config"),
                                            QStringLiteral("values file '%1' of environment '%2' does not exist")
                                                .arg(path, env.name));
                continue;
            }
            if (!info.isFile()) {
                m_ws.diagnostics << problem(configFile, Severity::Error, QStringLiteral("studio-config"),
                                            QStringLiteral("values file '%1' of environment '%2' is not a file; "
                                                           "name a values YAML file")
                                                .arg(path, env.name));
                continue;
            }
            if (!isInsideRoot(info.canonicalFilePath())) {
                m_ws.diagnostics << problem(configFile, Severity::Error, QStringLiteral("studio-config"),
                                            QStringLiteral("values file '%1' of environment '%2' links outside the "
                                                           "repository; it is ignored")
                                                .arg(path, env.name));
                continue;
            }
            values << normalized;
        }
        env.valuesFiles = values;
        if (env.chart.isEmpty() && !values.isEmpty())
            env.chart = parentFolder(values.back());
        if (!env.kustomizeOverlay.isEmpty()) {
            const QString overlay = normalizedRelative(env.kustomizeOverlay);
            if (overlay.isEmpty() || !m_ws.kustomizations.contains(overlay)) {
                m_ws.diagnostics << problem(configFile, Severity::Warning, QStringLiteral("studio-config"),
                                            QStringLiteral("kustomize overlay '%1' of environment '%2' has no "
                                                           "kustomization.yaml")
                                                .arg(env.kustomizeOverlay, env.name));
            }
            env.kustomizeOverlay = overlay;
        }
    }

    void conventionalEnvironments()
    {
        static const QRegularExpression valuesPattern(QStringLiteral("^values[-.]([A-Za-z0-9_-]+)\\.ya?ml$"));
        QHash<QString, Environment> byName;
        auto envFor = [&](const QString &name) -> Environment & {
            auto it = byName.find(name);
            if (it == byName.end()) {
                Environment env;
                env.name = name;
                it = byName.insert(name, env);
            }
            return it.value();
        };
        for (const QString &chart : std::as_const(m_ws.charts)) {
            const QString base = joinPath(chart, QStringLiteral("values.yaml"));
            for (const WorkspaceFile &f : std::as_const(m_ws.files)) {
                if (f.kind != FileKind::HelmValues || parentFolder(f.path) != chart)
                    continue;
                const auto match = valuesPattern.match(f.path.section(u'/', -1));
                if (!match.hasMatch() || match.captured(1) == u"schema")
                    continue;
                Environment &env = envFor(match.captured(1));
                if (!env.chart.isEmpty())
                    continue; // first chart wins; a second chart's layering is shown by its files
                env.chart = chart;
                if (m_index.contains(base))
                    env.valuesFiles << base;
                env.valuesFiles << f.path;
            }
        }
        for (const QString &folder : std::as_const(m_ws.kustomizations)) {
            const QStringList parts = folder.split(u'/');
            if (parts.size() >= 2 && parts.at(parts.size() - 2) == u"overlays")
                envFor(parts.back()).kustomizeOverlay = folder;
        }
        QList<Environment> envs = byName.values();
        std::sort(envs.begin(), envs.end(), [](const Environment &a, const Environment &b) {
            const int ra = conventionalEnvironmentRank(a.name);
            const int rb = conventionalEnvironmentRank(b.name);
            return ra != rb ? ra < rb : a.name < b.name;
        });
        m_ws.environments = envs;
    }

    void attachArgoApplication(Environment &env)
    {
        if (!env.argocdApplication.isEmpty()) {
            const QString file = normalizedRelative(env.argocdApplication);
            env.argocdApplication = file;
            for (const ArgoApp &app : std::as_const(m_apps)) {
                if (app.file == file) {
                    env.argocdPath = app.path;
                    env.argocdNamespace = app.namespaceName;
                    return;
                }
            }
            m_ws.diagnostics << problem(QLatin1String(StudioConfig::kFileName), Severity::Warning,
                                        QStringLiteral("studio-config"),
                                        QStringLiteral("'%1' (Argo CD Application of environment '%2') is not an Argo "
                                                       "CD Application or does not exist")
                                            .arg(file, env.name));
            return;
        }
        const ArgoApp *best = nullptr;
        for (const ArgoApp &app : std::as_const(m_apps)) {
            const bool deploysOverlay = !env.kustomizeOverlay.isEmpty() && app.path == env.kustomizeOverlay;
            const bool deploysValues = !env.valuesFiles.isEmpty() && app.valueFiles.contains(env.valuesFiles.back());
            const bool namedForIt = app.name.endsWith(u'-' + env.name);
            if (deploysOverlay || deploysValues) {
                best = &app;
                break;
            }
            if (namedForIt && !best)
                best = &app;
        }
        if (best) {
            env.argocdApplication = best->file;
            env.argocdPath = best->path;
            env.argocdNamespace = best->namespaceName;
        }
    }

    struct ArgoApp {
        QString file;
        QString name;
        QString path;
        QString namespaceName;
        QStringList valueFiles;
    };

    Workspace &m_ws;
    QSet<QString> m_visitedFolders;
    QHash<QString, int> m_index;
    QList<ArgoApp> m_apps;
};

} // namespace

int conventionalEnvironmentRank(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"dev" || n == u"development" || n == u"local")
        return 0;
    if (n == u"test" || n == u"testing" || n == u"qa" || n == u"int" || n == u"integration")
        return 1;
    if (n == u"staging" || n == u"stage" || n == u"uat" || n == u"preprod" || n == u"pre-prod")
        return 2;
    if (n == u"prod" || n == u"production" || n == u"live")
        return 4;
    return 3;
}

Workspace Workspace::discover(const QString &rootPath)
{
    Workspace ws;
    const QFileInfo info(rootPath);
    ws.root = info.canonicalFilePath();
    if (ws.root.isEmpty() || !info.isDir()) {
        ws.root = QDir::cleanPath(info.absoluteFilePath());
        ws.diagnostics << problem(QString(), Severity::Error, QStringLiteral("workspace-missing"),
                                  QStringLiteral("'%1' is not a folder").arg(rootPath));
        return ws;
    }
    Discovery(ws).run();
    qCDebug(lcWorkspace) << "discovered" << ws.files.size() << "files," << ws.environments.size() << "environments in"
                         << ws.root;
    return ws;
}

const Environment *Workspace::environment(const QString &name) const
{
    for (const Environment &env : environments) {
        if (env.name == name)
            return &env;
    }
    return nullptr;
}

QString Workspace::unknownEnvironment(const QString &name) const
{
    QStringList names;
    for (const Environment &env : environments)
        names << env.name;
    return QStringLiteral("no environment '%1' in %2 (environments: %3)")
        .arg(name, root, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")));
}

const WorkspaceFile *Workspace::file(const QString &relativePath) const
{
    auto it = std::lower_bound(files.begin(), files.end(), relativePath,
                               [](const WorkspaceFile &f, const QString &path) { return f.path < path; });
    return it != files.end() && it->path == relativePath ? &*it : nullptr;
}

QList<WorkspaceFile> Workspace::filesOfKind(FileKind kind) const
{
    QList<WorkspaceFile> result;
    for (const WorkspaceFile &f : files) {
        if (f.kind == kind)
            result << f;
    }
    return result;
}

QString Workspace::absolutePath(const QString &relativePath) const
{
    return relativePath.isEmpty() ? root : root + u'/' + relativePath;
}

} // namespace studio
