import { createSandboxApp, demoScenario } from '@internal/ml-platform-sandbox';
import express from 'express';
import http from 'http';
import { EnvironmentConfig } from '../../config/types';
import { createKubernetesClientFactory } from '../Kubernetes';
import { loadClusterSnapshot } from './loadClusterSnapshot';
import { listenOnLoopback } from '../../__testUtils__/listenOnLoopback';

function statusBody(code: number, reason: string, message: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
}

/** The demo sandbox behind a front the test can put routes on. */
async function startFrontedSandbox(front: express.Router) {
  const app = express();
  app.use(front);
  app.use(createSandboxApp(demoScenario));
  const server = http.createServer(app);
  const { origin, close } = await listenOnLoopback(server);
  return { url: `${origin}/k8s/ml-prod`, close };
}

const environment = (url: string): EnvironmentConfig => ({
  name: 'ml-prod',
  title: 'Production',
  tier: 'prod',
  owner: 'group:default/ml-platform',
  kubernetes: {
    url,
    authProvider: 'none',
    skipTLSVerify: true,
    namespaces: ['mlops-system'],
  },
});

/** Whether `condition` holds within `ms`; the server sees a close a moment after the client. */
async function within(ms: number, condition: () => boolean) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 10));
  }
  return condition();
}

const load = (url: string) =>
  loadClusterSnapshot(
    createKubernetesClientFactory().forEnvironment(environment(url))!,
    ['mlops-system'],
  );

describe('loadClusterSnapshot when a workload list fails', () => {
  it('keeps nodes, pods, GPUs and Deployments when HPAs are missing (404)', async () => {
    const front = express.Router();
    front.get('/k8s/ml-prod/apis/autoscaling/v2/*', (_req, res) => {
      res
        .status(404)
        .json(
          statusBody(
            404,
            'NotFound',
            'the server could not find the requested resource',
          ),
        );
    });
    const sandbox = await startFrontedSandbox(front);
    try {
      const { cluster, gpus } = await load(sandbox.url);
      expect(cluster.nodes.total).toBe(10);
      expect(cluster.pods.running).toBe(28);
      expect(gpus.totals.allocatable).toBe(3);
      expect(cluster.workloads.map(w => w.name)).toContain(
        'churn-predictor-inference',
      );
      expect(cluster.workloads.every(w => !w.autoscaler)).toBe(true);
      expect(cluster.workloadErrors).toEqual([
        {
          namespace: 'mlops-system',
          kind: 'HorizontalPodAutoscaler',
          message:
            'Kubernetes API answered 404: the server could not find the requested resource',
        },
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it('keeps the rest of the cluster when Deployments are forbidden (403)', async () => {
    const front = express.Router();
    const forbidden =
      'deployments.apps is forbidden: User "system:serviceaccount:portal:reader" cannot list resource "deployments" in API group "apps" in the namespace "mlops-system"';
    front.get('/k8s/ml-prod/apis/apps/v1/*', (_req, res) => {
      res.status(403).json(statusBody(403, 'Forbidden', forbidden));
    });
    const sandbox = await startFrontedSandbox(front);
    try {
      const { cluster, gpus } = await load(sandbox.url);
      expect(cluster.nodes).toEqual({ total: 10, ready: 9, notReady: 1 });
      expect(gpus.pendingPodsTotal).toBe(2);
      expect(cluster.workloads).toEqual([]);
      expect(cluster.workloadErrors).toEqual([
        {
          namespace: 'mlops-system',
          kind: 'Deployment',
          message: `Kubernetes API answered 403: ${forbidden}`,
        },
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it('reports no workload errors when every list answers', async () => {
    const sandbox = await startFrontedSandbox(express.Router());
    try {
      expect((await load(sandbox.url)).cluster.workloadErrors).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});

describe('loadClusterSnapshot when a node or pod list fails', () => {
  it('fails the read and stops the lists still running', async () => {
    let podListStarted!: () => void;
    const podListSeen = new Promise<void>(r => {
      podListStarted = r;
    });
    let podListClosed = false;
    const front = express.Router();
    // The pod list hangs, as a big one does mid-read.
    front.get('/k8s/ml-prod/api/v1/pods', (_req, res) => {
      res.on('close', () => {
        podListClosed = true;
      });
      podListStarted();
    });
    front.get('/k8s/ml-prod/api/v1/nodes', async (_req, res) => {
      await podListSeen;
      res.status(500).json(statusBody(500, 'InternalError', 'etcd timeout'));
    });
    const sandbox = await startFrontedSandbox(front);
    try {
      await expect(load(sandbox.url)).rejects.toThrow(
        'Kubernetes API answered 500: etcd timeout',
      );
      expect(await within(1000, () => podListClosed)).toBe(true);
    } finally {
      await sandbox.close();
    }
  });

  it('stops every list when the caller aborts', async () => {
    let podListClosed = false;
    const front = express.Router();
    front.get('/k8s/ml-prod/api/v1/pods', (_req, res) => {
      res.on('close', () => {
        podListClosed = true;
      });
    });
    const sandbox = await startFrontedSandbox(front);
    try {
      const controller = new AbortController();
      const read = loadClusterSnapshot(
        createKubernetesClientFactory().forEnvironment(
          environment(sandbox.url),
        )!,
        ['mlops-system'],
        controller.signal,
      );
      setTimeout(() => controller.abort(), 200);
      await expect(read).rejects.toThrow(/abort/i);
      expect(await within(1000, () => podListClosed)).toBe(true);
    } finally {
      await sandbox.close();
    }
  });
});
