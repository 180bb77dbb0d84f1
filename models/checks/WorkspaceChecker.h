// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "schema/SchemaStore.h"
#include "workspace/Workspace.h"
#include "yaml/YamlDocument.h"

#include <QFuture>
#include <QHash>
#include <QMutex>

#include <memory>
#include <optional>

namespace studio {

struct CheckOptions {
    QString environment;         ///< only this environment (empty = all)
    QStringList schemaLocations; ///< overrides .deploy-studio.yaml's (empty = use the config's, or "default")
    QString cacheDir = SchemaStore::defaultCacheDir();
    bool offline = false;
};

/// Checks a workspace: YAML syntax of every YAML file, every manifest against its Kubernetes schema,
/// every environment's effective values against the chart's values.schema.json, and deployment lint
/// rules. The work is split into independent tasks (one per file, one per environment) that run in
/// parallel; results are sorted and deduplicated.
class WorkspaceChecker
{
public:
    WorkspaceChecker(Workspace workspace, CheckOptions options);
    ~WorkspaceChecker();

    const Workspace &workspace() const { return m_workspace; }
    int taskCount() const;
    /// Thread-safe.
    Diagnostics runTask(int index);

    /// Runs every task on the global thread pool; progress and cancellation through the future.
    QFuture<Diagnostics> start();
    /// Blocking form for the command line.
    Diagnostics run();

    /// Checks one file's unsaved text as the workspace check would: its YAML and schema findings, and
    /// those of every environment whose values include it (with this text in place of the file).
    /// Only findings about `file` are returned. Thread-safe; for live validation in the editor.
    Diagnostics checkDocument(const QString &file, const QString &text);

    /// The schema that applies at a line of a file's text, for completion and hover: the chart's
    /// values.schema.json for values files, the manifest's kind schema otherwise. Uses only schemas
    /// already loaded (safe on the GUI thread); null when none is known.
    CompiledSchemaPtr schemaAt(const QString &file, const QString &text, int line);

    /// A file's parsed text as a check last read it from disk (every values layer is read by the
    /// environment checks); nullopt when no check has read it. No disk access: safe on the GUI thread.
    std::optional<yaml::YamlDocument> lastParsed(const QString &file) const;

    /// Sorts and merges findings that several environments share.
    static Diagnostics finalize(Diagnostics diagnostics);

    /// Files an environment's check covers (its values, overlay and the bases the overlay uses).
    QStringList filesOfEnvironment(const Environment &env) const;

private:
    Diagnostics checkFile(const WorkspaceFile &file);
    Diagnostics checkText(const WorkspaceFile &file, const QString &text);
    Diagnostics checkParsed(const WorkspaceFile &file, const yaml::YamlDocument &document);
    /// `overrides`: file → parsed text to use instead of the file's content on disk.
    Diagnostics checkEnvironment(const Environment &env, const QHash<QString, yaml::YamlDocument> &overrides = {});
    CompiledSchemaPtr valuesSchema(const QString &chart, Diagnostics &out);
    /// The chart's values schema when a check has already loaded it; never reads the disk.
    CompiledSchemaPtr loadedValuesSchema(const QString &chart) const;
    std::optional<yaml::YamlDocument> parsedFile(const QString &file);

    Workspace m_workspace;
    CheckOptions m_options;
    std::unique_ptr<SchemaStore> m_schemas;
    QList<WorkspaceFile> m_files;
    QList<Environment> m_environments;
    mutable QMutex m_valuesSchemaMutex;
    QHash<QString, Result<CompiledSchemaPtr>> m_valuesSchemas;
    mutable QMutex m_parsedMutex;
    QHash<QString, std::pair<QString, yaml::YamlDocument>> m_parsed; ///< file → (size|mtime, parsed)
};

} // namespace studio
