resource "aws_security_group" "database" {
  name_prefix = "${local.name}-db-"
  description = "PostgreSQL from inside the VPC"
  vpc_id      = module.vpc.vpc_id

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [local.vpc_cidr]
  }
}

module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "6.9.0"

  identifier           = "${local.name}-mlflow"
  engine               = "postgres"
  engine_version       = "16"
  family               = "postgres16"
  major_engine_version = "16"
  instance_class       = "${{ values.sizing.database.instanceClass }}"
  allocated_storage    = 20
  storage_encrypted    = true

  db_name  = "mlflow"
  username = "mlflow"
  # The master password lives in Secrets Manager, managed by RDS.
  manage_master_user_password = true

  multi_az               = ${{ values.sizing.database.multiAz }}
  db_subnet_group_name   = module.vpc.database_subnet_group_name
  vpc_security_group_ids = [aws_security_group.database.id]

  backup_retention_period = ${{ values.sizing.database.backupRetentionDays }}
  deletion_protection     = ${{ values.sizing.database.deletionProtection }}
  skip_final_snapshot     = ${{ 'false' if values.sizing.database.deletionProtection else 'true' }}
{%- if values.sizing.database.deletionProtection %}

  final_snapshot_identifier_prefix = "${local.name}-final"
{%- endif %}

  tags = local.tags
}

output "database_endpoint" {
  value = module.db.db_instance_endpoint
}

output "database_secret_arn" {
  description = "Secrets Manager secret with the RDS master credentials"
  value       = module.db.db_instance_master_user_secret_arn
}
