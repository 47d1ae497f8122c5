variable "name" {
  description = "Environment name; the bucket is <name>-mlflow-artifacts"
  type        = string
}

variable "tags" {
  description = "Tags of the bucket and the policy"
  type        = map(string)
}
