// SPDX-License-Identifier: MIT
#pragma once

#include "metrics/Dashboard.h"

#include <QList>
#include <QString>

namespace studio {

/// The dashboards a repository ships in `monitoring/dashboards/`: the studio's YAML files first,
/// then imported Grafana JSON files, each sorted by file name. Reads the disk: call off the GUI thread.
namespace DashboardCatalog {

inline constexpr auto kFolder = "monitoring/dashboards";

QList<Dashboard> load(const QString &workspaceRoot);
/// One file, by its extension (.yaml/.yml or .json); `relativePath` names it in diagnostics.
Dashboard loadFile(const QString &absolutePath, const QString &relativePath);

} // namespace DashboardCatalog

} // namespace studio
