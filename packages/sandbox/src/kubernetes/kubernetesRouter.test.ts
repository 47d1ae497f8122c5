import request from 'supertest';
import { demoScenario } from '../scenarios/demo';
import { scaleScenario } from '../scenarios/scale';
import { createSandboxApp } from '../server';

const app = createSandboxApp(demoScenario);

async function listAll(path: string, limit: number) {
  const items: any[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const res = await request(app)
      .get(path)
      .query({ limit, ...(token && { continue: token }) })
      .expect(200);
    items.push(...res.body.items);
    token = res.body.metadata.continue;
    pages++;
  } while (token);
  return { items, pages };
}

describe('sandbox pods', () => {
  it('pages all pods of prod, with DaemonSet pods on every node', async () => {
    const { items, pages } = await listAll('/k8s/ml-prod/api/v1/pods', 7);
    const names = items.map(p => p.metadata.name);
    expect(new Set(names).size).toBe(names.length);
    expect(pages).toBe(Math.ceil(items.length / 7));
    const kubeProxy = items.filter(p =>
      p.metadata.name.startsWith('kube-proxy'),
    );
    expect(kubeProxy).toHaveLength(10);
    expect(items[0].kind ?? 'Pod').toBe('Pod');
  });

  it('has GPU training pods pending with the scheduler message', async () => {
    const { items } = await listAll('/k8s/ml-prod/api/v1/pods', 50);
    const training = items.filter(p =>
      p.metadata.name.startsWith('demand-forecaster-train'),
    );
    expect(training).toHaveLength(2);
    expect(training[0].status.phase).toBe('Pending');
    expect(training[0].spec.nodeName).toBeUndefined();
    const scheduled = training[0].status.conditions.find(
      (c: any) => c.type === 'PodScheduled',
    );
    expect(scheduled).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
    });
    expect(scheduled.message).toContain('7 Insufficient nvidia.com/gpu');
  });

  it('filters pods by namespace', async () => {
    const { items } = await listAll(
      '/k8s/ml-prod/api/v1/namespaces/mlops-system/pods',
      4,
    );
    expect(items.length).toBeGreaterThan(5);
    expect(items.every(p => p.metadata.namespace === 'mlops-system')).toBe(
      true,
    );
  });
});

describe('sandbox deployments and autoscalers', () => {
  it('labels inference Deployments with the model version they serve', async () => {
    const res = await request(app)
      .get('/k8s/ml-prod/apis/apps/v1/namespaces/mlops-system/deployments')
      .expect(200);
    expect(res.body.kind).toBe('DeploymentList');
    const served = res.body.items
      .filter((d: any) => d.metadata.labels['ml-platform/model-name'])
      .map((d: any) => [
        d.metadata.labels['ml-platform/model-name'],
        d.metadata.labels['ml-platform/model-version'],
        d.spec.template.spec.containers[0].env[0].value,
      ]);
    expect(served).toEqual([
      ['fraud-detector', '4', 'models:/fraud-detector/4'],
      ['churn-predictor', '2', 'models:/churn-predictor/2'],
      ['demand-forecaster', '1', 'models:/demand-forecaster/1'],
    ]);
  });

  it('lists deployments cluster-wide and none in other namespaces', async () => {
    const all = await request(app)
      .get('/k8s/ml-dev/apis/apps/v1/deployments')
      .expect(200);
    expect(all.body.items).toHaveLength(3);
    const none = await request(app)
      .get('/k8s/ml-dev/apis/apps/v1/namespaces/default/deployments')
      .expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('serves autoscaling/v2 HPAs with targets and current utilisation', async () => {
    const res = await request(app)
      .get(
        '/k8s/ml-prod/apis/autoscaling/v2/namespaces/mlops-system/horizontalpodautoscalers',
      )
      .expect(200);
    const churn = res.body.items.find(
      (h: any) => h.metadata.name === 'churn-predictor-inference',
    );
    expect(churn.spec).toMatchObject({ minReplicas: 2, maxReplicas: 6 });
    expect(churn.spec.metrics[0].resource.target.averageUtilization).toBe(70);
    expect(churn.status).toMatchObject({
      currentReplicas: 3,
      desiredReplicas: 3,
    });
  });
});

describe('scale scenario', () => {
  it('serves 5,000 nodes and 100,000 pods page by page', async () => {
    const big = createSandboxApp(scaleScenario({ nodes: 5000, pods: 100000 }));
    const nodes = await request(big)
      .get('/k8s/ml-scale/api/v1/nodes')
      .query({ limit: 500 })
      .expect(200);
    expect(nodes.body.items).toHaveLength(500);
    expect(nodes.body.metadata.remainingItemCount).toBe(4500);
    const pods = await request(big)
      .get('/k8s/ml-scale/api/v1/pods')
      .query({ limit: 500 })
      .expect(200);
    expect(pods.body.metadata.remainingItemCount).toBe(99500);
    const last = await request(big)
      .get('/k8s/ml-scale/api/v1/pods')
      .query({
        limit: 500,
        continue: Buffer.from('{"offset":99900}').toString('base64url'),
      })
      .expect(200);
    expect(last.body.items).toHaveLength(100);
    expect(last.body.metadata.continue).toBeUndefined();
  });
});
