import {
  ClusterScenario,
  DeploymentScenario,
  PodScenario,
} from '../scenarios/types';
import { fillerPod, pendingGpuPod } from './generatedPods';
import { countNodes, nodeName, nodeSlot } from './nodes';
import { PodJson, podObject } from './podObject';

/** Pods of a cluster by position, made when asked so 100,000 of them cost nothing at rest. */
export interface PodSource {
  total: number;
  at(position: number): PodJson;
}

function readyNodeNames(cluster: ClusterScenario, groupName: string) {
  const ordinal = cluster.nodeGroups.findIndex(g => g.name === groupName);
  if (ordinal < 0) {
    throw new Error(`sandbox scenario: no node group '${groupName}'`);
  }
  const group = cluster.nodeGroups[ordinal];
  const names = [];
  for (let i = group.notReady ?? 0; i < group.count; i++) {
    names.push(nodeName(ordinal, i));
  }
  return names;
}

function deploymentPods(cluster: ClusterScenario, d: DeploymentScenario) {
  const nodes = readyNodeNames(cluster, d.nodeGroup);
  return Array.from({ length: d.replicas }, (_, i) =>
    podObject({
      namespace: d.namespace,
      name: `${d.name}-7d9f8c6b5-${i.toString(36).padStart(5, 'x')}`,
      app: d.name,
      phase: i < d.ready ? 'Running' : 'Pending',
      nodeName: i < d.ready ? nodes[i % nodes.length] : undefined,
      requests: d.requests,
      initRequests: d.initRequests,
      pendingMessage: d.pendingMessage,
      owner: { kind: 'ReplicaSet', name: `${d.name}-7d9f8c6b5` },
      env: d.model && [
        {
          name: 'MODEL_URI',
          value: `models:/${d.model.name}/${d.model.version}`,
        },
      ],
    }),
  );
}

function jobPod(cluster: ClusterScenario, p: PodScenario) {
  const nodes = p.nodeGroup ? readyNodeNames(cluster, p.nodeGroup) : [];
  return podObject({
    namespace: p.namespace,
    name: p.name,
    app: p.name.replace(/-[a-z0-9]{5}$/, ''),
    phase: p.phase,
    nodeName: p.phase === 'Pending' ? undefined : nodes[0],
    requests: p.requests,
    pendingMessage: p.pendingMessage,
    owner: { kind: 'Job', name: p.name.replace(/-[a-z0-9]{5}$/, '') },
  });
}

const DAEMONS = [
  { app: 'aws-node', requests: { cpu: '25m', memory: '0' } },
  { app: 'kube-proxy', requests: { cpu: '100m', memory: '0' } },
];

/**
 * The pods of a cluster in list order: Deployment pods, job pods, one pod per
 * DaemonSet per node, then generated pods and generated pods waiting for
 * GPUs. Only the first two are built up front (a handful); the rest are made
 * per position.
 */
export function podSource(cluster: ClusterScenario): PodSource {
  const fixed = [
    ...(cluster.deployments ?? []).flatMap(d => deploymentPods(cluster, d)),
    ...(cluster.pods ?? []).map(p => jobPod(cluster, p)),
  ];
  const nodeCount = countNodes(cluster);
  const daemonCount = nodeCount * DAEMONS.length;
  const fillerCount = cluster.fillerPods ?? 0;
  const pendingGpuCount = cluster.pendingGpuPods?.count ?? 0;
  return {
    total: fixed.length + daemonCount + fillerCount + pendingGpuCount,
    at(position) {
      if (position < fixed.length) {
        return fixed[position];
      }
      let rest = position - fixed.length;
      if (rest < daemonCount) {
        const daemon = DAEMONS[rest % DAEMONS.length];
        const slot = nodeSlot(cluster, Math.floor(rest / DAEMONS.length));
        return podObject({
          namespace: 'kube-system',
          name: `${daemon.app}-${slot.ordinal}x${slot.index}`,
          app: daemon.app,
          phase: 'Running',
          nodeName: nodeName(slot.ordinal, slot.index),
          requests: daemon.requests,
          owner: { kind: 'DaemonSet', name: daemon.app },
          gpuToleration: true,
        });
      }
      rest -= daemonCount;
      if (rest < fillerCount) {
        return fillerPod(rest, nodeCount, cluster);
      }
      return pendingGpuPod(rest - fillerCount, cluster);
    },
  };
}
