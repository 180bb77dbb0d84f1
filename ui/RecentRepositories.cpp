// SPDX-License-Identifier: MIT
#include "RecentRepositories.h"

#include <QDir>
#include <QSettings>

namespace studio {

namespace {
const QString kKey = QStringLiteral("recentRepositories");
}

QStringList RecentRepositories::list()
{
    return QSettings().value(kKey).toStringList();
}

void RecentRepositories::add(const QString &path)
{
    const QString clean = QDir::cleanPath(path);
    QStringList paths = list();
    paths.removeAll(clean);
    paths.prepend(clean);
    while (paths.size() > kMaximum)
        paths.removeLast();
    QSettings().setValue(kKey, paths);
}

void RecentRepositories::remove(const QString &path)
{
    QStringList paths = list();
    paths.removeAll(QDir::cleanPath(path));
    QSettings().setValue(kKey, paths);
}

} // namespace studio
