# HTTPS load balancer in the public subnets: HTTP redirects to HTTPS, the
# inference API gets every path but /mlflow, which goes to MLflow.
module "alb" {
  source  = "terraform-aws-modules/alb/aws"
  version = "9.16.0"

  # Environment names have at most 29 characters (validate action), within the
  # ALB's 32, so the name is never cut to end in a hyphen.
  name                       = local.name
  load_balancer_type         = "application"
  vpc_id                     = module.vpc.vpc_id
  subnets                    = module.vpc.public_subnets
  drop_invalid_header_fields = true
  # `terraform destroy` removes the whole environment, the ALB included.
  enable_deletion_protection = false

  security_group_ingress_rules = {
    http  = { ip_protocol = "tcp", from_port = 80, to_port = 80, cidr_ipv4 = "0.0.0.0/0" }
    https = { ip_protocol = "tcp", from_port = 443, to_port = 443, cidr_ipv4 = "0.0.0.0/0" }
  }
  security_group_egress_rules = {
    vpc = { ip_protocol = "-1", cidr_ipv4 = local.vpc_cidr }
  }

  listeners = {
    http = {
      port     = 80
      protocol = "HTTP"
      redirect = { port = "443", protocol = "HTTPS", status_code = "HTTP_301" }
    }
    # The module's ARN output is the validated certificate's, so the listener
    # is only created once ACM has issued it.
    https = {
      port            = 443
      protocol        = "HTTPS"
      ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-2021-06"
      certificate_arn = module.acm.acm_certificate_arn
      forward         = { target_group_key = "inference-api" }
      rules = {
        mlflow = {
          priority   = 10
          actions    = [{ type = "forward", target_group_key = "mlflow" }]
          conditions = [{ path_pattern = { values = ["/mlflow", "/mlflow/*"] } }]
        }
      }
    }
  }

  # ECS registers the tasks (target type ip), so the module attaches nothing.
  target_groups = {
    inference-api = {
      name_prefix       = "infere"
      protocol          = "HTTP"
      port              = local.services["inference-api"].port
      target_type       = "ip"
      create_attachment = false
      health_check      = { path = local.services["inference-api"].health, matcher = "200" }
    }
    mlflow = {
      name_prefix       = "mlflow"
      protocol          = "HTTP"
      port              = local.services.mlflow.port
      target_type       = "ip"
      create_attachment = false
      health_check      = { path = local.services.mlflow.health, matcher = "200" }
    }
  }

  # The domain of the certificate points at the ALB (MLflow's tracking URI uses it).
  route53_records = {
    domain = {
      zone_id = "${{ values.hostedZoneId }}"
      name    = "${{ values.domainName }}"
      type    = "A"
    }
  }

  tags = local.tags
}

output "alb_dns_name" {
  value = module.alb.dns_name
}
