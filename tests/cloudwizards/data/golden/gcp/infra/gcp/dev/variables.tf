# Inputs of this environment; their values are in terraform.tfvars.
variable "project_id" {
  description = "Google Cloud project"
  type        = string
}

variable "region" {
  description = "Region"
  type        = string
}

variable "zones" {
  description = "Zones of the node pools"
  type        = list(string)
}

variable "environment" {
  description = "Environment name"
  type        = string
}

variable "cluster_name" {
  description = "GKE cluster name"
  type        = string
}

variable "subnet_cidr" {
  description = "Node subnet"
  type        = string
}

variable "pods_range_name" {
  description = "Secondary range name for pods"
  type        = string
}

variable "pods_cidr" {
  description = "Pod range"
  type        = string
}

variable "services_range_name" {
  description = "Secondary range name for services"
  type        = string
}

variable "services_cidr" {
  description = "Service range"
  type        = string
}

variable "private_services_cidr" {
  description = "Range for Cloud SQL and Memorystore"
  type        = string
}

variable "kubernetes_version" {
  description = "Minimum Kubernetes version"
  type        = string
}

variable "release_channel" {
  description = "GKE release channel"
  type        = string
}

variable "node_pools" {
  description = "Node pools by name; node counts are per zone"
  type        = map(object({ machine_type = string, min_nodes = number, desired_nodes = number, max_nodes = number, disk_size_gb = number, spot = bool }))
}

variable "postgres_instance_name" {
  description = "Cloud SQL instance name"
  type        = string
}

variable "postgres_database_version" {
  description = "e.g. POSTGRES_16"
  type        = string
}

variable "postgres_deletion_protection" {
  description = "Refuse deletion"
  type        = bool
}

variable "postgres_tier" {
  description = "Machine tier"
  type        = string
}

variable "postgres_availability_type" {
  description = "ZONAL or REGIONAL"
  type        = string
}

variable "postgres_disk_gb" {
  description = "Disk size in GB"
  type        = number
}

variable "redis_name" {
  description = "Memorystore instance name"
  type        = string
}

variable "redis_tier" {
  description = "BASIC or STANDARD_HA"
  type        = string
}

variable "redis_memory_gb" {
  description = "Memory in GB"
  type        = number
}

variable "bucket_name" {
  description = "Bucket name"
  type        = string
}

variable "secret_names" {
  description = "Secret Manager secrets to create"
  type        = list(string)
}
