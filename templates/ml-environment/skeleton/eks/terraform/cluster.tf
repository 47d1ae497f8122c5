module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.37.2"

  cluster_name    = local.name
  cluster_version = "${{ values.sizing.kubernetes.version }}"

  cluster_endpoint_public_access           = true
  enable_cluster_creator_admin_permissions = true
  enable_irsa                              = true

  vpc_id     = module.vpc.vpc_id
  subnet_ids = module.vpc.private_subnets

  eks_managed_node_groups = {
{%- for group in values.sizing.nodeGroups %}
    ${{ group.name }} = {
      instance_types = [{% for type in group.instanceTypes %}"${{ type }}"{% if not loop.last %}, {% endif %}{% endfor %}]
      ami_type       = "${{ 'AL2023_x86_64_NVIDIA' if group.gpu else 'AL2023_x86_64_STANDARD' }}"
      min_size       = ${{ group.min }}
      desired_size   = ${{ group.desired }}
      max_size       = ${{ group.max }}
      labels         = { "ml-platform/node-group" = "${{ group.name }}" }
{%- if group.taint %}

      taints = {
        dedicated = {
          key    = "${{ group.taint.key }}"
          value  = "${{ group.taint.value }}"
          effect = "${{ group.taint.effect }}"
        }
      }
{%- endif %}
    }
{%- endfor %}
  }

  tags = local.tags
}
