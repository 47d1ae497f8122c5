# One public subnet and no NAT gateway: the cheapest shape.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.13.0"

  name           = local.name
  cidr           = local.vpc_cidr
  azs            = local.azs
  public_subnets = [local.vpc_cidr]

  enable_nat_gateway      = false
  map_public_ip_on_launch = true

  tags = local.tags
}

resource "aws_security_group" "k3s" {
  name_prefix = "${local.name}-k3s-"
  description = "Kubernetes API, MLflow and the inference API from the admin range only"
  vpc_id      = module.vpc.vpc_id

  dynamic "ingress" {
    for_each = { kubernetes = 6443, mlflow = 5000, inference-api = 8000 }
    content {
      description = ingress.key
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["${{ values.adminCidr }}"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
