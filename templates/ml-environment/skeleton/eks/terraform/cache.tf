{%- if values.sizing.cache %}
# Redis replication group, encrypted in transit and at rest, in the private
# subnets and reachable from the EKS nodes only.
module "cache" {
  source  = "terraform-aws-modules/elasticache/aws"
  version = "1.10.3"

  replication_group_id       = "${local.name}-cache"
  description                = "Feature and prediction cache of ${local.name}"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "${{ values.sizing.cache.nodeType }}"
  num_cache_clusters         = ${{ values.sizing.cache.nodes }}
  automatic_failover_enabled = ${{ 'true' if values.sizing.cache.nodes > 1 else 'false' }}
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true

  # The module creates the subnet group (named after the replication group)
  # and the security group.
  subnet_ids = module.vpc.private_subnets
  vpc_id     = module.vpc.vpc_id
  security_group_rules = {
    redis_from_nodes = {
      type                         = "ingress"
      description                  = "Redis from the EKS nodes"
      referenced_security_group_id = module.eks.node_security_group_id
    }
  }

  tags = local.tags
}

output "cache_endpoint" {
  description = "Primary endpoint of the Redis replication group (TLS)"
  value       = module.cache.replication_group_primary_endpoint_address
}
{%- else %}
# No ElastiCache in the ${{ values.tier }} tier: workloads use an in-cluster Redis.
{%- endif %}
