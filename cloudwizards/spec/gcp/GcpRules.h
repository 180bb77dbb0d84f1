// SPDX-License-Identifier: MIT
#pragma once

#include "core/Diagnostic.h"
#include "spec/gcp/GcpAnswers.h"

namespace studio::cloud {

/// Every Google Cloud rule the answers break (naming, subnet and secondary ranges, pod range size,
/// zones, node counts, Cloud SQL REGIONAL backups and PITR, Memorystore tiers).
Diagnostics validateGcpAnswers(const GcpAnswers &answers, const QString &file = {});

} // namespace studio::cloud
