// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "spec/azure/AzureAnswers.h"

namespace studio::cloud {

/// Every Azure rule the answers break (naming, VNet / pod / service ranges and the AKS reserved
/// ranges, zones, node counts, PostgreSQL HA and private access, Managed Redis).
Diagnostics validateAzureAnswers(const AzureAnswers &answers, const QString &file = {});

} // namespace studio::cloud
