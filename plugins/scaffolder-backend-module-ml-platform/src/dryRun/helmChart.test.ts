import path from 'node:path';
import { runHelm } from '@internal/deploy-tests';
import { parseAllDocuments } from 'yaml';
import { checkKubernetesFile } from '../workspace/kubernetes';
import { formatFinding } from '../workspace/types';
import { renderShape } from '../__testUtils__/renderShape';

jest.setTimeout(120_000);

/**
 * `helm template` of the generated inference chart with the arguments the
 * release uses, every object validated against the Kubernetes schemas.
 */
async function templateChart(dir: string) {
  const { stdout } = await runHelm([
    'template',
    'inference-api',
    path.join(dir, 'helm/inference-api'),
    '--namespace',
    'mlops-system',
    '--set',
    'image.tag=v1.2.3',
    '--set',
    'model.version=7',
  ]);
  const { findings } = checkKubernetesFile('helm template', stdout);
  expect(findings.map(formatFinding)).toEqual([]);
  return parseAllDocuments(stdout)
    .map(d => d.toJS())
    .filter(Boolean);
}

const byKind = (objects: any[]) =>
  Object.fromEntries(objects.map(o => [o.kind, o]));

describe('the generated Helm chart renders to valid Kubernetes objects', () => {
  it.each([
    ['eks', { tier: 'prod' }, 'ClusterIP'],
    ['kind', {}, 'NodePort'],
    ['k3s', {}, 'LoadBalancer'],
    ['ecs', {}, 'ClusterIP'],
  ] as const)('%s', async (shape, extra, serviceType) => {
    let objects: any[] = [];
    await renderShape(shape, extra, async dir => {
      objects = await templateChart(dir);
    });
    const kinds = byKind(objects);
    expect(Object.keys(kinds).sort()).toEqual(
      [
        'Deployment',
        'HorizontalPodAutoscaler',
        ...(shape === 'eks' ? ['Ingress'] : []),
        'Service',
      ].sort(),
    );
    const pod = kinds.Deployment.spec.template;
    expect(pod.metadata.labels).toMatchObject({
      'ml-platform/model-name': 'fraud',
      'ml-platform/model-version': '7',
    });
    const [api] = pod.spec.containers;
    expect(api.image).toMatch(/inference-api:v1\.2\.3$/);
    expect(api.securityContext.readOnlyRootFilesystem).toBe(true);
    // A read-only root filesystem still leaves MLflow a writable /tmp.
    expect(api.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    expect(pod.spec.volumes).toContainEqual({
      name: 'tmp',
      emptyDir: { sizeLimit: '2Gi' },
    });
    expect(kinds.Service.spec.type).toBe(serviceType);
    expect(
      kinds.HorizontalPodAutoscaler.spec.metrics[0].resource.target,
    ).toEqual({ type: 'Utilization', averageUtilization: 70 });
  });

  it('k3s: the manifests its user data applies are checked too', async () => {
    const { report } = await renderShape('k3s');
    expect(report.counts.kubernetes).toBe(2);
  });
});
