# Cluster Autoscaler: adds nodes to a group, up to its max, while pods are
# pending (the GPU group starts at 0) and removes idle ones down to its min.
# It finds the groups by the auto-discovery tags on their Auto Scaling groups;
# the node-template tags tell it the labels, taints and GPUs of a group that
# has no node yet, so it can scale that group up from zero.
module "cluster_autoscaler_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.44.0"

  role_name                        = "${local.name}-cluster-autoscaler"
  attach_cluster_autoscaler_policy = true
  cluster_autoscaler_cluster_names = [module.eks.cluster_name]
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["kube-system:cluster-autoscaler"]
    }
  }
}

locals {
  autoscaler_tags = [
{%- for group in values.sizing.nodeGroups %}
    { group = "${{ group.name }}", key = "k8s.io/cluster-autoscaler/enabled", value = "true" },
    { group = "${{ group.name }}", key = "k8s.io/cluster-autoscaler/${local.name}", value = "owned" },
    { group = "${{ group.name }}", key = "k8s.io/cluster-autoscaler/node-template/label/ml-platform/node-group", value = "${{ group.name }}" },
{%- if group.taint %}
    { group = "${{ group.name }}", key = "k8s.io/cluster-autoscaler/node-template/taint/${{ group.taint.key }}", value = "${{ group.taint.value }}:NoSchedule" },
{%- endif %}
{%- if group.gpu %}
    { group = "${{ group.name }}", key = "k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu", value = "1" },
{%- endif %}
{%- endfor %}
  ]
}

resource "aws_autoscaling_group_tag" "cluster_autoscaler" {
  for_each = { for t in local.autoscaler_tags : "${t.group}/${t.key}" => t }

  autoscaling_group_name = module.eks.eks_managed_node_groups[each.value.group].node_group_autoscaling_group_names[0]

  tag {
    key                 = each.value.key
    value               = each.value.value
    propagate_at_launch = false
  }
}

resource "helm_release" "cluster_autoscaler" {
  name       = "cluster-autoscaler"
  repository = "https://kubernetes.github.io/autoscaler"
  chart      = "cluster-autoscaler"
  version    = "9.54.0"
  namespace  = "kube-system"

  values = [yamlencode({
    cloudProvider = "aws"
    awsRegion     = local.region
    autoDiscovery = { clusterName = module.eks.cluster_name }
    # The autoscaler's minor version follows the cluster's.
    image = { tag = "v${{ values.sizing.kubernetes.version }}.0" }
    rbac = {
      serviceAccount = {
        name        = "cluster-autoscaler"
        annotations = { "eks.amazonaws.com/role-arn" = module.cluster_autoscaler_irsa.iam_role_arn }
      }
    }
    extraArgs = {
      "balance-similar-node-groups" = true
      "skip-nodes-with-system-pods" = false
      expander                      = "least-waste"
    }
    nodeSelector = { "ml-platform/node-group" = "system" }
  })]

  depends_on = [module.eks]
}
