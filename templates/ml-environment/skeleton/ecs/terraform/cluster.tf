module "ecs_cluster" {
  source  = "terraform-aws-modules/ecs/aws//modules/cluster"
  version = "5.12.1"

  # The release workflow addresses the cluster by the environment name.
  cluster_name     = local.name
  cluster_settings = [{ name = "containerInsights", value = "enabled" }]

  # No ECS Exec, so no log group for its sessions.
  create_cloudwatch_log_group = false

  tags = local.tags
}
