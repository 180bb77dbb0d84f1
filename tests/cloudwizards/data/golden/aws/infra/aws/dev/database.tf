# RDS for PostgreSQL: encrypted, master password kept in Secrets Manager, final snapshot on delete.
resource "aws_db_instance" "postgres" {
  identifier     = var.postgres_identifier
  engine         = "postgres"
  engine_version = var.postgres_engine_version
  instance_class = var.postgres_instance_class

  allocated_storage     = var.postgres_storage_gb
  max_allocated_storage = var.postgres_max_storage_gb
  storage_type          = "gp3"
  storage_encrypted     = true

  username                    = "app_admin"
  manage_master_user_password = true
  db_subnet_group_name        = module.vpc.database_subnet_group_name
  vpc_security_group_ids      = [aws_security_group.data.id]
  multi_az                    = var.postgres_multi_az

  backup_retention_period   = var.postgres_backup_retention_days
  backup_window             = "03:00-04:00"
  maintenance_window        = "sun:05:00-sun:06:00"
  deletion_protection       = var.postgres_deletion_protection
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.postgres_identifier}-final"
}

resource "aws_db_instance" "postgres_replica" {
  count                  = var.postgres_read_replicas
  identifier             = "${var.postgres_identifier}-replica-${count.index + 1}"
  replicate_source_db    = aws_db_instance.postgres.identifier
  instance_class         = var.postgres_instance_class
  storage_encrypted      = true
  vpc_security_group_ids = [aws_security_group.data.id]
  skip_final_snapshot    = true
}
