// SPDX-License-Identifier: MIT
// Shared by the check suites (tst_validation, tst_hostileinput): check options that read the real
// schemas from ../shared/schemas and never the network or the user's cache, and throwaway workspaces.
#pragma once

#include "TestFiles.h"

#include "checks/WorkspaceChecker.h"
#include "workspace/Workspace.h"

#include <QTemporaryDir>

namespace studio::test {

inline const QString kSharedDir = QStringLiteral(STUDIO_SHARED_DIR);
inline const QString kKubernetesSchemas = QStringLiteral(STUDIO_SHARED_DIR "/schemas/kubernetes");
inline const QString kCrdTemplate =
    QStringLiteral(STUDIO_SHARED_DIR "/schemas/crds/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json");
inline const QString kGoldenDir = QStringLiteral(STUDIO_TEST_DATA_DIR "/data/validation");

inline CheckOptions checkOptions(const QString &environment = QString())
{
    CheckOptions options;
    options.environment = environment;
    options.schemaLocations = {kKubernetesSchemas, kCrdTemplate};
    options.cacheDir.clear(); // never touch the user's cache
    options.offline = true;   // and never the network
    return options;
}

inline Diagnostics check(const QString &root, const QString &environment = QString())
{
    return WorkspaceChecker(Workspace::discover(root), checkOptions(environment)).run();
}

/// Writes the files into a fresh temporary workspace and checks it.
struct TempWorkspace {
    QTemporaryDir dir;
    QString root() const { return dir.path(); }
    bool add(const QString &path, const QByteArray &content) { return writeFile(dir.path(), path, content); }
    Diagnostics check() const { return test::check(dir.path()); }
};

inline const char *const kChart = "apiVersion: v2\nname: web\nversion: 0.1.0\n";

} // namespace studio::test
