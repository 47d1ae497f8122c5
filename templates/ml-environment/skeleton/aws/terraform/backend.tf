# Remote state in S3; `use_lockfile` locks with an S3 lock object (Terraform >= 1.10).
terraform {
  backend "s3" {
    bucket       = "${{ values.stateBucket }}"
    key          = "ml-environments/${{ values.name }}/terraform.tfstate"
    region       = "${{ values.region }}"
    encrypt      = true
    use_lockfile = true
  }
}
