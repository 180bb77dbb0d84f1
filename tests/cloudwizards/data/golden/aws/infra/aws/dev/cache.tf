# ElastiCache replication group, encrypted at rest and in transit.
resource "aws_elasticache_subnet_group" "cache" {
  name       = "${var.redis_replication_group_id}-subnets"
  subnet_ids = module.vpc.database_subnets
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = var.redis_replication_group_id
  description                = "Cache of the ${var.environment} environment"
  engine                     = var.redis_engine
  node_type                  = var.redis_node_type
  num_cache_clusters         = var.redis_nodes
  automatic_failover_enabled = var.redis_automatic_failover
  multi_az_enabled           = var.redis_multi_az
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.cache.name
  security_group_ids         = [aws_security_group.data.id]
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
