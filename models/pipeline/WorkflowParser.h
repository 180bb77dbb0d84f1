// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "pipeline/Workflow.h"

#include <QString>

namespace studio {

/// Reads one GitHub Actions workflow file with the studio's YAML parser (anchors and aliases
/// resolved). Jobs keep their `needs` as job keys; Pipeline turns them into ids. Problems are reported
/// the way GitHub words them, with file and line: "Job 'x' depends on unknown job 'y'", dependency
/// cycles, empty matrix vectors, missing `runs-on`.
class WorkflowParser
{
public:
    struct Parsed {
        Workflow workflow;
        Diagnostics diagnostics;
        bool valid = false; ///< false when the file is not YAML or has no `jobs` mapping
    };

    /// `file` is the path relative to the repository root, used in diagnostics and as the default name.
    static Parsed parse(const QString &file, const QString &source);
};

} // namespace studio
