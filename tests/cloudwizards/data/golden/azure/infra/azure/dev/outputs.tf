# What the add-ons and the application need to know.
output "resource_group" {
  description = "Resource group"
  value       = azurerm_resource_group.main.name
}

output "cluster_name" {
  description = "AKS cluster name"
  value       = azurerm_kubernetes_cluster.main.name
}

output "oidc_issuer_url" {
  description = "OIDC issuer for workload identity (external-dns, cert-manager)"
  value       = azurerm_kubernetes_cluster.main.oidc_issuer_url
}

output "postgres_fqdn" {
  description = "PostgreSQL host name"
  value       = azurerm_postgresql_flexible_server.main.fqdn
}

output "redis_hostname" {
  description = "Redis host name"
  value       = azurerm_managed_redis.main.hostname
}

output "storage_account" {
  description = "Storage account"
  value       = azurerm_storage_account.assets.name
}

output "key_vault_uri" {
  description = "Key Vault URI"
  value       = azurerm_key_vault.main.vault_uri
}
