output "cluster_name" {
  value = module.eks.cluster_name
}

output "cluster_endpoint" {
  value = module.eks.cluster_endpoint
}

output "database_endpoint" {
  value = module.db.db_instance_endpoint
}

output "database_secret_arn" {
  description = "Secrets Manager secret with the RDS master credentials"
  value       = module.db.db_instance_master_user_secret_arn
}

output "artifact_bucket" {
  value = module.artifacts.s3_bucket_id
}

output "mlflow_role_arn" {
  value = module.mlflow_irsa.iam_role_arn
}

output "ecr_repositories" {
  value = { for k, r in aws_ecr_repository.this : k => r.repository_url }
}
{%- if values.sizing.loadBalancer %}

output "certificate_arn" {
  value = module.acm.acm_certificate_arn
}
{%- endif %}
