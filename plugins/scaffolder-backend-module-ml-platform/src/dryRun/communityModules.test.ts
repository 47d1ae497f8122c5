import { parse } from '@cdktf/hcl2json';
import { renderShape } from '../__testUtils__/renderShape';
import { KNOWN_MODULES } from '../workspace/terraformModules';

jest.setTimeout(120_000);

/** Resources a terraform-aws-modules module creates; the skeleton must not write them by hand. */
const MODULE_OWNED = /^aws_(elasticache_|ecr_repository|ecs_|lb)/;

type Rendered = Awaited<ReturnType<typeof renderShape>>;

/** Every module block and resource type of the rendered Terraform. */
async function terraformOf({ files, read }: Rendered) {
  const modules: Record<string, any> = {};
  const locals: Record<string, any> = {};
  const resourceTypes: string[] = [];
  for (const { path } of files.filter(f => f.path.endsWith('.tf'))) {
    const tf: any = await parse(path, read(path));
    for (const [name, [block]] of Object.entries<any>(tf.module ?? {}))
      modules[name] = block;
    resourceTypes.push(...Object.keys(tf.resource ?? {}));
    for (const block of tf.locals ?? []) Object.assign(locals, block);
  }
  return { modules, locals, resourceTypes };
}

const recorded = (block: any) =>
  KNOWN_MODULES.some(
    m => m.source === block.source && m.version === block.version,
  );

describe('community modules instead of hand-written resources', () => {
  it.each([
    ['eks', { tier: 'dev' }, ['ecr']],
    ['eks', { tier: 'staging' }, ['ecr', 'cache']],
    ['eks', { tier: 'prod' }, ['ecr', 'cache']],
    ['ecs', {}, ['ecr', 'ecs_cluster', 'service', 'alb']],
    ['k3s', {}, []],
  ] as const)(
    '%s %j: no hand-written ElastiCache, ECR, ECS or ALB resources; modules %j at recorded pins',
    async (shape, extra, expected) => {
      const { modules, resourceTypes } = await terraformOf(
        await renderShape(shape, extra),
      );
      expect(resourceTypes.filter(t => MODULE_OWNED.test(t))).toEqual([]);
      for (const name of expected)
        expect([name, recorded(modules[name])]).toEqual([name, true]);
      // Every registry module is one whose inputs the workspace check knows.
      const community = Object.entries(modules).filter(([, b]) =>
        String(b.source).startsWith('terraform-aws-modules/'),
      );
      expect(community.filter(([, b]) => !recorded(b))).toEqual([]);
    },
  );

  it('EKS: Redis encrypted in transit and at rest, in the private subnets, from the node security group only', async () => {
    for (const [tier, nodes] of [
      ['staging', 1],
      ['prod', 2],
    ] as const) {
      const { modules } = await terraformOf(await renderShape('eks', { tier }));
      const cache = modules.cache;
      expect(cache).toMatchObject({
        source: 'terraform-aws-modules/elasticache/aws',
        engine: 'redis',
        num_cache_clusters: nodes,
        automatic_failover_enabled: nodes > 1,
        at_rest_encryption_enabled: true,
        transit_encryption_enabled: true,
        subnet_ids: '${module.vpc.private_subnets}',
      });
      expect(Object.values<any>(cache.security_group_rules)).toEqual([
        expect.objectContaining({
          type: 'ingress',
          referenced_security_group_id: '${module.eks.node_security_group_id}',
        }),
      ]);
    }
  });

  it('ECR: both repositories scan on push, keep tags immutable and expire old images', async () => {
    const { modules } = await terraformOf(await renderShape('ecs'));
    const ecr = modules.ecr;
    expect(ecr.for_each).toBe('${toset(["inference-api", "training"])}');
    expect(ecr).toMatchObject({
      repository_image_tag_mutability: 'IMMUTABLE',
      repository_image_scan_on_push: true,
      create_lifecycle_policy: true,
    });
    expect(ecr.repository_lifecycle_policy).toMatch(
      /tagStatus\s*=\s*"untagged"/,
    );
    expect(ecr.repository_lifecycle_policy).toMatch(
      /countType\s*=\s*"imageCountMoreThan"/,
    );
  });

  it('ECS: Fargate services behind an HTTPS ALB with /health checks, secrets, logs and CPU tracking at 70%', async () => {
    const { modules, locals } = await terraformOf(await renderShape('ecs'));
    const { service, alb } = modules;
    expect(locals.services['inference-api'].health).toBe('/health');
    expect(locals.services.mlflow.health).toBe('/mlflow/health');
    expect(service).toMatchObject({
      launch_type: 'FARGATE',
      task_exec_ssm_param_arns: [],
      task_exec_secret_arns: '${each.value.secret_arns}',
      deployment_circuit_breaker: { enable: true, rollback: true },
    });
    const container = service.container_definitions['${(each.key)}'];
    expect(container).toMatchObject({
      secrets: '${each.value.secrets}',
      user: '1000',
      cloudwatch_log_group_name: '/ecs/${local.name}/${each.key}',
      cloudwatch_log_group_retention_in_days: 30,
    });
    expect(service.autoscaling_policies.cpu).toMatchObject({
      policy_type: 'TargetTrackingScaling',
      target_tracking_scaling_policy_configuration: {
        target_value: 70,
        predefined_metric_specification: {
          predefined_metric_type: 'ECSServiceAverageCPUUtilization',
        },
      },
    });

    expect(alb.listeners.http.redirect).toEqual({
      port: '443',
      protocol: 'HTTPS',
      status_code: 'HTTP_301',
    });
    expect(alb.listeners.https).toMatchObject({
      protocol: 'HTTPS',
      certificate_arn: '${module.acm.acm_certificate_arn}',
      forward: { target_group_key: 'inference-api' },
    });
    expect(alb.listeners.https.rules.mlflow.actions).toEqual([
      { type: 'forward', target_group_key: 'mlflow' },
    ]);
    for (const [key, path] of [
      ['inference-api', '${local.services["inference-api"].health}'],
      ['mlflow', '${local.services.mlflow.health}'],
    ])
      expect(alb.target_groups[key]).toMatchObject({
        target_type: 'ip',
        create_attachment: false,
        health_check: { path, matcher: '200' },
      });
  });
});
