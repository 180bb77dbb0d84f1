# Version set "v20": EKS module 20.37.2, VPC module 5.21.0, aws provider >= 5.95, < 6.0.0 (EKS v20 does not work with aws 6.x).
terraform {
  required_version = ">= 1.5.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.95, < 6.0.0"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}

# CloudFront accepts ACM certificates only from us-east-1.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}
