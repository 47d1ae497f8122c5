import { CoreV1Api, KubeConfig, V1Node } from '@kubernetes/client-node';
import { readFile } from 'fs/promises';
import { EnvironmentConfig, KubernetesConnection } from '../../config/types';
import { GpuAllocation, GpuAllocationSource } from './types';

const GPU = 'nvidia.com/gpu';
const INSTANCE_TYPE = 'node.kubernetes.io/instance-type';
const PAGE = 500;

async function apiFor(k8s: KubernetesConnection): Promise<CoreV1Api> {
  const token =
    k8s.serviceAccountToken ??
    (k8s.serviceAccountTokenFile
      ? (await readFile(k8s.serviceAccountTokenFile, 'utf8')).trim()
      : undefined);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'env',
        server: k8s.url,
        // client-node refuses plain http otherwise; there is no TLS to verify.
        skipTLSVerify: k8s.skipTLSVerify || k8s.url.startsWith('http:'),
        caData: k8s.caData,
      },
    ],
    users: [{ name: 'portal', ...(token && { token }) }],
    contexts: [{ name: 'env', cluster: 'env', user: 'portal' }],
    currentContext: 'env',
  });
  return kc.makeApiClient(CoreV1Api);
}

const isReady = (node: V1Node) =>
  node.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True');

/**
 * Samples GPU allocation from the Kubernetes API with @kubernetes/client-node:
 * nodes (paged) and running pods. Environments using authProvider aws are
 * skipped until the cluster client supports EKS tokens.
 */
export function createKubernetesGpuAllocationSource(): GpuAllocationSource {
  return {
    async sample(env: EnvironmentConfig): Promise<GpuAllocation[]> {
      const k8s = env.kubernetes;
      if (!k8s || k8s.authProvider === 'aws') {
        return [];
      }
      const api = await apiFor(k8s);
      const nodes: V1Node[] = [];
      let token: string | undefined;
      do {
        const page = await api.listNode({ limit: PAGE, _continue: token });
        nodes.push(...page.items);
        token = page.metadata?._continue || undefined;
      } while (token);

      const gpuNodes = nodes.filter(
        n => Number(n.status?.allocatable?.[GPU] ?? 0) > 0 && isReady(n),
      );
      if (gpuNodes.length === 0) {
        return [];
      }
      const pods = await api.listPodForAllNamespaces({
        fieldSelector: 'status.phase=Running',
      });
      const requestedByNode = new Map<string, number>();
      for (const pod of pods.items) {
        const node = pod.spec?.nodeName;
        if (!node) {
          continue;
        }
        const gpus = (pod.spec?.containers ?? []).reduce(
          (sum, c) =>
            sum +
            Number(
              c.resources?.requests?.[GPU] ?? c.resources?.limits?.[GPU] ?? 0,
            ),
          0,
        );
        requestedByNode.set(node, (requestedByNode.get(node) ?? 0) + gpus);
      }

      const byType = new Map<string, GpuAllocation>();
      for (const node of gpuNodes) {
        const instanceType =
          node.metadata?.labels?.[INSTANCE_TYPE] ?? 'unknown';
        const entry = byType.get(instanceType) ?? {
          instanceType,
          allocatable: 0,
          requested: 0,
        };
        entry.allocatable += Number(node.status?.allocatable?.[GPU] ?? 0);
        entry.requested += requestedByNode.get(node.metadata?.name ?? '') ?? 0;
        byType.set(instanceType, entry);
      }
      return [...byType.values()];
    },
  };
}
