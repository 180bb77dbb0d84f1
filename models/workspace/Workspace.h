// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "workspace/Environment.h"
#include "workspace/StudioConfig.h"
#include "workspace/WorkspaceFile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

/// A GitOps repository as the studio understands it: its files and what each one is, the environments
/// in promotion order with their values layering, overlays and Argo CD Applications, and the problems
/// found on the way. Any folder works, Git or not; nothing found is fatal.
struct Workspace {
    QString root;                 ///< absolute, canonical
    QList<WorkspaceFile> files;   ///< sorted by path
    QList<Environment> environments;
    QStringList charts;           ///< Helm chart folders
    QStringList kustomizations;   ///< folders with a kustomization.yaml
    QStringList terraformFolders;
    StudioConfig config;
    Diagnostics diagnostics;      ///< discovery problems: unreadable files, links, bad config…

    /// Walks `rootPath` and classifies everything. Reads only small files it must understand
    /// (config, kustomizations, Argo CD Applications).
    static Workspace discover(const QString &rootPath);

    const Environment *environment(const QString &name) const;
    /// "no environment 'qa' in /repo (environments: dev, staging, prod)": the error for a name that is not one.
    QString unknownEnvironment(const QString &name) const;
    const WorkspaceFile *file(const QString &relativePath) const;
    QList<WorkspaceFile> filesOfKind(FileKind kind) const;
    QString absolutePath(const QString &relativePath) const;
};

/// Promotion rank of an environment name by convention: dev < test < staging < (others) < prod.
int conventionalEnvironmentRank(const QString &name);

} // namespace studio
