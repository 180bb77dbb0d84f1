// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/Pipeline.h"

#include <QString>

namespace studio {

/// The pipeline in Graphviz DOT: one cluster per workflow, jobs as boxes labelled with name, runner,
/// environment and matrix size, `needs` edges solid, `workflow_run` edges dashed, left to right.
class PipelineDot
{
public:
    static QString toDot(const Pipeline &pipeline);
    /// A DOT double-quoted string for `text`.
    static QString quoted(const QString &text);
};

} // namespace studio
