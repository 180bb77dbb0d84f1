# Memorystore for Redis through private services access, TLS and AUTH on.
resource "google_redis_instance" "main" {
  name                    = var.redis_name
  region                  = var.region
  tier                    = var.redis_tier
  memory_size_gb          = var.redis_memory_gb
  redis_version           = "REDIS_7_2"
  authorized_network      = google_compute_network.main.id
  connect_mode            = "PRIVATE_SERVICE_ACCESS"
  transit_encryption_mode = "SERVER_AUTHENTICATION"
  auth_enabled            = true

  depends_on = [google_service_networking_connection.private_services]
}
