# What the add-ons and the application need to know.
output "cluster_name" {
  description = "EKS cluster name"
  value       = module.eks.cluster_name
}

output "cluster_endpoint" {
  description = "Kubernetes API server"
  value       = module.eks.cluster_endpoint
}

output "vpc_id" {
  description = "VPC id"
  value       = module.vpc.vpc_id
}

output "postgres_address" {
  description = "PostgreSQL host name"
  value       = aws_db_instance.postgres.address
}

output "postgres_master_secret_arn" {
  description = "Secrets Manager secret holding the master password"
  value       = aws_db_instance.postgres.master_user_secret[0].secret_arn
}

output "redis_primary_endpoint" {
  description = "Redis primary endpoint"
  value       = aws_elasticache_replication_group.redis.primary_endpoint_address
}

output "search_endpoint" {
  description = "OpenSearch endpoint"
  value       = aws_opensearch_domain.search.endpoint
}

output "bucket_name" {
  description = "Assets bucket"
  value       = aws_s3_bucket.assets.bucket
}
