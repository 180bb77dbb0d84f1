// SPDX-License-Identifier: MIT
#pragma once

#include "spec/TerraformConfiguration.h"
#include "spec/aws/AwsAnswers.h"

namespace studio::cloud {

// The AWS Terraform, one function per group of topic files.

/// versions.tf, network.tf (VPC module, data security group), cluster.tf (EKS module, node groups).
void addAwsFoundation(TerraformConfiguration &tf, const AwsAnswers &answers);
/// database.tf (RDS PostgreSQL + replicas), cache.tf (ElastiCache), search.tf (OpenSearch).
void addAwsDataServices(TerraformConfiguration &tf, const AwsAnswers &answers);
/// storage.tf (S3), cdn.tf (CloudFront + ACM in us-east-1), secrets.tf, outputs.tf.
void addAwsEdge(TerraformConfiguration &tf, const AwsAnswers &answers);

} // namespace studio::cloud
