# MLflow reads and writes artifacts through IRSA, without keys.
module "mlflow_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.44.0"

  role_name = "${local.name}-mlflow"
  role_policy_arns = {
    artifacts = aws_iam_policy.mlflow_artifacts.arn
  }
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["mlops-system:mlflow"]
    }
  }
}

resource "aws_iam_policy" "mlflow_artifacts" {
  name = "${local.name}-mlflow-artifacts"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"]
      Resource = [module.artifacts.s3_bucket_arn, "${module.artifacts.s3_bucket_arn}/*"]
    }]
  })
}
