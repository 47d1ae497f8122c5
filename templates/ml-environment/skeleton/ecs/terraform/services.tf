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
      command = null
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
      command = ["sh", "-c", local.mlflow_command]
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
}

resource "aws_ecs_task_definition" "this" {
  for_each = local.services

  family                   = "${local.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = ${{ (values.sizing.fargate.vcpu * 1024) | int }}
  memory                   = ${{ (values.sizing.fargate.memoryGiB * 1024) | int }}
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([{
    name         = each.key
    image        = each.value.image
    command      = each.value.command
    essential    = true
    user         = "1000"
    portMappings = [{ containerPort = each.value.port, protocol = "tcp" }]
    environment  = each.value.environment
    secrets      = each.value.secrets
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.services[each.key].name
        awslogs-region        = local.region
        awslogs-stream-prefix = each.key
      }
    }
  }])
}

resource "aws_ecs_service" "inference_api" {
  name            = "inference-api"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.this["inference-api"].arn
  desired_count   = local.services.inference-api.count
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = module.vpc.private_subnets
    security_groups = [aws_security_group.tasks.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this["inference-api"].arn
    container_name   = "inference-api"
    container_port   = local.services.inference-api.port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  # Releases move the task definition and autoscaling the count; a later
  # apply must not roll either back.
  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }

  depends_on = [aws_lb_listener.https]
}

resource "aws_ecs_service" "mlflow" {
  name            = "mlflow"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.this["mlflow"].arn
  desired_count   = local.services.mlflow.count
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = module.vpc.private_subnets
    security_groups = [aws_security_group.tasks.id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.this["mlflow"].arn
    container_name   = "mlflow"
    container_port   = local.services.mlflow.port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  depends_on = [aws_lb_listener.https]
}

resource "aws_appautoscaling_target" "inference_api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.inference_api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = ${{ values.sizing.fargate.tasks }}
  max_capacity       = 10
}

resource "aws_appautoscaling_policy" "inference_api_cpu" {
  name               = "cpu-70"
  service_namespace  = aws_appautoscaling_target.inference_api.service_namespace
  resource_id        = aws_appautoscaling_target.inference_api.resource_id
  scalable_dimension = aws_appautoscaling_target.inference_api.scalable_dimension
  policy_type        = "TargetTrackingScaling"

  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
