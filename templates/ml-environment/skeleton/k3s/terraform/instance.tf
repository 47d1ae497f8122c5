data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]
  }
}

resource "aws_iam_role" "k3s" {
  name = "${local.name}-k3s"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

# MLflow writes artifacts to S3 with the instance role, without keys.
resource "aws_iam_role_policy_attachment" "artifacts" {
  role       = aws_iam_role.k3s.name
  policy_arn = module.artifacts.access_policy_arn
}

resource "aws_iam_role_policy_attachment" "ssm" {
  role       = aws_iam_role.k3s.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "k3s" {
  name = "${local.name}-k3s"
  role = aws_iam_role.k3s.name
}

resource "aws_instance" "k3s" {
  ami                    = data.aws_ami.ubuntu.id
  instance_type          = "${{ values.sizing.nodeGroups[0].instanceTypes[0] }}"
  subnet_id              = module.vpc.public_subnets[0]
  vpc_security_group_ids = [aws_security_group.k3s.id]
  iam_instance_profile   = aws_iam_instance_profile.k3s.name

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    volume_size = 40
    volume_type = "gp3"
    encrypted   = true
  }

  user_data = templatefile("${path.module}/user-data.sh.tftpl", {
    artifact_bucket = module.artifacts.s3_bucket_id
    region          = local.region
  })

  tags = { Name = "${local.name}-k3s" }
}

output "public_ip" {
  value = aws_instance.k3s.public_ip
}

output "mlflow_url" {
  value = "http://${aws_instance.k3s.public_ip}:5000"
}
