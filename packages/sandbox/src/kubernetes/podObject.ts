import { ResourcesScenario } from '../scenarios/types';

const CREATED = '2026-11-20T08:00:00Z';

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

export interface PodShape {
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
  nodeSelector?: Record<string, string>;
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
      ...(p.nodeSelector && { nodeSelector: p.nodeSelector }),
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

export type PodJson = ReturnType<typeof podObject>;
