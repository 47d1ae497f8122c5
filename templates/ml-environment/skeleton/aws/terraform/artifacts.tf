# MLflow artifacts, shared by every AWS shape (modules/artifact-bucket).
module "artifacts" {
  source = "./modules/artifact-bucket"

  name = local.name
  tags = local.tags
}

output "artifact_bucket" {
  value = module.artifacts.s3_bucket_id
}
