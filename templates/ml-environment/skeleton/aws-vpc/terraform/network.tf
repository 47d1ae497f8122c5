module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.13.0"

  name = local.name
  cidr = local.vpc_cidr
  azs  = local.azs

  private_subnets  = [for i, az in local.azs : cidrsubnet(local.vpc_cidr, 4, i)]
  public_subnets   = [for i, az in local.azs : cidrsubnet(local.vpc_cidr, 8, i + 48)]
  database_subnets = [for i, az in local.azs : cidrsubnet(local.vpc_cidr, 8, i + 52)]

  enable_nat_gateway     = true
  single_nat_gateway     = ${{ 'true' if values.sizing.natGateways == 1 else 'false' }}
  one_nat_gateway_per_az = ${{ 'false' if values.sizing.natGateways == 1 else 'true' }}

  public_subnet_tags  = { "kubernetes.io/role/elb" = 1 }
  private_subnet_tags = { "kubernetes.io/role/internal-elb" = 1 }

  tags = local.tags
}
