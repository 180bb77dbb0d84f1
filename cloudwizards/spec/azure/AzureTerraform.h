// SPDX-License-Identifier: MIT
#pragma once

#include "spec/TerraformConfiguration.h"
#include "spec/azure/AzureAnswers.h"

namespace studio::cloud {

// The Azure Terraform (azurerm 4.x), one function per group of topic files.

/// versions.tf, network.tf (resource group, VNet, subnets), cluster.tf (AKS + node pools).
void addAzureFoundation(TerraformConfiguration &tf, const AzureAnswers &answers);
/// database.tf (PostgreSQL Flexible Server), cache.tf (Managed Redis), storage.tf, cdn.tf (Front Door),
/// secrets.tf (Key Vault), outputs.tf.
void addAzureServices(TerraformConfiguration &tf, const AzureAnswers &answers);

} // namespace studio::cloud
