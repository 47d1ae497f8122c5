module "artifacts" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.2"

  bucket = "${local.name}-mlflow-artifacts"

  versioning               = { enabled = true }
  block_public_acls        = true
  block_public_policy      = true
  ignore_public_acls       = true
  restrict_public_buckets  = true
  control_object_ownership = true
  object_ownership         = "BucketOwnerEnforced"

  server_side_encryption_configuration = {
    rule = { apply_server_side_encryption_by_default = { sse_algorithm = "aws:kms" } }
  }

  tags = local.tags
}

resource "aws_ecr_repository" "this" {
  for_each = toset(["inference-api", "training"])

  name                 = "${local.name}/${each.key}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

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
