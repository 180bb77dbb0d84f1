// SPDX-License-Identifier: MIT
#pragma once

// Provider and module versions the generators pin, in sets known to work together
// (../shared/reference/cloud-wizards.md, "Version pins"). Change a set as a whole, never one pin:
// the EKS module v20 needs aws >= 5.95 and < 6.0, and the VPC module v6 needs aws >= 6.28.

namespace studio::cloud::pins {

inline constexpr const char *kTerraform = ">= 1.5.7";

inline constexpr const char *kAwsProvider = ">= 5.95, < 6.0.0";
inline constexpr const char *kAwsEksModule = "20.37.2";
inline constexpr const char *kAwsVpcModule = "5.21.0";

inline constexpr const char *kAzurermProvider = "~> 4.69";
inline constexpr const char *kGoogleProvider = "~> 7.31";

} // namespace studio::cloud::pins
