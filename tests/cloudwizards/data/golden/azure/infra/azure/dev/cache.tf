# Azure Managed Redis (Azure Cache for Redis is retiring), reached through a private endpoint.
resource "azurerm_managed_redis" "main" {
  name                      = var.redis_name
  location                  = azurerm_resource_group.main.location
  resource_group_name       = azurerm_resource_group.main.name
  sku_name                  = var.redis_sku_name
  high_availability_enabled = var.redis_high_availability
  public_network_access     = "Disabled"

  default_database {
    client_protocol = "Encrypted"
    eviction_policy = "VolatileLRU"
  }
}

resource "azurerm_private_endpoint" "redis" {
  name                = "pe-${var.redis_name}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  subnet_id           = azurerm_subnet.nodes.id

  private_service_connection {
    name                           = "redis"
    private_connection_resource_id = azurerm_managed_redis.main.id
    subresource_names              = ["redisEnterprise"]
    is_manual_connection           = false
  }
}
