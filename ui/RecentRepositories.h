// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace studio {

/// The repositories a user opened, most recent first, kept in QSettings.
class RecentRepositories
{
public:
    static constexpr int kMaximum = 10;

    static QStringList list();
    static void add(const QString &path);
    static void remove(const QString &path);
};

} // namespace studio
