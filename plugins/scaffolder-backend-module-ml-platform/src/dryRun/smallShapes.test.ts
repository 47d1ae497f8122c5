import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { checkRenderedTree } from '../workspace/checkRenderedTree';
import { formatFinding } from '../workspace/types';
import { startScaffolder } from '../__testUtils__/testBackend';
import { loadTemplates } from '../__testUtils__/templateFiles';
import { SAMPLE_VALUES, TEMPLATE_NAME } from '../__testUtils__/values';
import { writeDirectoryContents } from '../__testUtils__/writeDirectoryContents';

jest.setTimeout(120_000);

type Files = { path: string; base64Content: string }[];
const read = (files: Files, p: string) => {
  const file = files.find(f => f.path === p);
  if (!file) throw new Error(`${p} was not rendered`);
  return Buffer.from(file.base64Content, 'base64').toString('utf8');
};

async function renderValid(
  shape: keyof typeof SAMPLE_VALUES,
  extra: Record<string, unknown> = {},
) {
  const scaffolder = await startScaffolder();
  const templates = await loadTemplates('ml-environment');
  const res = await scaffolder.dryRun(
    'ml-environment',
    templates[TEMPLATE_NAME],
    {
      ...SAMPLE_VALUES[shape],
      ...extra,
    },
  );
  expect(res.body.error).toBeUndefined();
  expect(res.status).toBe(200);
  const files = res.body.directoryContents!;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `${shape}-`));
  try {
    await writeDirectoryContents(dir, files);
    const report = await checkRenderedTree(dir);
    expect(report.findings.map(formatFinding)).toEqual([]);
    return { files, report, output: res.body.output! };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('small shapes dry run', () => {
  it('renders a local kind environment with registry, data services and MLflow', async () => {
    const { files, report, output } = await renderValid('kind');
    const cluster = parseYaml(read(files, 'kind/cluster.yaml'));
    expect(cluster.nodes.map((n: any) => n.role)).toEqual([
      'control-plane',
      'worker',
      'worker',
    ]);
    expect(
      cluster.nodes[0].extraPortMappings.map((m: any) => m.hostPort),
    ).toEqual([5000, 9000, 9001, 8000, 3001, 5432, 6379]);
    for (const service of ['minio', 'postgresql', 'redis', 'mlflow']) {
      expect(files.map(f => f.path)).toContain(`k8s/${service}.yaml`);
    }
    expect(report.counts.kubernetes).toBeGreaterThanOrEqual(10);
    expect(report.counts.terraform).toBe(0);
    expect(files.some(f => f.path.startsWith('terraform/'))).toBe(false);
    expect(files.some(f => f.path === '.github/workflows/terraform.yaml')).toBe(
      false,
    );
    const entity = parseYaml(read(files, 'catalog-info.yaml'));
    expect(entity.metadata.annotations['ml-platform/monthly-estimate']).toBe(
      '0',
    );
    expect(entity.metadata.annotations['ml-platform/vpc-cidr']).toBeUndefined();
    expect(output.text[0].content).toContain('About 0 USD/month');
  });

  it('kind: every host port reaches a Service node port, and MLflow, MinIO and the chart share one bucket', async () => {
    const { files } = await renderValid('kind');
    const cluster = parseYaml(read(files, 'kind/cluster.yaml'));
    const nodePorts = new Set<number>();
    for (const file of files.filter(f => /^k8s\/.*\.yaml$/.test(f.path)))
      for (const doc of parseAllDocuments(read(files, file.path)))
        if (doc.get('kind') === 'Service')
          for (const port of doc.toJS().spec.ports ?? [])
            if (port.nodePort) nodePorts.add(port.nodePort);
    const api = parseYaml(read(files, 'helm/inference-api/values.yaml'));
    expect(api.service).toMatchObject({ type: 'NodePort', nodePort: 30800 });
    nodePorts.add(api.service.nodePort);
    const monitoring = parseYaml(read(files, 'helm/monitoring/values.yaml'));
    expect(monitoring.grafana.service).toMatchObject({
      type: 'NodePort',
      nodePort: 30301,
    });
    nodePorts.add(monitoring.grafana.service.nodePort);
    const mapped = cluster.nodes[0].extraPortMappings.map(
      (m: any) => m.containerPort,
    );
    expect(mapped.filter((p: number) => !nodePorts.has(p))).toEqual([]);

    const bucket = 'fraud-local-mlflow-artifacts';
    expect(read(files, 'k8s/mlflow.yaml')).toContain(
      `--artifacts-destination s3://${bucket}`,
    );
    expect(
      parseYaml(read(files, 'helm/mlflow/values.yaml')).artifactRoot.s3.bucket,
    ).toBe(bucket);
    const job = parseAllDocuments(read(files, 'k8s/minio-bucket.yaml'))
      .map(d => d.toJS())
      .find(o => o.kind === 'Job');
    expect(job.spec.template.spec.containers[0].args.join(' ')).toContain(
      `mc mb --ignore-existing local/${bucket}`,
    );
    const up = read(files, 'scripts/kind-up.sh');
    expect(up).toContain('job/minio-bucket');
    expect(up).toContain('helm upgrade --install monitoring');
  });

  it('renders single-node k3s on EC2 with MLflow artifacts in S3 and no NAT', async () => {
    const { files, output } = await renderValid('k3s');
    const network: any = await parse(
      'network.tf',
      read(files, 'terraform/network.tf'),
    );
    expect(network.module.vpc[0].enable_nat_gateway).toBe(false);
    expect(read(files, 'terraform/network.tf')).toContain(
      'cidr_blocks = ["203.0.113.0/24"]',
    );
    const instance: any = await parse(
      'instance.tf',
      read(files, 'terraform/instance.tf'),
    );
    expect(instance.resource.aws_instance.k3s[0].instance_type).toBe(
      't3.medium',
    );
    expect(read(files, 'terraform/user-data.sh.tftpl')).toContain(
      '--artifacts-destination s3://${artifact_bucket}/mlflow',
    );
    expect(output.text[0].content).toContain('About 30 USD/month');
  });

  it('renders ECS Fargate with MLflow on RDS + S3 behind HTTPS, secrets and alarms', async () => {
    const { files } = await renderValid('ecs');
    const alb: any = await parse('alb.tf', read(files, 'terraform/alb.tf'));
    const lb = alb.module.alb[0];
    expect(lb.listeners.https).toMatchObject({ port: 443, protocol: 'HTTPS' });
    const services: any = await parse(
      'services.tf',
      read(files, 'terraform/services.tf'),
    );
    expect(services.module.service[0]).toMatchObject({
      cpu: 512,
      memory: 1024,
    });
    const alarms: any = await parse(
      'alarms.tf',
      read(files, 'terraform/alarms.tf'),
    );
    expect(Object.keys(alarms.locals[0].alarms)).toHaveLength(4);
    expect(read(files, 'terraform/secrets.tf')).toContain(
      'aws_secretsmanager_secret',
    );
    const db: any = await parse(
      'database.tf',
      read(files, 'terraform/database.tf'),
    );
    expect(db.module.db[0].manage_master_user_password).toBe(true);
    const cert: any = await parse(
      'certificate.tf',
      read(files, 'terraform/certificate.tf'),
    );
    expect(cert.module.acm[0]).toMatchObject({
      domain_name: 'fraud.ml.example.com',
      zone_id: 'Z0123456789ABCDEFGHIJ',
      wait_for_validation: true,
    });
    // The HTTPS listener takes the validated certificate, and the domain points at the ALB.
    expect(lb.listeners.https.certificate_arn).toBe(
      '${module.acm.acm_certificate_arn}',
    );
    expect(lb.route53_records.domain).toMatchObject({
      zone_id: 'Z0123456789ABCDEFGHIJ',
      name: 'fraud.ml.example.com',
      type: 'A',
    });
  });

  it('starts ECS MLflow as a non-root user with a writable HOME and the DB password URL-encoded', async () => {
    const { files } = await renderValid('ecs');
    const services: any = await parse(
      'services.tf',
      read(files, 'terraform/services.tf'),
    );
    const mlflow = services.locals[0].services.mlflow;
    expect(mlflow.environment).toContainEqual({ name: 'HOME', value: '/tmp' });
    expect(mlflow.secrets).toContainEqual({
      name: 'DB_PASSWORD',
      valueFrom: '${module.db.db_instance_master_user_secret_arn}:password::',
    });
    const command: string = services.locals[0].mlflow_command;
    expect(mlflow.command).toEqual(['sh', '-c', '${local.mlflow_command}']);
    expect(command).toContain('pip install --quiet --no-cache-dir --user');
    expect(command).not.toMatch(/\$DB_PASSWORD@/);
    // The URI the start command builds holds a password with URL delimiters intact.
    const script = /python3? -c '([^']+)'/.exec(command)![1];
    const uri = execFileSync('python3', ['-c', script], {
      env: {
        PATH: process.env.PATH,
        DB_USER: 'mlflow',
        DB_PASSWORD: 'p@ss:w/rd%#?',
        DB_HOST: 'db.example.internal:5432',
      },
      encoding: 'utf8',
    }).trim();
    expect(uri).toBe(
      'postgresql://mlflow:p%40ss%3Aw%2Frd%25%23%3F@db.example.internal:5432/mlflow',
    );
    expect(command).toContain('--backend-store-uri "$uri"');
  });

  it('renders the large size: a bigger k3s host and more, larger ECS tasks, priced the same', async () => {
    const k3s = await renderValid('k3s', { size: 'large' });
    const instance: any = await parse(
      'instance.tf',
      read(k3s.files, 'terraform/instance.tf'),
    );
    expect(instance.resource.aws_instance.k3s[0].instance_type).toBe(
      'm5.2xlarge',
    );
    expect(k3s.output.text[0].content).toContain('m5.2xlarge');

    const ecs = await renderValid('ecs', { size: 'large' });
    const services: any = await parse(
      'services.tf',
      read(ecs.files, 'terraform/services.tf'),
    );
    expect(services.module.service[0]).toMatchObject({
      cpu: 2048,
      memory: 4096,
    });
    expect(read(ecs.files, 'terraform/services.tf')).toMatch(/count\s+= 4/);
    expect(ecs.output.text[0].content).toContain(
      'Fargate vCPU, inference-api (4 tasks) x 8',
    );
  });

  it('enforces the shape-dependent form fields on the server (dry-run API validates the parameters)', async () => {
    const scaffolder = await startScaffolder();
    const templates = await loadTemplates('ml-environment');
    const { adminCidr: _omitted, ...withoutAdmin } = SAMPLE_VALUES.k3s;
    const cases: [Record<string, unknown>, RegExp][] = [
      [withoutAdmin, /adminCidr/],
      [{ ...SAMPLE_VALUES.ecs, size: 'huge' }, /size|enum/],
      [{ ...SAMPLE_VALUES.eks, tier: 'qa' }, /tier|enum/],
      [{ ...SAMPLE_VALUES.eks, shape: 'gke' }, /shape|enum/],
      // The form carries the prefix limits too: /20 is too small for the EKS/ECS subnets.
      [{ ...SAMPLE_VALUES.ecs, vpcCidr: '10.70.0.0/20' }, /vpcCidr/],
      [{ ...SAMPLE_VALUES.eks, vpcCidr: '10.40.0.0/24' }, /vpcCidr/],
      [{ ...SAMPLE_VALUES.k3s, vpcCidr: '10.60.0.0/29' }, /vpcCidr/],
      [{ ...SAMPLE_VALUES.k3s, adminCidr: '0.0.0.0/0' }, /adminCidr/],
      [{ ...SAMPLE_VALUES.k3s, adminCidr: '300.1.1.1/24' }, /adminCidr/],
    ];
    for (const [values, mentions] of cases) {
      const res = await scaffolder.dryRun(
        'ml-environment',
        templates[TEMPLATE_NAME],
        values,
      );
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.errors)).toMatch(mentions);
    }
  });
});
