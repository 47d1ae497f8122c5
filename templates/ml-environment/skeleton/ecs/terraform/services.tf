# The release workflow registers a task definition revision for each tag it
# pushes and rolls the service to it; Terraform only sets the first one.
variable "inference_api_image_tag" {
  description = "Image tag of the first inference API task definition (later ones come from the release workflow)"
  type        = string
  default     = "v0.1.0"
}

locals {
  services = {
    inference-api = {
      image  = "${module.ecr["inference-api"].repository_url}:${var.inference_api_image_tag}"
      port   = 8000
      health = "/health"
      count  = ${{ values.sizing.fargate.tasks }}
      environment = [
        { name = "MLFLOW_TRACKING_URI", value = "https://${{ values.domainName }}/mlflow" },
        { name = "MODEL_NAME", value = "${{ values.project }}" },
      ]
      secrets = [
        { name = "APP_SECRETS", valueFrom = aws_secretsmanager_secret.inference_api.arn },
      ]
      secret_arns = [aws_secretsmanager_secret.inference_api.arn]
      command     = []
      # Releases move the task definition, and autoscaling the count.
      released_by_workflow = true
      autoscaling          = true
    }
    mlflow = {
      image  = "ghcr.io/mlflow/mlflow:v2.16.2"
      port   = 5000
      health = "/mlflow/health"
      count  = ${{ values.sizing.fargate.mlflowTasks }}
      environment = [
        { name = "DB_HOST", value = module.db.db_instance_endpoint },
        { name = "ARTIFACTS", value = "s3://${module.artifacts.s3_bucket_id}/mlflow" },
        # The container runs as user 1000: pip installs under this HOME (--user).
        { name = "HOME", value = "/tmp" },
      ]
      secrets = [
        { name = "DB_USER", valueFrom = "${module.db.db_instance_master_user_secret_arn}:username::" },
        { name = "DB_PASSWORD", valueFrom = "${module.db.db_instance_master_user_secret_arn}:password::" },
      ]
      secret_arns          = [module.db.db_instance_master_user_secret_arn]
      command              = ["sh", "-c", local.mlflow_command]
      released_by_workflow = false
      autoscaling          = false
    }
  }

  # The image has no PostgreSQL driver, so it is installed for the user at
  # start. The RDS-generated password may hold URL delimiters (@ : / % #), so
  # the backend store URI is built with both credentials URL-encoded.
  mlflow_command = <<-EOT
    pip install --quiet --no-cache-dir --user psycopg2-binary boto3 &&
    uri="$(python3 -c 'import os, urllib.parse as u; q = lambda k: u.quote(os.environ[k], safe=""); print("postgresql://%s:%s@%s/mlflow" % (q("DB_USER"), q("DB_PASSWORD"), os.environ["DB_HOST"]))')" &&
    exec mlflow server --host 0.0.0.0 --port 5000 --static-prefix /mlflow --backend-store-uri "$uri" --artifacts-destination "$ARTIFACTS"
  EOT

  # ECS attaches a service only to a target group the load balancer already
  # forwards to, so each service takes its target group through the listener
  # (rule) that uses it, which orders the service after that listener.
  target_group_arns = {
    inference-api = module.alb.listeners["https"].default_action[0].target_group_arn
    mlflow        = module.alb.listener_rules["https/mlflow"].action[0].target_group_arn
  }
}

module "service" {
  source   = "terraform-aws-modules/ecs/aws//modules/service"
  version  = "5.12.1"
  for_each = local.services

  name        = each.key
  cluster_arn = module.ecs_cluster.arn
  # The release workflow reads the task definition of "<environment>-inference-api".
  family                   = "${local.name}-${each.key}"
  launch_type              = "FARGATE"
  requires_compatibilities = ["FARGATE"]
  cpu                      = ${{ (values.sizing.fargate.vcpu * 1024) | int }}
  memory                   = ${{ (values.sizing.fargate.memoryGiB * 1024) | int }}
  desired_count            = each.value.count

  container_definitions = {
    (each.key) = {
      image                    = each.value.image
      command                  = each.value.command
      essential                = true
      user                     = "1000"
      readonly_root_filesystem = false
      port_mappings            = [{ containerPort = each.value.port, protocol = "tcp" }]
      environment              = each.value.environment
      secrets                  = each.value.secrets

      cloudwatch_log_group_name              = "/ecs/${local.name}/${each.key}"
      cloudwatch_log_group_retention_in_days = 30
    }
  }

  # The module always leaves desired_count to autoscaling after creation; with
  # this it also leaves the task definition (and load balancer) to releases.
  ignore_task_definition_changes = each.value.released_by_workflow

  deployment_circuit_breaker         = { enable = true, rollback = true }
  deployment_minimum_healthy_percent = 100

  load_balancer = {
    service = {
      target_group_arn = local.target_group_arns[each.key]
      container_name   = each.key
      container_port   = each.value.port
    }
  }

  subnet_ids            = module.vpc.private_subnets
  create_security_group = true
  security_group_name   = "${local.name}-${each.key}"
  security_group_rules = {
    from_alb = {
      type                     = "ingress"
      protocol                 = "tcp"
      from_port                = each.value.port
      to_port                  = each.value.port
      description              = "From the ALB only"
      source_security_group_id = module.alb.security_group_id
    }
    egress = {
      type        = "egress"
      protocol    = "-1"
      from_port   = 0
      to_port     = 0
      cidr_blocks = ["0.0.0.0/0"]
    }
  }

  # Execution role: pulls images, writes logs, reads only this service's secrets.
  task_exec_iam_role_name            = "${local.name}-${each.key}-exec"
  task_exec_iam_role_use_name_prefix = false
  task_exec_secret_arns              = each.value.secret_arns
  task_exec_ssm_param_arns           = []

  # Task role: what the containers may do, MLflow artifacts in S3.
  tasks_iam_role_name            = "${local.name}-${each.key}-task"
  tasks_iam_role_use_name_prefix = false
  tasks_iam_role_policies        = { artifacts = module.artifacts.access_policy_arn }

  enable_autoscaling       = each.value.autoscaling
  autoscaling_min_capacity = each.value.count
  autoscaling_max_capacity = 10
  autoscaling_policies = {
    cpu = {
      name        = "cpu-70"
      policy_type = "TargetTrackingScaling"
      target_tracking_scaling_policy_configuration = {
        target_value = 70
        predefined_metric_specification = {
          predefined_metric_type = "ECSServiceAverageCPUUtilization"
        }
      }
    }
  }

  tags = local.tags
}
