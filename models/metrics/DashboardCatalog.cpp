// SPDX-License-Identifier: MIT
#include "metrics/DashboardCatalog.h"

#include "metrics/DashboardYaml.h"
#include "metrics/GrafanaDashboard.h"

#include <QDir>
#include <QFile>

namespace studio::DashboardCatalog {

Dashboard loadFile(const QString &absolutePath, const QString &relativePath)
{
    QFile file(absolutePath);
    if (!file.open(QIODevice::ReadOnly)) {
        Dashboard dashboard;
        dashboard.file = relativePath;
        dashboard.diagnostics << Diagnostic{relativePath, 0, 0, 0, 0, Severity::Error, QStringLiteral("dashboard"), {},
                                            QStringLiteral("cannot read the dashboard: %1").arg(file.errorString()), {}};
        return dashboard;
    }
    const QByteArray bytes = file.readAll();
    if (absolutePath.endsWith(u".json", Qt::CaseInsensitive))
        return GrafanaDashboard::import(bytes, relativePath);
    return DashboardYaml::parse(QString::fromUtf8(bytes), relativePath);
}

QList<Dashboard> load(const QString &workspaceRoot)
{
    const QString folder = QString::fromLatin1(kFolder);
    const QDir dir(QDir(workspaceRoot).filePath(folder));
    QList<Dashboard> dashboards;
    for (const QStringList &patterns : {QStringList{QStringLiteral("*.yaml"), QStringLiteral("*.yml")},
                                        QStringList{QStringLiteral("*.json")}}) {
        for (const QString &name : dir.entryList(patterns, QDir::Files, QDir::Name))
            dashboards << loadFile(dir.filePath(name), folder + QLatin1Char('/') + name);
    }
    return dashboards;
}

} // namespace studio::DashboardCatalog
