// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/Pipeline.h"
#include "pipeline/PipelineLayout.h"

#include <QString>

namespace studio {

/// A standalone SVG picture of the pipeline for the CLI (no GUI needed): the laid-out job cards with
/// their curves and arrow heads, and the environment lane with each Argo CD Application's sync policy.
class PipelineSvg
{
public:
    static QString toSvg(const Pipeline &pipeline, const PipelineLayout &layout);
};

} // namespace studio
