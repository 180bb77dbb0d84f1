# Regional GKE cluster (control plane replicated across zones) with separately managed node pools.
resource "google_container_cluster" "main" {
  name                     = var.cluster_name
  location                 = var.region
  node_locations           = var.zones
  network                  = google_compute_network.main.id
  subnetwork               = google_compute_subnetwork.nodes.id
  min_master_version       = var.kubernetes_version
  remove_default_node_pool = true
  initial_node_count       = 1
  # Stated explicitly: the provider's default would make `terraform destroy` fail.
  deletion_protection = false

  release_channel {
    channel = var.release_channel
  }

  ip_allocation_policy {
    cluster_secondary_range_name  = var.pods_range_name
    services_secondary_range_name = var.services_range_name
  }

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
}

resource "google_container_node_pool" "pools" {
  for_each           = var.node_pools
  name               = each.key
  cluster            = google_container_cluster.main.id
  location           = var.region
  initial_node_count = each.value.desired_nodes

  autoscaling {
    min_node_count  = each.value.min_nodes
    max_node_count  = each.value.max_nodes
    location_policy = "BALANCED"
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type = each.value.machine_type
    disk_size_gb = each.value.disk_size_gb
    spot         = each.value.spot
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]

    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }

  lifecycle {
    ignore_changes = [initial_node_count]
  }
}
