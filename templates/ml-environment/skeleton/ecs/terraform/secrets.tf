# The secret exists in Terraform; its value is set outside Git:
#   aws secretsmanager put-secret-value --secret-id <arn> --secret-string file://secrets.json
resource "aws_secretsmanager_secret" "inference_api" {
  name                    = "${local.name}/inference-api"
  description             = "Runtime secrets of the inference API"
  recovery_window_in_days = 7
}
