# Cloud SQL for PostgreSQL on a private IP.
resource "google_sql_database_instance" "main" {
  name                = var.postgres_instance_name
  region              = var.region
  database_version    = var.postgres_database_version
  deletion_protection = var.postgres_deletion_protection

  settings {
    tier                        = var.postgres_tier
    edition                     = "ENTERPRISE"
    availability_type           = var.postgres_availability_type
    disk_size                   = var.postgres_disk_gb
    disk_autoresize             = true
    deletion_protection_enabled = var.postgres_deletion_protection

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = false
      transaction_log_retention_days = 7

      backup_retention_settings {
        retained_backups = 7
        retention_unit   = "COUNT"
      }
    }
  }

  depends_on = [google_service_networking_connection.private_services]
}
