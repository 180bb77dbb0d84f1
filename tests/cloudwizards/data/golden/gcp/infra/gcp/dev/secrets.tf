# Secret Manager entries; their versions (values) are added outside Git.
resource "google_secret_manager_secret" "app" {
  for_each  = toset(var.secret_names)
  secret_id = "${var.environment}-${each.value}"

  replication {
    auto {}
  }
}
