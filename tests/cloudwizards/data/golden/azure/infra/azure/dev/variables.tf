# Inputs of this environment; their values are in terraform.tfvars.
variable "location" {
  description = "Azure region"
  type        = string
}

variable "environment" {
  description = "Environment name"
  type        = string
}

variable "zones" {
  description = "Availability zones"
  type        = list(string)
}

variable "cluster_name" {
  description = "AKS cluster name"
  type        = string
}

variable "resource_group_name" {
  description = "Resource group"
  type        = string
}

variable "vnet_cidr" {
  description = "VNet address space"
  type        = string
}

variable "node_subnet_cidr" {
  description = "AKS node subnet"
  type        = string
}

variable "database_subnet_cidr" {
  description = "Subnet delegated to PostgreSQL"
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version"
  type        = string
}

variable "aks_sku_tier" {
  description = "Free, Standard or Premium"
  type        = string
}

variable "system_node_pool" {
  description = "The system node pool"
  type        = object({ vm_size = string, min_nodes = number, desired_nodes = number, max_nodes = number, disk_size_gb = number, spot = bool })
}

variable "pod_cidr" {
  description = "Pod range (overlay)"
  type        = string
}

variable "service_cidr" {
  description = "Kubernetes service range"
  type        = string
}

variable "dns_service_ip" {
  description = "Cluster DNS address"
  type        = string
}

variable "outbound_type" {
  description = "loadBalancer or managedNATGateway"
  type        = string
}

variable "node_pools" {
  description = "User node pools by name"
  type        = map(object({ vm_size = string, min_nodes = number, desired_nodes = number, max_nodes = number, disk_size_gb = number, spot = bool }))
}

variable "postgres_server_name" {
  description = "Flexible Server name"
  type        = string
}

variable "postgres_version" {
  description = "PostgreSQL major version"
  type        = string
}

variable "postgres_sku_name" {
  description = "Flexible Server SKU"
  type        = string
}

variable "postgres_storage_mb" {
  description = "Storage in MB"
  type        = number
}

variable "postgres_backup_retention_days" {
  description = "Days of backups (7-35)"
  type        = number
}

variable "redis_name" {
  description = "Managed Redis name"
  type        = string
}

variable "redis_sku_name" {
  description = "Managed Redis SKU"
  type        = string
}

variable "redis_high_availability" {
  description = "A replica in another zone"
  type        = bool
}

variable "storage_account_name" {
  description = "Storage account name"
  type        = string
}

variable "key_vault_name" {
  description = "Key Vault name"
  type        = string
}

variable "secret_names" {
  description = "Key Vault secrets to create"
  type        = list(string)
}
