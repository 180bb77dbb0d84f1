// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "git/GitTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace studio {

struct Environment;
struct Workspace;

/// One commit of an environment's history.
struct HistoryEntry {
    GitCommitInfo commit;
    bool isPromotion = false;  ///< a promotion into this environment (by the studio or by hand)
    QString promotedFrom;      ///< "staging@1a2b3c4" from the Promoted-From trailer, when there is one
};

/// The commits that changed an environment's files (values, overlay, Argo CD Application), newest
/// first, with promotions marked.
class EnvironmentHistory
{
public:
    static Result<QList<HistoryEntry>> load(const Workspace &workspace, const QString &environment, int maxCount = 500);
    /// The files and folders whose changes belong to the environment.
    static QStringList pathsOf(const Environment &environment);
};

} // namespace studio
