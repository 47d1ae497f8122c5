module "artifacts" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.2"

  bucket                  = "${local.name}-mlflow-artifacts"
  versioning              = { enabled = true }
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true

  tags = local.tags
}

output "artifact_bucket" {
  value = module.artifacts.s3_bucket_id
}
