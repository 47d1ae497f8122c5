module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.24.3"

  cluster_name    = local.name
  cluster_version = "1.31"

  cluster_endpoint_public_access           = true
  enable_cluster_creator_admin_permissions = true
  enable_irsa                              = true

  vpc_id     = module.vpc.vpc_id
  subnet_ids = module.vpc.private_subnets

  eks_managed_node_groups = {
{%- for group in values.sizing.nodeGroups %}
    ${{ group.name }} = {
      instance_types = [{% for type in group.instanceTypes %}"${{ type }}"{% if not loop.last %}, {% endif %}{% endfor %}]
      ami_type       = "${{ 'AL2_x86_64_GPU' if group.gpu else 'AL2_x86_64' }}"
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
