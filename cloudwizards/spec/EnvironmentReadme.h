// SPDX-License-Identifier: MIT
#pragma once

#include "spec/CloudProvider.h"
#include "spec/CostEstimate.h"
#include "spec/GeneratedFile.h"

namespace studio::cloud {

/// The short README.md of infra/<provider>/<env>/: what the files are, how to apply them, which
/// versions are pinned, and the monthly estimate.
QString environmentReadme(CloudProvider provider, const QString &environment, const QString &versionNote,
                          const GeneratedFiles &terraformFiles, const CostEstimate &cost);

/// "123.45" — two decimals, the format of every money figure the wizards print.
QString formatUsd(double usd);

} // namespace studio::cloud
