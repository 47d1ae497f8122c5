locals {
  name     = "${{ values.name }}"
  region   = "${{ values.region }}"
  vpc_cidr = "${{ values.vpcCidr }}"
  azs      = slice(data.aws_availability_zones.available.names, 0, ${{ values.sizing.availabilityZones }})

  tags = {
    Environment = "${{ values.name }}"
    Project     = "${{ values.project }}"
    ManagedBy   = "terraform"
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}
