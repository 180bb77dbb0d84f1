# Key Vault with RBAC; secret values are set outside Git, Terraform only creates the entries.
resource "azurerm_key_vault" "main" {
  name                       = var.key_vault_name
  location                   = azurerm_resource_group.main.location
  resource_group_name        = azurerm_resource_group.main.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  enable_rbac_authorization  = true
  purge_protection_enabled   = false
  soft_delete_retention_days = 7
}

resource "azurerm_role_assignment" "secrets_officer" {
  scope                = azurerm_key_vault.main.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

resource "azurerm_key_vault_secret" "app" {
  for_each     = toset(var.secret_names)
  name         = each.value
  key_vault_id = azurerm_key_vault.main.id
  value        = "set-outside-terraform"

  lifecycle {
    ignore_changes = [value]
  }

  depends_on = [azurerm_role_assignment.secrets_officer]
}
