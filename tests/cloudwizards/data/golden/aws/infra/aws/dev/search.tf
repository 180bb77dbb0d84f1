# OpenSearch domain for the search layer, inside the VPC.
resource "aws_opensearch_domain" "search" {
  domain_name    = var.search_domain_name
  engine_version = var.search_engine_version

  cluster_config {
    instance_type          = var.search_instance_type
    instance_count         = var.search_instance_count
    zone_awareness_enabled = false
  }

  ebs_options {
    ebs_enabled = true
    volume_size = var.search_volume_gb
    volume_type = "gp3"
  }

  vpc_options {
    subnet_ids         = slice(module.vpc.database_subnets, 0, 1)
    security_group_ids = [aws_security_group.data.id]
  }

  encrypt_at_rest {
    enabled = true
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
