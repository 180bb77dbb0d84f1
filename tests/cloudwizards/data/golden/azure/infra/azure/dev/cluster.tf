# AKS with Azure CNI overlay and Cilium; the first node pool is the system pool.
resource "azurerm_kubernetes_cluster" "main" {
  name                      = var.cluster_name
  location                  = azurerm_resource_group.main.location
  resource_group_name       = azurerm_resource_group.main.name
  dns_prefix                = var.cluster_name
  kubernetes_version        = var.kubernetes_version
  sku_tier                  = var.aks_sku_tier
  oidc_issuer_enabled       = true
  workload_identity_enabled = true

  default_node_pool {
    name                         = "system"
    vm_size                      = var.system_node_pool.vm_size
    auto_scaling_enabled         = true
    min_count                    = var.system_node_pool.min_nodes
    node_count                   = var.system_node_pool.desired_nodes
    max_count                    = var.system_node_pool.max_nodes
    os_disk_size_gb              = var.system_node_pool.disk_size_gb
    zones                        = var.zones
    vnet_subnet_id               = azurerm_subnet.nodes.id
    only_critical_addons_enabled = true
    temporary_name_for_rotation  = "rotation"
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_policy      = "cilium"
    network_data_plane  = "cilium"
    pod_cidr            = var.pod_cidr
    service_cidr        = var.service_cidr
    dns_service_ip      = var.dns_service_ip
    outbound_type       = var.outbound_type
  }

  lifecycle {
    ignore_changes = [default_node_pool[0].node_count]
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  for_each              = var.node_pools
  name                  = each.key
  kubernetes_cluster_id = azurerm_kubernetes_cluster.main.id
  vm_size               = each.value.vm_size
  auto_scaling_enabled  = true
  min_count             = each.value.min_nodes
  node_count            = each.value.desired_nodes
  max_count             = each.value.max_nodes
  os_disk_size_gb       = each.value.disk_size_gb
  priority              = each.value.spot ? "Spot" : "Regular"
  eviction_policy       = each.value.spot ? "Delete" : null
  zones                 = var.zones
  vnet_subnet_id        = azurerm_subnet.nodes.id

  lifecycle {
    ignore_changes = [node_count]
  }
}
