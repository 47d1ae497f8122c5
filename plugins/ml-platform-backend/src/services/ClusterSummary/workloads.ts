import type {
  V1Deployment,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { WorkloadSummary } from '@internal/backstage-plugin-ml-platform-common';

function cpuUtilisation(
  metrics: Array<{ type?: string; resource?: { name?: string } & object }>,
  pick: (resource: any) => number | undefined,
) {
  const cpu = metrics.find(
    m => m.type === 'Resource' && m.resource?.name === 'cpu',
  );
  return cpu ? pick(cpu.resource) : undefined;
}

/**
 * Deployments of one namespace, ready against desired, each with the HPA that
 * targets it: replicas, bounds and CPU utilisation target versus current.
 */
export function summarizeWorkloads(
  namespace: string,
  deployments: V1Deployment[],
  autoscalers: V2HorizontalPodAutoscaler[],
): WorkloadSummary[] {
  const hpaByDeployment = new Map(
    autoscalers
      .filter(h => h.spec?.scaleTargetRef?.kind === 'Deployment')
      .map(h => [h.spec!.scaleTargetRef.name, h]),
  );
  return deployments.map(deployment => {
    const name = deployment.metadata?.name ?? 'unnamed';
    const hpa = hpaByDeployment.get(name);
    const summary: WorkloadSummary = {
      namespace,
      name,
      kind: 'Deployment',
      ready: deployment.status?.readyReplicas ?? 0,
      desired: deployment.spec?.replicas ?? 1,
    };
    if (hpa) {
      const target = cpuUtilisation(
        hpa.spec?.metrics ?? [],
        r => r.target?.averageUtilization,
      );
      const current = cpuUtilisation(
        hpa.status?.currentMetrics ?? [],
        r => r.current?.averageUtilization,
      );
      summary.autoscaler = {
        name: hpa.metadata?.name ?? name,
        minReplicas: hpa.spec?.minReplicas ?? 1,
        maxReplicas: hpa.spec?.maxReplicas ?? 1,
        currentReplicas: hpa.status?.currentReplicas ?? 0,
        desiredReplicas: hpa.status?.desiredReplicas ?? 0,
        ...(target !== undefined && { targetCpuUtilization: target }),
        ...(current !== undefined && { currentCpuUtilization: current }),
      };
    }
    return summary;
  });
}
