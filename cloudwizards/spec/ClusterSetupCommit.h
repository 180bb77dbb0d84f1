// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"
#include "spec/CloudSetup.h"

namespace studio::cloud {

/// Where a finished wizard's output went.
struct ClusterSetupCommit {
    QString branch; ///< "setup/aws-prod"
    QString commit; ///< full id
};

/// Writes a setup's files into the Git repository at `repoRoot` and commits them on a new branch
/// `setup/<provider>-<env>` made from HEAD (checked out afterwards), through the project's Git layer.
/// Refuses when the branch exists or the answers are invalid; blocking, so run it off the GUI thread.
Result<ClusterSetupCommit> commitClusterSetup(const QString &repoRoot, const CloudSetup &setup);

} // namespace studio::cloud
