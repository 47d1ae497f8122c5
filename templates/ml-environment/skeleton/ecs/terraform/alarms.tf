resource "aws_sns_topic" "alarms" {
  name = "${local.name}-alarms"
}

locals {
  alarms = {
    inference-api-cpu-high = {
      namespace  = "AWS/ECS"
      metric     = "CPUUtilization"
      statistic  = "Average"
      threshold  = 85
      dimensions = { ClusterName = module.ecs_cluster.name, ServiceName = "inference-api" }
    }
    alb-5xx = {
      namespace  = "AWS/ApplicationELB"
      metric     = "HTTPCode_Target_5XX_Count"
      statistic  = "Sum"
      threshold  = 10
      dimensions = { LoadBalancer = module.alb.arn_suffix }
    }
    inference-api-unhealthy = {
      namespace  = "AWS/ApplicationELB"
      metric     = "UnHealthyHostCount"
      statistic  = "Maximum"
      threshold  = 0
      dimensions = { LoadBalancer = module.alb.arn_suffix, TargetGroup = module.alb.target_groups["inference-api"].arn_suffix }
    }
    database-cpu-high = {
      namespace  = "AWS/RDS"
      metric     = "CPUUtilization"
      statistic  = "Average"
      threshold  = 80
      dimensions = { DBInstanceIdentifier = module.db.db_instance_identifier }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name          = "${local.name}-${each.key}"
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  statistic           = each.value.statistic
  threshold           = each.value.threshold
  dimensions          = each.value.dimensions
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 3
  period              = 300
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}
