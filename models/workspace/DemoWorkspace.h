// SPDX-License-Identifier: MIT
#pragma once

#include "core/Result.h"

#include <QString>

namespace studio {

/// The built-in TuneMantra demo: a GitOps repository with a realistic history (promotions, image
/// bumps, a resources change) and deliberate findings, so every view has something real to show.
/// Its template lives in the resources (":/demo/workspace", ":/demo/history").
class DemoWorkspace
{
public:
    /// Writes the demo into `directory` (which must not exist or be empty) as a Git repository on
    /// branch main, replaying its history, with a bare remote `<directory>.git` as origin.
    static Status create(const QString &directory);

    /// Number of commits the demo history has.
    static int historyLength();
};

} // namespace studio
