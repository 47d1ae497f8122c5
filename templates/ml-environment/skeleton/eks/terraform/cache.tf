{%- if values.sizing.cache %}
resource "aws_security_group" "cache" {
  name_prefix = "${local.name}-cache-"
  description = "Redis from inside the VPC"
  vpc_id      = module.vpc.vpc_id

  ingress {
    from_port   = 6379
    to_port     = 6379
    protocol    = "tcp"
    cidr_blocks = [local.vpc_cidr]
  }
}

resource "aws_elasticache_subnet_group" "cache" {
  name       = "${local.name}-cache"
  subnet_ids = module.vpc.private_subnets
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "${local.name}-cache"
  description                = "Feature and prediction cache of ${local.name}"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "${{ values.sizing.cache.nodeType }}"
  num_cache_clusters         = ${{ values.sizing.cache.nodes }}
  automatic_failover_enabled = ${{ 'true' if values.sizing.cache.nodes > 1 else 'false' }}
  subnet_group_name          = aws_elasticache_subnet_group.cache.name
  security_group_ids         = [aws_security_group.cache.id]
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
{%- else %}
# No ElastiCache in the ${{ values.tier }} tier: workloads use an in-cluster Redis.
{%- endif %}
