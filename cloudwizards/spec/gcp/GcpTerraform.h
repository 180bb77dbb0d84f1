// SPDX-License-Identifier: MIT
#pragma once

#include "spec/TerraformConfiguration.h"
#include "spec/gcp/GcpAnswers.h"

namespace studio::cloud {

// The Google Cloud Terraform (google 7.x), one function per group of topic files.

/// versions.tf, network.tf (VPC, subnet with secondary ranges, Cloud NAT, private services access),
/// cluster.tf (regional GKE, node pools).
void addGcpFoundation(TerraformConfiguration &tf, const GcpAnswers &answers);
/// database.tf (Cloud SQL), cache.tf (Memorystore), storage.tf, cdn.tf (Cloud CDN), secrets.tf, outputs.tf.
void addGcpServices(TerraformConfiguration &tf, const GcpAnswers &answers);

} // namespace studio::cloud
