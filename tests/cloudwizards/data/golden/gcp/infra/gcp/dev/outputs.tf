# What the add-ons and the application need to know.
output "cluster_name" {
  description = "GKE cluster name"
  value       = google_container_cluster.main.name
}

output "cluster_endpoint" {
  description = "Kubernetes API server"
  value       = google_container_cluster.main.endpoint
  sensitive   = true
}

output "postgres_private_ip" {
  description = "PostgreSQL private address"
  value       = google_sql_database_instance.main.private_ip_address
}

output "redis_host" {
  description = "Redis address"
  value       = google_redis_instance.main.host
}

output "bucket_name" {
  description = "Assets bucket"
  value       = google_storage_bucket.assets.name
}
