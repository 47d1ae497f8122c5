# The MLflow artifact bucket of an environment, and the one policy that lets a
# workload role (IRSA role, instance role or ECS task role) read and write it.
module "bucket" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.2"

  bucket = "${var.name}-mlflow-artifacts"

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

  tags = var.tags
}

resource "aws_iam_policy" "access" {
  name        = "${var.name}-mlflow-artifacts"
  description = "Read and write the MLflow artifacts of ${var.name}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"]
      Resource = [module.bucket.s3_bucket_arn, "${module.bucket.s3_bucket_arn}/*"]
    }]
  })

  tags = var.tags
}
