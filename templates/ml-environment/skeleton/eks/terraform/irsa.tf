# MLflow reads and writes artifacts through IRSA, without keys.
module "mlflow_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.44.0"

  role_name = "${local.name}-mlflow"
  role_policy_arns = {
    artifacts = module.artifacts.access_policy_arn
  }
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["mlops-system:mlflow"]
    }
  }
}
