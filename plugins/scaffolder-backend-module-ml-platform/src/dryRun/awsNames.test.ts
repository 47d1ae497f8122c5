import { parse } from '@cdktf/hcl2json';
import { environmentRequestSchema } from '../environment/request';
import { renderShape } from '../__testUtils__/renderShape';

jest.setTimeout(120_000);

/** The longest name the form and the server accept: 29 characters. */
const LONGEST = 'fraud-detection-staging-eu-w1';

const resolve = (expression: string) =>
  expression.replace(/\$\{local\.name\}/g, LONGEST);

/** AWS naming rules the resources derived from the environment name must meet. */
function problems(
  what: string,
  name: string,
  max: number,
  { prefix = false } = {},
): string[] {
  const found: string[] = [];
  if (name.length > max) found.push(`${what} '${name}' is over ${max}`);
  if (!/^[a-z]/.test(name))
    found.push(`${what} '${name}' starts with no letter`);
  if (/--/.test(name)) found.push(`${what} '${name}' has '--'`);
  if (!prefix && /-$/.test(name)) found.push(`${what} '${name}' ends with '-'`);
  return found;
}

describe('names derived from the environment name fit AWS limits', () => {
  it('accepts 29 characters starting with a letter, and nothing longer or shaped otherwise', () => {
    const base = {
      project: 'fraud',
      owner: 'group:default/ml-platform',
      shape: 'eks' as const,
    };
    expect(LONGEST).toHaveLength(29);
    expect(
      environmentRequestSchema.safeParse({ ...base, name: LONGEST }).success,
    ).toBe(true);
    for (const name of [
      `${LONGEST}x`,
      '1fraud',
      'fraud--dev',
      'fraud-',
      'Fraud',
    ]) {
      const result = environmentRequestSchema.safeParse({ ...base, name });
      expect([name, result.success]).toEqual([name, false]);
      expect(result.error?.issues[0].message).toBe(
        "Environment name must start with a letter and hold only lowercase letters, digits and single '-' between them, at most 29 characters (AWS names derived from it, such as the EKS cluster role prefix '<name>-cluster-', allow 38)",
      );
    }
  });

  it('EKS prod: cluster role prefix, load balancer controller role, ElastiCache and RDS ids', async () => {
    const { read } = await renderShape('eks', { tier: 'prod', name: LONGEST });
    const cache: any = await parse('cache.tf', read('terraform/cache.tf'));
    const db: any = await parse('database.tf', read('terraform/database.tf'));
    const ingress: any = await parse(
      'ingress.tf',
      read('terraform/ingress.tf'),
    );
    const cluster: any = await parse(
      'cluster.tf',
      read('terraform/cluster.tf'),
    );
    // terraform-aws-modules/eks names the cluster role with the prefix "<cluster_name>-cluster-".
    const clusterName = resolve(cluster.module.eks[0].cluster_name);
    expect([
      ...problems('EKS cluster role prefix', `${clusterName}-cluster-`, 38, {
        prefix: true,
      }),
      ...problems(
        'load balancer controller role',
        resolve(ingress.module.load_balancer_controller_irsa[0].role_name),
        64,
      ),
      ...problems(
        'ElastiCache replication group',
        resolve(cache.module.cache[0].replication_group_id),
        40,
      ),
      ...problems('RDS identifier', resolve(db.module.db[0].identifier), 63),
    ]).toEqual([]);
  });

  it('ECS: the ALB name is the whole environment name, never cut to end in a hyphen', async () => {
    const { read } = await renderShape('ecs', { name: LONGEST });
    const alb: any = await parse('alb.tf', read('terraform/alb.tf'));
    const name = resolve(alb.module.alb[0].name);
    expect(name).toBe(LONGEST);
    expect(problems('ALB', name, 32)).toEqual([]);
    // The service module names each service's roles (not prefixes: 38 at most).
    const services: any = await parse(
      'services.tf',
      read('terraform/services.tf'),
    );
    const service = services.module.service[0];
    expect(service.task_exec_iam_role_use_name_prefix).toBe(false);
    expect(service.tasks_iam_role_use_name_prefix).toBe(false);
    const roles = Object.keys(services.locals[0].services).flatMap(key =>
      [service.task_exec_iam_role_name, service.tasks_iam_role_name].map(role =>
        resolve(role).replace('${each.key}', key),
      ),
    );
    expect(roles).toHaveLength(4);
    expect(roles.flatMap(role => problems('IAM role', role, 64))).toEqual([]);
  });
});
