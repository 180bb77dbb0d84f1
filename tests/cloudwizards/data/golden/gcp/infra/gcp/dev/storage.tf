# Cloud Storage bucket for assets.
resource "google_storage_bucket" "assets" {
  name                        = var.bucket_name
  location                    = upper(var.region)
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }
}
