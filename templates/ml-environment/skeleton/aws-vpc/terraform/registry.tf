# Image repositories: tags are immutable (every release pushes its own tag)
# and every push is scanned.
module "ecr" {
  source   = "terraform-aws-modules/ecr/aws"
  version  = "2.4.0"
  for_each = toset(["inference-api", "training"])

  repository_name                 = "${local.name}/${each.key}"
  repository_image_tag_mutability = "IMMUTABLE"
  repository_image_scan_on_push   = true

  # Access stays with IAM in this account, as without a repository policy.
  create_repository_policy = false
  attach_repository_policy = false

  # Release tags (v*) are kept until there are more than 30; untagged layers
  # left by failed pushes go after 14 days.
  create_lifecycle_policy = true
  repository_lifecycle_policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Expire untagged images after 14 days"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 14
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the last 30 release images"
        selection = {
          tagStatus     = "tagged"
          tagPrefixList = ["v"]
          countType     = "imageCountMoreThan"
          countNumber   = 30
        }
        action = { type = "expire" }
      },
    ]
  })

  tags = local.tags
}

output "ecr_repositories" {
  value = { for k, r in module.ecr : k => r.repository_url }
}
