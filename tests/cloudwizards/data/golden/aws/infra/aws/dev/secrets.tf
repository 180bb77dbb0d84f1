# Secrets Manager entries; their values are set outside Git (console, CLI or a pipeline).
resource "aws_secretsmanager_secret" "app" {
  for_each                = toset(var.secret_names)
  name                    = "${var.environment}/${each.value}"
  recovery_window_in_days = 7
}
