terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # terraform-aws-modules/eks 20.37 needs >= 5.95 and < 6.0.
      version = "~> 5.95"
    }
{%- if values.shape == 'eks' %}
    helm = {
      source  = "hashicorp/helm"
      version = "~> 2.15"
    }
{%- endif %}
  }
}
