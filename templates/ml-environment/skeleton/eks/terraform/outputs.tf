output "cluster_name" {
  value = module.eks.cluster_name
}

output "cluster_endpoint" {
  value = module.eks.cluster_endpoint
}

output "mlflow_role_arn" {
  value = module.mlflow_irsa.iam_role_arn
}
