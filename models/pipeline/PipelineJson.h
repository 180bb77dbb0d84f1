// SPDX-License-Identifier: MIT
#pragma once

#include "pipeline/Pipeline.h"

#include <QJsonObject>

namespace studio {

/// The stable JSON form of a Pipeline (documented in the README's CLI section): workflows, jobs with
/// ids, needs/workflow_run edges, the environments lane and diagnostics.
class PipelineJson
{
public:
    static QJsonObject toJson(const Pipeline &pipeline);
};

} // namespace studio
