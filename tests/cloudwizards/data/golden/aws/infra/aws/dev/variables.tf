# Inputs of this environment; their values are in terraform.tfvars.
variable "region" {
  description = "AWS region"
  type        = string
}

variable "environment" {
  description = "Environment name"
  type        = string
}

variable "cluster_name" {
  description = "EKS cluster name, also the VPC name"
  type        = string
}

variable "vpc_cidr" {
  description = "VPC address range"
  type        = string
}

variable "azs" {
  description = "Availability zones"
  type        = list(string)
}

variable "private_subnets" {
  description = "Private subnets, one per zone"
  type        = list(string)
}

variable "public_subnets" {
  description = "Public subnets, one per zone"
  type        = list(string)
}

variable "database_subnets" {
  description = "Database subnets, one per zone"
  type        = list(string)
}

variable "kubernetes_version" {
  description = "Kubernetes minor version"
  type        = string
}

variable "cluster_endpoint_public_access" {
  description = "Whether the API server is reachable from the internet"
  type        = bool
}

variable "service_cidr" {
  description = "Kubernetes service range"
  type        = string
}

variable "node_pools" {
  description = "Managed node groups by name"
  type        = map(object({ instance_type = string, min_size = number, desired_size = number, max_size = number, disk_size_gb = number, spot = bool }))
}

variable "postgres_identifier" {
  description = "RDS instance identifier"
  type        = string
}

variable "postgres_engine_version" {
  description = "PostgreSQL major version"
  type        = string
}

variable "postgres_instance_class" {
  description = "RDS instance class"
  type        = string
}

variable "postgres_storage_gb" {
  description = "Allocated storage in GB"
  type        = number
}

variable "postgres_max_storage_gb" {
  description = "Storage autoscaling limit in GB"
  type        = number
}

variable "postgres_multi_az" {
  description = "Synchronous standby in another zone"
  type        = bool
}

variable "postgres_backup_retention_days" {
  description = "Days of automated backups"
  type        = number
}

variable "postgres_deletion_protection" {
  description = "Refuse deletion"
  type        = bool
}

variable "postgres_read_replicas" {
  description = "Read replicas"
  type        = number
}

variable "redis_replication_group_id" {
  description = "ElastiCache replication group id"
  type        = string
}

variable "redis_engine" {
  description = "valkey or redis"
  type        = string
}

variable "redis_node_type" {
  description = "Cache node type"
  type        = string
}

variable "redis_nodes" {
  description = "Primary plus replicas"
  type        = number
}

variable "redis_automatic_failover" {
  description = "Promote a replica on failure"
  type        = bool
}

variable "redis_multi_az" {
  description = "Nodes in several zones"
  type        = bool
}

variable "search_domain_name" {
  description = "OpenSearch domain name"
  type        = string
}

variable "search_engine_version" {
  description = "OpenSearch engine version"
  type        = string
}

variable "search_instance_type" {
  description = "OpenSearch data node type"
  type        = string
}

variable "search_instance_count" {
  description = "OpenSearch data nodes"
  type        = number
}

variable "search_volume_gb" {
  description = "EBS volume per node in GB"
  type        = number
}

variable "bucket_name" {
  description = "S3 bucket name"
  type        = string
}

variable "secret_names" {
  description = "Secrets Manager secrets to create"
  type        = list(string)
}
