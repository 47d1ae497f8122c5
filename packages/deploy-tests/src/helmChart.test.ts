import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { HELM_PACKAGE, runHelm } from './helm';
import {
  KubernetesObject,
  parseManifests,
  validateManifest,
} from './kubernetes';
import { repoRoot } from './repo';

const root = repoRoot();
const chart = path.join(root, 'deploy/helm/ml-platform-portal');
const fullValues = path.join(chart, 'ci/full-values.yaml');
const NAMESPACE = 'ml-portal';

async function render(...args: string[]) {
  const { stdout } = await runHelm([
    'template',
    'portal',
    chart,
    '--namespace',
    NAMESPACE,
    ...args,
  ]);
  return { text: stdout, objects: parseManifests(stdout) };
}

const find = (objects: KubernetesObject[], kind: string) =>
  objects.filter(o => o.kind === kind);
const one = (objects: KubernetesObject[], kind: string) => {
  const found = find(objects, kind);
  expect(found).toHaveLength(1);
  return found[0];
};

jest.setTimeout(60_000);

describe('the helm binary', () => {
  it(`is unpacked from the npm tarball of ${HELM_PACKAGE}, not downloaded`, async () => {
    const manifest = JSON.parse(
      fs.readFileSync(require.resolve(`${HELM_PACKAGE}/package.json`), 'utf8'),
    );
    // No install hook that could fetch anything.
    for (const hook of ['preinstall', 'install', 'postinstall']) {
      expect(manifest.scripts?.[hook]).toBeUndefined();
    }
    const { stdout } = await runHelm(['version', '--short']);
    expect(stdout).toMatch(/^v\d+\.\d+\.\d+/);
  });
});

describe('Helm chart deploy/helm/ml-platform-portal', () => {
  let byName: Record<
    'default' | 'full',
    { text: string; objects: KubernetesObject[] }
  >;

  beforeAll(async () => {
    byName = {
      default: await render(),
      full: await render('-f', fullValues),
    };
  });

  it.each([
    ['default', []],
    ['full', ['-f', fullValues]],
  ])('passes helm lint --strict with the %s values', async (_name, args) => {
    const { stdout } = await runHelm(['lint', '--strict', chart, ...args]);
    expect(stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });

  it.each(['default', 'full'] as const)(
    'renders only objects valid against the Kubernetes schemas (%s values)',
    name => {
      const { objects } = byName[name];
      const kinds = objects.map(o => o.kind).sort();
      const expected = [
        'ClusterRole',
        'ClusterRoleBinding',
        'ConfigMap',
        'Deployment',
        'PodDisruptionBudget',
        'Service',
        'ServiceAccount',
        ...(name === 'full' ? ['Ingress'] : []),
      ].sort();
      expect(kinds).toEqual(expected);
      for (const object of objects) {
        expect({
          object: `${object.kind}/${object.metadata.name}`,
          problems: validateManifest(object),
        }).toEqual({
          object: `${object.kind}/${object.metadata.name}`,
          problems: [],
        });
      }
    },
  );

  it('schema validation catches a broken object', () => {
    const deployment = structuredClone(
      one(byName.default.objects, 'Deployment'),
    );
    deployment.spec.replicas = 'two';
    expect(validateManifest(deployment).join()).toMatch(/replicas/);
  });

  it.each(['default', 'full'] as const)(
    'runs 2+ non-root replicas with readiness and liveness probes (%s values)',
    name => {
      const deployment = one(byName[name].objects, 'Deployment');
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.runAsUser).not.toBe(0);
      const [container] = pod.containers;
      expect(pod.containers).toHaveLength(1);
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      // The read-only root needs a writable /tmp.
      const tmp = container.volumeMounts.find(
        (m: any) => m.mountPath === '/tmp',
      );
      expect(
        pod.volumes.find((v: any) => v.name === tmp.name).emptyDir,
      ).toBeDefined();
      expect(container.ports).toEqual([
        { name: 'http', containerPort: 7007, protocol: 'TCP' },
      ]);
      expect(container.readinessProbe.httpGet).toEqual({
        path: '/.backstage/health/v1/readiness',
        port: 'http',
      });
      expect(container.livenessProbe.httpGet).toEqual({
        path: '/.backstage/health/v1/liveness',
        port: 'http',
      });
      expect(container.resources.requests).toEqual(
        expect.objectContaining({
          cpu: expect.any(String),
          memory: expect.any(String),
        }),
      );
      expect(container.resources.limits.memory).toEqual(expect.any(String));
    },
  );

  it('loads the ConfigMap overlay after the image configs, with the environments from values', () => {
    const { objects } = byName.full;
    const deployment = one(objects, 'Deployment');
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    const configMap = one(objects, 'ConfigMap');
    expect(container.args).toEqual([
      'node',
      'packages/backend',
      '--config',
      'app-config.yaml',
      '--config',
      'app-config.production.yaml',
      '--config',
      '/app/config/app-config.environments.yaml',
    ]);
    const mount = container.volumeMounts.find(
      (m: any) => m.mountPath === '/app/config',
    );
    const volume = pod.volumes.find((v: any) => v.name === mount.name);
    expect(volume.configMap.name).toBe(configMap.metadata.name);

    const overlay = parseYaml(configMap.data['app-config.environments.yaml']);
    const values = parseYaml(fs.readFileSync(fullValues, 'utf8'));
    expect(overlay.mlPlatform.environments).toEqual(
      values.mlPlatform.environments,
    );
    expect(overlay.mlPlatform.cost.refreshIntervalHours).toBe(12);
    expect(overlay.catalog.locations).toEqual(
      values.appConfig.catalog.locations,
    );
    // Credentials stay ${VAR} references, resolved from the Secret at runtime.
    expect(overlay.mlPlatform.environments[0].mlflow.token).toBe(
      '${ML_PROD_MLFLOW_TOKEN}',
    );
  });

  it('takes secrets from an existing Secret through envFrom and creates none', () => {
    const { objects } = byName.full;
    const [container] = one(objects, 'Deployment').spec.template.spec
      .containers;
    expect(container.envFrom).toEqual([
      { secretRef: { name: 'ml-platform-portal-env' } },
    ]);
    expect(find(objects, 'Secret')).toEqual([]);
    const env = Object.fromEntries(
      container.env.map((e: any) => [e.name, e.value]),
    );
    expect(env).toMatchObject({
      APP_BASE_URL: 'https://portal.example.com',
      POSTGRES_HOST: 'portal-db.abc123.us-east-1.rds.amazonaws.com',
      POSTGRES_PORT: '5432',
      AWS_REGION: 'us-east-1',
    });
  });

  it('creates its own Secret from secrets.values, used only through envFrom', async () => {
    const password = 'pw-4f1c9e7a-never-in-plain-text';
    const { text, objects } = await render(
      '--set',
      `secrets.values.POSTGRES_PASSWORD=${password}`,
    );
    const secret = one(objects, 'Secret');
    expect(
      Buffer.from(secret.data.POSTGRES_PASSWORD, 'base64').toString(),
    ).toBe(password);
    const [container] = one(objects, 'Deployment').spec.template.spec
      .containers;
    expect(container.envFrom).toEqual([
      { secretRef: { name: secret.metadata.name } },
    ]);
    // Only the Secret carries it, and only base64-encoded.
    expect(text).not.toContain(password);
  });

  it('rejects values that break the schema', async () => {
    await expect(render('--set', 'replicaCount=two')).rejects.toThrow(
      /replicaCount/,
    );
    await expect(
      render(
        '--set',
        'mlPlatform.environments[0].name=x',
        '--set',
        'mlPlatform.environments[0].tier=qa',
        '--set',
        'mlPlatform.environments[0].owner=group:default/a',
      ),
    ).rejects.toThrow(/tier/);
    // A literal token instead of ${ENV_VAR} would end up in a ConfigMap.
    const literal = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'chart-')),
      'v.yaml',
    );
    fs.writeFileSync(
      literal,
      'mlPlatform:\n  environments:\n    - name: a\n      tier: dev\n      owner: group:default/a\n      mlflow: { url: "https://m", token: "abc123" }\n',
    );
    await expect(render('-f', literal)).rejects.toThrow(/token/);
  });

  it('grants a read-only ClusterRole on exactly what the Kubernetes client reads', () => {
    const { objects } = byName.default;
    const role = one(objects, 'ClusterRole');
    const verbs = new Set<string>(role.rules.flatMap((r: any) => r.verbs));
    expect([...verbs].sort()).toEqual(['get', 'list']);
    // get only on /version; objects are listed, never fetched one by one or watched
    expect(
      role.rules.filter((r: any) => r.resources).flatMap((r: any) => r.verbs),
    ).toEqual(['list', 'list', 'list']);
    const resources = role.rules.flatMap((r: any) => r.resources ?? []).sort();
    expect(resources).toEqual([
      'deployments',
      'horizontalpodautoscalers',
      'nodes',
      'pods',
    ]);
    expect(JSON.stringify(role.rules)).not.toContain('*');

    // The client interface of plugins/ml-platform-backend lists these; a new
    // list method means the role needs a look.
    const clientTypes = fs.readFileSync(
      path.join(
        root,
        'plugins/ml-platform-backend/src/services/Kubernetes/types.ts',
      ),
      'utf8',
    );
    const listed = [...clientTypes.matchAll(/^\s+list(\w+)\(/gm)]
      .map(m => m[1])
      .sort();
    expect(listed).toEqual([
      'Deployments',
      'HorizontalPodAutoscalers',
      'Nodes',
      'Pods',
    ]);
  });

  it('binds the role to the ServiceAccount and to the configured groups', () => {
    const { objects } = byName.full;
    const role = one(objects, 'ClusterRole');
    const binding = one(objects, 'ClusterRoleBinding');
    const account = one(objects, 'ServiceAccount');
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role.metadata.name,
    });
    expect(binding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: account.metadata.name,
        namespace: NAMESPACE,
      },
      {
        kind: 'Group',
        apiGroup: 'rbac.authorization.k8s.io',
        name: 'ml-platform-portal:read-only',
      },
    ]);
    expect(account.metadata.annotations['eks.amazonaws.com/role-arn']).toMatch(
      /^arn:aws:iam::/,
    );
    const pod = one(objects, 'Deployment').spec.template.spec;
    expect(pod.serviceAccountName).toBe(account.metadata.name);
  });

  it('wires Service, Ingress and PodDisruptionBudget to the pods', () => {
    const { objects } = byName.full;
    const deployment = one(objects, 'Deployment');
    const podLabels = deployment.spec.template.metadata.labels;
    const matches = (selector: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => podLabels[k] === v);

    const service = one(objects, 'Service');
    expect(matches(service.spec.selector)).toBe(true);
    expect(service.spec.ports[0].targetPort).toBe('http');

    const ingress = one(objects, 'Ingress');
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    expect(backend).toEqual({
      name: service.metadata.name,
      port: { name: 'http' },
    });
    expect(ingress.spec.tls[0].hosts).toEqual(['portal.example.com']);

    const pdb = one(objects, 'PodDisruptionBudget');
    expect(matches(pdb.spec.selector.matchLabels)).toBe(true);
    expect(pdb.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
  });

  it('prints the RBAC-only manifests to apply in the other watched clusters', async () => {
    const { objects } = await render(
      '--set',
      'rbac.bindServiceAccount=false',
      '--set',
      'rbac.groups={ml-platform-portal:read-only}',
      '--show-only',
      'templates/clusterrole.yaml',
      '--show-only',
      'templates/clusterrolebinding.yaml',
    );
    expect(objects.map(o => o.kind)).toEqual([
      'ClusterRole',
      'ClusterRoleBinding',
    ]);
    expect(objects[1].subjects).toEqual([
      {
        kind: 'Group',
        apiGroup: 'rbac.authorization.k8s.io',
        name: 'ml-platform-portal:read-only',
      },
    ]);
  });
  it('NOTES.txt warns about a missing Secret and names the per-cluster role step', async () => {
    const notes = async (...args: string[]) => {
      const { stdout } = await runHelm([
        'install',
        'portal',
        chart,
        '--dry-run=client',
        '--namespace',
        NAMESPACE,
        ...args,
      ]);
      return stdout.slice(stdout.indexOf('NOTES:'));
    };
    const bare = await notes();
    expect(bare).toContain('WARNING: no Secret is configured');
    expect(bare).toContain('mlPlatform.environments is empty');
    expect(bare).toContain(
      'kubectl -n ml-portal port-forward svc/portal-ml-platform-portal',
    );
    const full = await notes('-f', fullValues);
    expect(full).not.toContain('WARNING');
    expect(full).toContain('Open: https://portal.example.com');
    expect(full).toContain(
      'Apply the same role in every other watched cluster',
    );
  });
});
