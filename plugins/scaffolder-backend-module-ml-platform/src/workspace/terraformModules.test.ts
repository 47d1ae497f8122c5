import fs from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES_DIR } from '../__testUtils__/templateFiles';
import { checkTerraformFile } from './hcl';
import { KNOWN_MODULES } from './terraformModules';
import { formatFinding } from './types';

const check = async (content: string) =>
  (await checkTerraformFile('terraform/main.tf', content)).map(formatFinding);

describe('Terraform module inputs', () => {
  it('accepts inputs the pinned module version has', async () => {
    expect(
      await check(`module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.13.0"
  name    = "ml"
  cidr    = "10.0.0.0/16"
  tags    = { Project = "x" }
}
`),
    ).toEqual([]);
  });

  it('names an input the module does not have, with its line', async () => {
    expect(
      await check(`locals {
  name = "ml"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.13.0"
  name    = local.name
  tags = {
    enable_nat = "not an argument"
  }
  enable_nat = true
}
`),
    ).toEqual([
      'terraform/main.tf:12 [terraform-module] module "vpc": terraform-aws-modules/vpc/aws 5.13.0 has no input \'enable_nat\' (https://github.com/terraform-aws-modules/terraform-aws-vpc/blob/v5.13.0/variables.tf)',
    ]);
  });

  it('names a required input that is missing', async () => {
    expect(
      await check(`module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "6.9.0"
  engine  = "postgres"
}
`),
    ).toEqual([
      'terraform/main.tf:1 [terraform-module] module "db": terraform-aws-modules/rds/aws 6.9.0 requires input \'identifier\' (https://github.com/terraform-aws-modules/terraform-aws-rds/blob/v6.9.0/variables.tf)',
    ]);
  });

  it('names a node group key the EKS module does not read', async () => {
    expect(
      await check(`module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.37.2"
  eks_managed_node_groups = {
    gpu = {
      instance_types = ["g4dn.xlarge"]
      min_size       = 0
      desired_count  = 1
      taints         = { gpu = { key = "nvidia.com/gpu", value = "true", effect = "NO_SCHEDULE" } }
    }
  }
}
`),
    ).toEqual([
      "terraform/main.tf:8 [terraform-module] module \"eks\": entry 'gpu' of eks_managed_node_groups has key 'desired_count', which terraform-aws-modules/eks/aws 20.37.2 does not read (https://github.com/terraform-aws-modules/terraform-aws-eks/blob/v20.37.2/node_groups.tf)",
    ]);
  });

  it('says when a version or a source has no recorded inputs', async () => {
    const findings = await check(`module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}

module "lambda" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "7.20.0"
}

module "local" {
  source = "./modules/local"
  whatever = 1
}
`);
    expect(findings).toEqual([
      'terraform/main.tf:3 [terraform-module] module "vpc": terraform-aws-modules/vpc/aws version ~> 5.0 is not in terraformModuleInputs.json (recorded: 5.13.0); pin a recorded version or record this one',
      'terraform/main.tf:6 [terraform-module] module "lambda": no recorded inputs for source terraform-aws-modules/lambda/aws; add it to terraformModuleInputs.json',
    ]);
  });

  it('checks a submodule source against that submodule, not the repository root', async () => {
    const findings = await check(`module "cluster" {
  source       = "terraform-aws-modules/ecs/aws//modules/cluster"
  version      = "5.12.1"
  cluster_name = "ml"
}

module "service" {
  source       = "terraform-aws-modules/ecs/aws//modules/service"
  version      = "5.12.1"
  name         = "api"
  cluster_arn  = module.cluster.arn
  cluster_name = "ml"
}

module "container" {
  source  = "terraform-aws-modules/ecs/aws//modules/container-definition"
  version = "5.12.1"
}
`);
    expect(findings).toEqual([
      'terraform/main.tf:12 [terraform-module] module "service": terraform-aws-modules/ecs/aws//modules/service 5.12.1 has no input \'cluster_name\' (https://github.com/terraform-aws-modules/terraform-aws-ecs/blob/v5.12.1/modules/service/variables.tf)',
      'terraform/main.tf:15 [terraform-module] module "container": no recorded inputs for source terraform-aws-modules/ecs/aws//modules/container-definition; add it to terraformModuleInputs.json',
    ]);
  });

  it('names a container definition or target group key the ECS and ALB modules do not read', async () => {
    const findings = await check(`module "service" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "5.12.1"
  container_definitions = {
    api = {
      image         = "api:v1"
      port_mappings = [{ containerPort = 8000 }]
      portMappings  = [{ containerPort = 8000 }]
    }
  }
}

module "alb" {
  source  = "terraform-aws-modules/alb/aws"
  version = "9.16.0"
  target_groups = {
    api = {
      create_attachment = false
      health_check      = { path = "/health" }
      healthcheck_path  = "/health"
    }
  }
}
`);
    expect(findings).toEqual([
      "terraform/main.tf:8 [terraform-module] module \"service\": entry 'api' of container_definitions has key 'portMappings', which terraform-aws-modules/ecs/aws//modules/service 5.12.1 does not read (https://github.com/terraform-aws-modules/terraform-aws-ecs/blob/v5.12.1/modules/service/main.tf)",
      "terraform/main.tf:20 [terraform-module] module \"alb\": entry 'api' of target_groups has key 'healthcheck_path', which terraform-aws-modules/alb/aws 9.16.0 does not read (https://github.com/terraform-aws-modules/terraform-aws-alb/blob/v9.16.0/main.tf)",
    ]);
  });

  it('has recorded inputs for every module version the skeleton pins', async () => {
    const skeleton = path.join(TEMPLATES_DIR, 'ml-environment/skeleton');
    const files = (await fs.readdir(skeleton, { recursive: true })).filter(f =>
      String(f).endsWith('.tf'),
    );
    const pins = new Set<string>();
    for (const file of files) {
      const text = await fs.readFile(path.join(skeleton, String(file)), 'utf8');
      for (const m of text.matchAll(
        /source\s*=\s*"(terraform-aws-modules\/[^"]+)"\s*\n\s*version\s*=\s*"([^"]+)"/g,
      ))
        pins.add(`${m[1]}@${m[2]}`);
    }
    const recorded = new Set(
      KNOWN_MODULES.map(m => `${m.source}@${m.version}`),
    );
    expect([...pins].filter(p => !recorded.has(p))).toEqual([]);
    // Nothing recorded that the skeleton no longer pins.
    expect([...recorded].filter(r => !pins.has(r))).toEqual([]);
    expect(pins.size).toBe(11);
    for (const m of KNOWN_MODULES) {
      expect(m.readFrom).toContain(`/blob/v${m.version}/`);
      expect(m.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(Object.keys(m.inputs).length).toBeGreaterThan(10);
    }
  });
});
