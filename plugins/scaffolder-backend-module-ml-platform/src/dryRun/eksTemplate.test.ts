import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';
import { checkRenderedTree } from '../workspace/checkRenderedTree';
import { formatFinding } from '../workspace/types';
import { startScaffolder } from '../__testUtils__/testBackend';
import { loadTemplates } from '../__testUtils__/templateFiles';
import { SAMPLE_VALUES, TEMPLATE_NAME } from '../__testUtils__/values';
import { writeDirectoryContents } from '../__testUtils__/writeDirectoryContents';

jest.setTimeout(120_000);

const decode = (
  files: { path: string; base64Content: string }[],
  p: string,
) => {
  const file = files.find(f => f.path === p);
  if (!file)
    throw new Error(
      `${p} was not rendered; got ${files.map(f => f.path).join(', ')}`,
    );
  return Buffer.from(file.base64Content, 'base64').toString('utf8');
};

describe('ml-environment dry run, EKS shape', () => {
  let scaffolder: Awaited<ReturnType<typeof startScaffolder>>;
  beforeAll(async () => {
    scaffolder = await startScaffolder([
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'ml-prod',
          annotations: { 'ml-platform/vpc-cidr': '10.0.0.0/16' },
        },
        spec: { type: 'ml-environment', owner: 'group:default/ml-platform' },
      },
    ]);
  });

  it.each(['dev', 'staging', 'prod'])('renders a valid %s tier', async tier => {
    const templates = await loadTemplates('ml-environment');
    const values = {
      ...SAMPLE_VALUES.eks,
      tier,
      name: `fraud-${tier}`,
    };
    const res = await scaffolder.dryRun(
      'ml-environment',
      templates[TEMPLATE_NAME],
      values,
    );
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    const files = res.body.directoryContents!;

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), `eks-${tier}-`));
    try {
      await writeDirectoryContents(dir, files);
      const report = await checkRenderedTree(dir);
      expect(report.findings.map(formatFinding)).toEqual([]);
      expect(report.counts.terraform).toBeGreaterThanOrEqual(10);
      expect(report.counts.workflows).toBe(5);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }

    const catalogInfo = parseYaml(decode(files, 'catalog-info.yaml'));
    expect(catalogInfo.spec).toEqual({
      type: 'ml-environment',
      owner: 'group:default/ml-platform',
    });
    const estimate = res.body.output!.text[0].content as string;
    const annotated = Number(
      catalogInfo.metadata.annotations['ml-platform/monthly-estimate'],
    );
    expect(annotated).toBeGreaterThan(0);
    expect(estimate).toContain(`About ${annotated} USD/month`);
    expect(catalogInfo.metadata.annotations).toMatchObject({
      'ml-platform/environment': `fraud-${tier}`,
      'ml-platform/tier': tier,
      'ml-platform/vpc-cidr': '10.40.0.0/16',
      'github.com/project-slug': `acme/fraud-dev`,
    });

    const cluster: any = await parse(
      'cluster.tf',
      decode(files, 'terraform/cluster.tf'),
    );
    // In standard support at the price table's date; AL2023 AMIs (no AL2 AMIs exist for 1.33+).
    expect(cluster.module.eks[0]).toMatchObject({
      version: '20.37.2',
      cluster_version: '1.35',
    });
    const groups = cluster.module.eks[0].eks_managed_node_groups;
    for (const [name, group] of Object.entries<any>(groups))
      expect([name, group.ami_type]).toEqual([
        name,
        name === 'gpu' ? 'AL2023_x86_64_NVIDIA' : 'AL2023_x86_64_STANDARD',
      ]);
    expect(groups.gpu).toMatchObject({
      instance_types: ['g4dn.xlarge'],
      min_size: 0,
      desired_size: 1,
      max_size: 4,
    });
    expect(groups.gpu.taints.dedicated.key).toBe('nvidia.com/gpu');

    // The cluster autoscaler moves every group between min and max (GPU from 0).
    const autoscaler: any = await parse(
      'autoscaler.tf',
      decode(files, 'terraform/autoscaler.tf'),
    );
    const release = autoscaler.resource.helm_release.cluster_autoscaler[0];
    expect(release).toMatchObject({
      repository: 'https://kubernetes.github.io/autoscaler',
      chart: 'cluster-autoscaler',
      namespace: 'kube-system',
    });
    expect(release.values[0]).toContain('v1.35.0');
    expect(autoscaler.module.cluster_autoscaler_irsa[0]).toMatchObject({
      attach_cluster_autoscaler_policy: true,
      cluster_autoscaler_cluster_names: ['${module.eks.cluster_name}'],
    });
    const tags = autoscaler.locals[0].autoscaler_tags.map(
      (t: any) => `${t.group} ${t.key}=${t.value}`,
    );
    for (const group of Object.keys(groups)) {
      expect(tags).toContain(`${group} k8s.io/cluster-autoscaler/enabled=true`);
      expect(tags).toContain(
        `${group} k8s.io/cluster-autoscaler/node-template/label/ml-platform/node-group=${group}`,
      );
    }
    expect(tags).toContain(
      'gpu k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu=true:NoSchedule',
    );
    expect(tags).toContain(
      'gpu k8s.io/cluster-autoscaler/node-template/resources/nvidia.com/gpu=1',
    );
    expect(
      autoscaler.resource.aws_autoscaling_group_tag.cluster_autoscaler[0]
        .autoscaling_group_name,
    ).toBe(
      '${module.eks.eks_managed_node_groups[each.value.group].node_group_autoscaling_group_names[0]}',
    );
    const db: any = await parse(
      'database.tf',
      decode(files, 'terraform/database.tf'),
    );
    const rds = db.module.db[0];
    expect(rds.backup_retention_period).toBe(
      { dev: 7, staging: 14, prod: 30 }[tier],
    );
    expect(rds.deletion_protection).toBe(tier === 'prod');
    expect(rds.skip_final_snapshot).toBe(tier !== 'prod');
    const network: any = await parse(
      'network.tf',
      decode(files, 'terraform/network.tf'),
    );
    expect(network.module.vpc[0].single_nat_gateway).toBe(tier === 'dev');
    const tfFiles = files
      .filter(f => f.path.startsWith('terraform/'))
      .map(f => f.path);
    expect(tfFiles.includes('terraform/cache.tf')).toBe(true);
    const cache: any = await parse(
      'cache.tf',
      decode(files, 'terraform/cache.tf'),
    );
    // ElastiCache from staging, through terraform-aws-modules/elasticache.
    expect(cache.resource).toBeUndefined();
    expect(Boolean(cache.module?.cache)).toBe(tier !== 'dev');
    const ingress: any = await parse(
      'ingress.tf',
      decode(files, 'terraform/ingress.tf'),
    );
    expect(
      Boolean(ingress.resource?.helm_release?.aws_load_balancer_controller),
    ).toBe(tier === 'prod');
    const certificate: any = await parse(
      'certificate.tf',
      decode(files, 'terraform/certificate.tf'),
    );
    expect(certificate.module?.acm?.[0].domain_name).toBe(
      tier === 'prod' ? 'fraud.ml.example.com' : undefined,
    );
    // Validated through the Route 53 zone (records created, the module's default),
    // and apply waits for the issued certificate.
    const acm = certificate.module?.acm?.[0];
    expect(
      acm && {
        zone: acm.zone_id,
        method: acm.validation_method,
        wait: acm.wait_for_validation,
        records: acm.create_route53_records,
      },
    ).toEqual(
      tier === 'prod'
        ? { zone: 'Z0123456789ABCDEFGHIJ', method: 'DNS', wait: true }
        : undefined,
    );
    expect(groups.data?.taints.dedicated.key).toBe(
      tier === 'dev' ? undefined : 'workload',
    );
    expect(groups.ml?.instance_types).toEqual(
      tier === 'prod' ? ['m5.xlarge', 'm5.2xlarge'] : undefined,
    );
  });

  it('stops before rendering when the CIDR overlaps an existing environment', async () => {
    const templates = await loadTemplates('ml-environment');
    const values = {
      ...SAMPLE_VALUES.eks,
      vpcCidr: '10.0.128.0/19',
    };
    const res = await scaffolder.dryRun(
      'ml-environment',
      templates[TEMPLATE_NAME],
      values,
    );
    const messages = JSON.stringify(res.body);
    expect(messages).toContain('overlaps 10.0.0.0/16 of environment');
    expect(res.body.directoryContents ?? []).toEqual([]);
  });
});
