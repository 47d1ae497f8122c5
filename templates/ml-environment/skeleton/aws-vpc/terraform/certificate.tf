{%- if values.sizing.loadBalancer %}
# Certificate of the HTTPS listener. ACM validates it through DNS records that
# the module writes into the Route 53 zone of the domain, and apply waits until
# the certificate is issued, so no listener is ever given a pending one.
module "acm" {
  source  = "terraform-aws-modules/acm/aws"
  version = "5.1.1"

  domain_name         = "${{ values.domainName }}"
  zone_id             = "${{ values.hostedZoneId }}"
  validation_method   = "DNS"
  wait_for_validation = true
  validation_timeout  = "45m"

  tags = local.tags
}

output "certificate_arn" {
  description = "The issued (validated) certificate"
  value       = module.acm.acm_certificate_arn
}
{%- else %}
# No load balancer in this shape and tier, so no certificate.
{%- endif %}
