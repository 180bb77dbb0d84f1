// SPDX-License-Identifier: MIT
#include "checks/WorkspaceChecker.h"

#include "checks/DeploymentLint.h"
#include "schema/SchemaAssist.h"
#include "schema/SchemaValidator.h"
#include "values/EffectiveValues.h"
#include "workspace/TextFile.h"
#include "yaml/YamlDocument.h"
#include "yaml/YamlJson.h"

#include <QtConcurrent/QtConcurrentMap>

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace studio {

using yaml::YamlDocument;
using yaml::YamlNode;

namespace {

Diagnostic makeDiagnostic(const QString &file, int line, int column, Severity severity, const QString &rule,
                          const QString &message)
{
    Diagnostic d;
    d.file = file;
    d.line = line;
    d.column = column;
    d.severity = severity;
    d.rule = rule;
    d.message = message;
    return d;
}

/// Which files get which checks.
bool isSchemaChecked(FileKind kind)
{
    return kind == FileKind::Manifest || kind == FileKind::ArgoApplication;
}

bool isSyntaxChecked(const WorkspaceFile &file)
{
    switch (file.kind) {
    case FileKind::HelmTemplate: // Go templates, not YAML
    case FileKind::StudioConfig: // checked by discovery
    case FileKind::Terraform:
    case FileKind::Dashboard:
    case FileKind::HelmValuesSchema:
    case FileKind::Other:
        return false;
    default:
        return file.isYaml() || file.kind == FileKind::HelmChart || file.kind == FileKind::Kustomization;
    }
}

/// The position to report for a violation: the offending key for unknown fields, otherwise the value.
yaml::Position locate(const YamlNode *root, const SchemaViolation &v)
{
    const YamlNode *node = yaml::nodeAtPath(root, v.path);
    if (node && v.kind == SchemaViolation::Kind::UnknownField) {
        for (const yaml::YamlPair &p : node->resolved()->pairs) {
            if (p.key->isScalar() && p.key->scalar() == v.property)
                return p.key->span.start;
        }
    }
    // Missing fields and values inside merged/aliased content: fall back to the nearest ancestor written here.
    QStringList path = v.path;
    while (!node && !path.isEmpty()) {
        path.removeLast();
        node = yaml::nodeAtPath(root, path);
    }
    return node ? node->span.start : root->span.start;
}

ValueOrigin locate(const ValueNode &root, const SchemaViolation &v)
{
    QStringList path = v.path;
    if (v.kind == SchemaViolation::Kind::UnknownField)
        path << v.property;
    const ValueNode *node = root.at(path);
    while (!node && !path.isEmpty()) {
        path.removeLast();
        node = root.at(path);
    }
    return node ? node->origin : root.origin;
}

} // namespace

WorkspaceChecker::WorkspaceChecker(Workspace workspace, CheckOptions options)
    : m_workspace(std::move(workspace))
    , m_options(std::move(options))
{
    SchemaStore::Options schemaOptions;
    schemaOptions.locations = m_options.schemaLocations.isEmpty() ? m_workspace.config.schemaLocations
                                                                   : m_options.schemaLocations;
    schemaOptions.kubernetesVersion = m_workspace.config.kubernetesVersion;
    schemaOptions.baseDir = m_options.schemaLocations.isEmpty() ? m_workspace.root : QDir::currentPath();
    schemaOptions.cacheDir = m_options.cacheDir;
    schemaOptions.offline = m_options.offline;
    m_schemas = std::make_unique<SchemaStore>(schemaOptions);

    if (m_options.environment.isEmpty()) {
        m_environments = m_workspace.environments;
        for (const WorkspaceFile &f : std::as_const(m_workspace.files)) {
            if (isSyntaxChecked(f))
                m_files << f;
        }
    } else if (const Environment *env = m_workspace.environment(m_options.environment)) {
        m_environments << *env;
        const QStringList files = filesOfEnvironment(*env);
        for (const WorkspaceFile &f : std::as_const(m_workspace.files)) {
            if (isSyntaxChecked(f) && files.contains(f.path))
                m_files << f;
        }
    }
}

WorkspaceChecker::~WorkspaceChecker() = default;

QStringList WorkspaceChecker::filesOfEnvironment(const Environment &env) const
{
    QStringList result = env.files();
    if (env.kustomizeOverlay.isEmpty())
        return result;
    QStringList folders{env.kustomizeOverlay};
    // Bases the overlay pulls in with "resources: [../../base]".
    const Result<QString> text = TextFile::read(m_workspace.absolutePath(env.kustomizationFile));
    if (text) {
        const YamlDocument doc = YamlDocument::parse(*text);
        if (!doc.documents().empty()) {
            if (const YamlNode *resources = doc.documents().front()->value(u"resources");
                resources && resources->isSequence()) {
                for (const YamlNode *r : resources->resolved()->items) {
                    const QString folder = QDir::cleanPath(env.kustomizeOverlay + u'/' + r->scalar());
                    if (!folder.startsWith(u"..") && m_workspace.kustomizations.contains(folder))
                        folders << folder;
                }
            }
        }
    }
    for (const WorkspaceFile &f : m_workspace.files) {
        for (const QString &folder : std::as_const(folders)) {
            if (f.path.startsWith(folder + u'/'))
                result << f.path;
        }
    }
    result.removeDuplicates();
    return result;
}

int WorkspaceChecker::taskCount() const
{
    return int(m_files.size() + m_environments.size());
}

Diagnostics WorkspaceChecker::runTask(int index)
{
    if (index < m_files.size())
        return checkFile(m_files.at(index));
    return checkEnvironment(m_environments.at(index - m_files.size()));
}

Diagnostics WorkspaceChecker::checkFile(const WorkspaceFile &file)
{
    Diagnostics out;
    const Result<QString> text = TextFile::read(m_workspace.absolutePath(file.path));
    if (!text) {
        out << makeDiagnostic(file.path, 0, 0, Severity::Error, QStringLiteral("file-unreadable"), text.errorMessage());
        return out;
    }
    return checkText(file, text.value());
}

Diagnostics WorkspaceChecker::checkText(const WorkspaceFile &file, const QString &text)
{
    return checkParsed(file, YamlDocument::parse(text));
}

Diagnostics WorkspaceChecker::checkParsed(const WorkspaceFile &file, const YamlDocument &doc)
{
    Diagnostics out;
    for (Diagnostic d : doc.diagnostics()) {
        d.file = file.path;
        out << d;
    }
    if (!isSchemaChecked(file.kind))
        return out;

    for (const YamlNode *root : doc.documents()) {
        if (root->isNull())
            continue;
        if (!root->isMapping()) {
            out << makeDiagnostic(file.path, root->span.start.line, root->span.start.column, Severity::Warning,
                                  QStringLiteral("manifest-shape"),
                                  QStringLiteral("this document is not a mapping, so it is not a Kubernetes "
                                                 "manifest; Kubernetes would reject it"));
            continue;
        }
        const YamlNode *apiVersion = root->value(u"apiVersion");
        const YamlNode *kind = root->value(u"kind");
        if (!apiVersion && !kind)
            continue; // plain YAML (e.g. an app config), not a manifest
        if (!apiVersion || !kind || !apiVersion->isScalar() || !kind->isScalar()) {
            out << makeDiagnostic(file.path, root->span.start.line, root->span.start.column, Severity::Error,
                                  QStringLiteral("manifest-shape"),
                                  QStringLiteral("a manifest needs both 'apiVersion' and 'kind' as text; this "
                                                 "document has %1")
                                      .arg(kind ? QStringLiteral("no apiVersion") : QStringLiteral("no kind")));
            continue;
        }
        const ResourceType type{apiVersion->scalar(), kind->scalar()};
        const SchemaStore::Lookup lookup = m_schemas->lookup(type);
        if (!lookup.schema) {
            const QString reason = lookup.error.isEmpty() ? QStringLiteral("no schema found for %1").arg(type.displayName())
                                                          : lookup.error;
            out << makeDiagnostic(file.path, kind->span.start.line, kind->span.start.column, Severity::Warning,
                                  QStringLiteral("schema-missing"),
                                  QStringLiteral("%1, so it is not validated; add a schema location that has it "
                                                 "(--schema-location or 'schemas.locations' in "
                                                 ".deploy-studio.yaml; tried %2)")
                                      .arg(reason)
                                      .arg(lookup.tried.size() == 1 ? lookup.tried.front()
                                                                    : QStringLiteral("%1 places").arg(lookup.tried.size())));
        } else {
            const Result<QJsonValue> json = yaml::toJson(root);
            if (!json) {
                out << makeDiagnostic(file.path, root->span.start.line, root->span.start.column, Severity::Error,
                                      QStringLiteral("yaml-aliases"), json.errorMessage());
                continue;
            }
            for (const SchemaViolation &v : SchemaValidator::validate(*lookup.schema, *json)) {
                const yaml::Position at = locate(root, v);
                Diagnostic d = makeDiagnostic(file.path, at.line, at.column, Severity::Error, QStringLiteral("schema"),
                                              v.message);
                d.jsonPath = yaml::formatPath(v.kind == SchemaViolation::Kind::UnknownField
                                                  ? v.path + QStringList{v.property}
                                                  : v.path);
                out << d;
            }
        }
        out << DeploymentLint::lintManifest(root, file.path);
    }
    return out;
}

CompiledSchemaPtr WorkspaceChecker::valuesSchema(const QString &chart, Diagnostics &out)
{
    const QString path = chart.isEmpty() ? QStringLiteral("values.schema.json") : chart + QStringLiteral("/values.schema.json");
    if (!m_workspace.file(path))
        return {};
    QMutexLocker lock(&m_valuesSchemaMutex);
    auto it = m_valuesSchemas.find(path);
    if (it == m_valuesSchemas.end())
        it = m_valuesSchemas.insert(path, CompiledSchema::load(m_workspace.absolutePath(path)));
    if (!it.value()) {
        out << makeDiagnostic(path, 0, 0, Severity::Error, QStringLiteral("schema-invalid"), it.value().errorMessage());
        return {};
    }
    return it.value().value();
}

CompiledSchemaPtr WorkspaceChecker::loadedValuesSchema(const QString &chart) const
{
    const QString path = chart.isEmpty() ? QStringLiteral("values.schema.json") : chart + QStringLiteral("/values.schema.json");
    QMutexLocker lock(&m_valuesSchemaMutex);
    const auto it = m_valuesSchemas.constFind(path);
    return it != m_valuesSchemas.constEnd() && it.value() ? it.value().value() : CompiledSchemaPtr();
}

CompiledSchemaPtr WorkspaceChecker::schemaAt(const QString &file, const QString &text, int line)
{
    const WorkspaceFile *known = m_workspace.file(file);
    if (known && known->kind == FileKind::HelmValues) {
        const qsizetype slash = file.lastIndexOf(u'/');
        return loadedValuesSchema(slash < 0 ? QString() : file.left(slash));
    }
    if (const std::optional<ResourceType> type = SchemaAssist::resourceTypeAt(text, line))
        return m_schemas->cached(*type);
    return {};
}

std::optional<YamlDocument> WorkspaceChecker::lastParsed(const QString &file) const
{
    QMutexLocker lock(&m_parsedMutex);
    const auto it = m_parsed.constFind(file);
    return it != m_parsed.constEnd() ? std::optional<YamlDocument>(it->second) : std::nullopt;
}

std::optional<YamlDocument> WorkspaceChecker::parsedFile(const QString &file)
{
    // Live validation re-checks an environment on every pause in typing; its other layers rarely
    // change, so they are parsed once per version on disk.
    const QFileInfo info(m_workspace.absolutePath(file));
    const QString stamp = QStringLiteral("%1|%2").arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
    {
        QMutexLocker lock(&m_parsedMutex);
        const auto it = m_parsed.constFind(file);
        if (it != m_parsed.constEnd() && it->first == stamp)
            return it->second;
    }
    const Result<QString> text = TextFile::read(info.filePath());
    if (!text)
        return std::nullopt;
    YamlDocument doc = YamlDocument::parse(text.value());
    QMutexLocker lock(&m_parsedMutex);
    m_parsed.insert(file, {stamp, doc});
    return doc;
}

Diagnostics WorkspaceChecker::checkDocument(const QString &file, const QString &text)
{
    Diagnostics out;
    const WorkspaceFile *known = m_workspace.file(file);
    const WorkspaceFile entry = known ? *known : WorkspaceFile{file, FileKind::Manifest};
    const YamlDocument doc = YamlDocument::parse(text); // once, for the file and its environments
    if (isSyntaxChecked(entry))
        out << checkParsed(entry, doc);
    for (const Environment &env : std::as_const(m_workspace.environments)) {
        if (!env.valuesFiles.contains(file))
            continue;
        for (const Diagnostic &d : checkEnvironment(env, {{file, doc}})) {
            if (d.file == file)
                out << d;
        }
    }
    return finalize(out);
}

Diagnostics WorkspaceChecker::checkEnvironment(const Environment &env, const QHash<QString, YamlDocument> &overrides)
{
    Diagnostics out;
    if (env.valuesFiles.isEmpty())
        return out;
    QList<ValuesLayer> layers;
    for (const QString &file : env.valuesFiles) {
        if (overrides.contains(file)) {
            layers << ValuesLayer{file, overrides.value(file)};
            continue;
        }
        const std::optional<YamlDocument> parsed = parsedFile(file);
        if (!parsed)
            continue; // reported by the file's own check
        layers << ValuesLayer{file, *parsed};
    }
    const EffectiveValues values = EffectiveValues::merge(layers);
    for (Diagnostic d : values.diagnostics()) {
        d.environment = env.name;
        out << d;
    }
    if (const CompiledSchemaPtr schema = valuesSchema(env.chart, out)) {
        for (const SchemaViolation &v : SchemaValidator::validate(*schema, values.root().toJson())) {
            const ValueOrigin origin = locate(values.root(), v);
            Diagnostic d = makeDiagnostic(origin.file, origin.line, origin.column, Severity::Error,
                                          QStringLiteral("values-schema"), v.message);
            d.jsonPath = yaml::formatPath(v.kind == SchemaViolation::Kind::UnknownField ? v.path + QStringList{v.property}
                                                                                         : v.path);
            d.environment = env.name;
            out << d;
        }
    }
    out << DeploymentLint::lintValues(values.root(), env.name);
    return out;
}

QFuture<Diagnostics> WorkspaceChecker::start()
{
    QList<int> tasks(taskCount());
    std::iota(tasks.begin(), tasks.end(), 0);
    return QtConcurrent::mappedReduced<Diagnostics>(
        tasks, [this](int index) { return runTask(index); },
        [](Diagnostics &all, const Diagnostics &part) { all += part; }, QtConcurrent::UnorderedReduce);
}

Diagnostics WorkspaceChecker::run()
{
    QFuture<Diagnostics> future = start();
    future.waitForFinished();
    Diagnostics all = m_workspace.diagnostics;
    if (!m_options.environment.isEmpty()) {
        // Discovery problems that concern the environment's files only.
        const QStringList files = m_workspace.environment(m_options.environment)
            ? filesOfEnvironment(*m_workspace.environment(m_options.environment))
            : QStringList();
        all.removeIf([&files](const Diagnostic &d) { return !d.file.isEmpty() && !files.contains(d.file) && d.rule != u"studio-config"; });
    }
    all += future.result();
    return finalize(all);
}

Diagnostics WorkspaceChecker::finalize(Diagnostics diagnostics)
{
    std::sort(diagnostics.begin(), diagnostics.end(), diagnosticLessThan);
    // The same finding from several environments (a bad default in values.yaml) is reported once.
    Diagnostics merged;
    for (const Diagnostic &d : std::as_const(diagnostics)) {
        if (!merged.isEmpty()) {
            Diagnostic &last = merged.last();
            if (last.file == d.file && last.line == d.line && last.column == d.column && last.rule == d.rule
                && last.message == d.message) {
                if (!d.environment.isEmpty() && !last.environment.split(QStringLiteral(", ")).contains(d.environment))
                    last.environment += (last.environment.isEmpty() ? QString() : QStringLiteral(", ")) + d.environment;
                continue;
            }
        }
        merged << d;
    }
    return merged;
}

} // namespace studio
