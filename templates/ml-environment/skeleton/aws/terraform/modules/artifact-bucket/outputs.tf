output "s3_bucket_id" {
  value = module.bucket.s3_bucket_id
}

output "s3_bucket_arn" {
  value = module.bucket.s3_bucket_arn
}

output "access_policy_arn" {
  description = "Read/write access to the bucket, for the role of the workload that runs MLflow"
  value       = aws_iam_policy.access.arn
}
