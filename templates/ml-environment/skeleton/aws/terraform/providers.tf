provider "aws" {
  region = local.region

  # Every taggable resource gets Environment/Project/ManagedBy.
  default_tags {
    tags = local.tags
  }
}
