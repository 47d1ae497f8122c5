import {
  ClusterScenario,
  DeploymentScenario,
  PodScenario,
  ResourcesScenario,
} from '../scenarios/types';
import { countNodes, nodeName, nodeSlot } from './nodes';

const CREATED = '2026-11-20T08:00:00Z';

/** Pods of a cluster by position, made when asked so 100,000 of them cost nothing at rest. */
export interface PodSource {
  total: number;
  at(position: number): PodJson;
}

export type PodJson = ReturnType<typeof podObject>;

function resources(r: ResourcesScenario, gpuInLimitsOnly = false) {
  const requests: Record<string, string> = { cpu: r.cpu };
  const limits: Record<string, string> = {};
  if (r.memory !== '0') {
    requests.memory = r.memory;
    limits.memory = r.memory;
  }
  if (r.gpu) {
    // GPUs are often set as limits only; requests then default to them.
    limits['nvidia.com/gpu'] = String(r.gpu);
    if (!gpuInLimitsOnly) {
      requests['nvidia.com/gpu'] = String(r.gpu);
    }
  }
  return { requests, limits };
}

interface PodShape {
  namespace: string;
  name: string;
  app: string;
  phase: string;
  nodeName?: string;
  requests: ResourcesScenario;
  initRequests?: ResourcesScenario;
  pendingMessage?: string;
  owner?: { kind: string; name: string };
  env?: Array<{ name: string; value: string }>;
  gpuToleration?: boolean;
}

/** A Pod as the API returns it, with the fields a real one carries. */
export function podObject(p: PodShape) {
  const scheduled = p.phase !== 'Pending' || p.nodeName !== undefined;
  const tolerations = [
    {
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    },
  ];
  if (p.gpuToleration || p.requests.gpu) {
    tolerations.push({
      key: 'nvidia.com/gpu',
      operator: 'Exists',
      effect: 'NoSchedule',
    } as (typeof tolerations)[number]);
  }
  return {
    metadata: {
      name: p.name,
      namespace: p.namespace,
      uid: `${p.namespace}-${p.name}`,
      resourceVersion: '4242',
      creationTimestamp: CREATED,
      labels: { 'app.kubernetes.io/name': p.app },
      ...(p.owner && {
        ownerReferences: [
          {
            apiVersion: p.owner.kind === 'Job' ? 'batch/v1' : 'apps/v1',
            kind: p.owner.kind,
            name: p.owner.name,
            uid: `${p.namespace}-${p.owner.name}`,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      }),
    },
    spec: {
      ...(p.nodeName && { nodeName: p.nodeName }),
      ...(p.initRequests && {
        initContainers: [
          {
            name: 'init',
            image: 'public.ecr.aws/docker/library/busybox:1.36',
            resources: resources(p.initRequests),
            terminationMessagePath: '/dev/termination-log',
            imagePullPolicy: 'IfNotPresent',
          },
        ],
      }),
      containers: [
        {
          name: p.app,
          image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${p.app}:1.4.2`,
          ...(p.env && { env: p.env }),
          resources: resources(p.requests, p.owner?.kind === 'ReplicaSet'),
          terminationMessagePath: '/dev/termination-log',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: p.owner?.kind === 'Job' ? 'Never' : 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      schedulerName: 'default-scheduler',
      tolerations,
      priority: 0,
    },
    status: {
      phase: p.phase,
      conditions: [
        scheduled
          ? {
              type: 'PodScheduled',
              status: 'True',
              lastProbeTime: null,
              lastTransitionTime: CREATED,
            }
          : {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: p.pendingMessage,
              lastProbeTime: null,
              lastTransitionTime: CREATED,
            },
        ...(p.phase === 'Running'
          ? [
              {
                type: 'Ready',
                status: 'True',
                lastProbeTime: null,
                lastTransitionTime: CREATED,
              },
            ]
          : []),
      ],
      qosClass: 'Burstable',
      ...(scheduled && { hostIP: '10.0.1.17', startTime: CREATED }),
    },
  };
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

/** Generated workload pods for scale scenarios, varied like a busy cluster. */
function fillerPod(
  position: number,
  nodeCount: number,
  cluster: ClusterScenario,
) {
  const slot = nodeSlot(cluster, position % nodeCount);
  let phase = 'Running';
  if (position % 97 === 0) {
    phase = 'Pending';
  } else if (position % 50 === 0) {
    phase = 'Succeeded';
  }
  return podObject({
    namespace: `team-${position % 40}`,
    name: `worker-${position}`,
    app: `worker-${position % 200}`,
    phase,
    nodeName:
      phase === 'Pending' ? undefined : nodeName(slot.ordinal, slot.index),
    requests: {
      cpu: `${100 + (position % 8) * 50}m`,
      memory: `${256 * (1 + (position % 4))}Mi`,
      gpu: slot.group.gpus && position % 3 === 0 ? 1 : undefined,
    },
    initRequests:
      position % 10 === 0 ? { cpu: '1', memory: '512Mi' } : undefined,
    pendingMessage: `0/${nodeCount} nodes are available: ${nodeCount} Insufficient cpu. preemption: 0/${nodeCount} nodes are available: ${nodeCount} No preemption victims found for incoming pod.`,
    owner: { kind: 'ReplicaSet', name: `worker-${position % 200}-5c8d7f` },
  });
}

/**
 * The pods of a cluster in list order: Deployment pods, job pods, one pod per
 * DaemonSet per node, then generated pods. Only the first two are built
 * up front (a handful); the rest are made per position.
 */
export function podSource(cluster: ClusterScenario): PodSource {
  const fixed = [
    ...(cluster.deployments ?? []).flatMap(d => deploymentPods(cluster, d)),
    ...(cluster.pods ?? []).map(p => jobPod(cluster, p)),
  ];
  const nodeCount = countNodes(cluster);
  const daemonCount = nodeCount * DAEMONS.length;
  const fillerCount = cluster.fillerPods ?? 0;
  return {
    total: fixed.length + daemonCount + fillerCount,
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
      return fillerPod(rest, nodeCount, cluster);
    },
  };
}
