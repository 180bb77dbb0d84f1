// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "spec/aws/AwsAnswers.h"

namespace studio::cloud {

/// Every AWS rule the answers break (naming, networks, zones, node counts, RDS / ElastiCache /
/// OpenSearch constraints); `file` names the answers file in the diagnostics.
Diagnostics validateAwsAnswers(const AwsAnswers &answers, const QString &file = {});

} // namespace studio::cloud
