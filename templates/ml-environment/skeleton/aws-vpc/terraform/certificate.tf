{%- if values.sizing.loadBalancer %}
# DNS-validated certificate for the HTTPS listener of the ALB.
module "acm" {
  source  = "terraform-aws-modules/acm/aws"
  version = "5.1.1"

  domain_name         = "${{ values.domainName }}"
  validation_method   = "DNS"
  wait_for_validation = false

  tags = local.tags
}

output "certificate_arn" {
  value = module.acm.acm_certificate_arn
}
{%- else %}
# No load balancer in this shape and tier, so no certificate.
{%- endif %}
