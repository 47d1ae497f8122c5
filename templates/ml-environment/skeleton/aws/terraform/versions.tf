terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
{%- if values.shape == 'eks' %}
    helm = {
      source  = "hashicorp/helm"
      version = "~> 2.15"
    }
{%- endif %}
  }
}
