import type {
  V1Deployment,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import {
  AutoscalerSummary,
  WorkloadSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import { autoscalerMetrics } from './autoscalerMetrics';

function summarizeAutoscaler(
  hpa: V2HorizontalPodAutoscaler,
): AutoscalerSummary {
  const metrics = autoscalerMetrics(hpa);
  const cpu = metrics.find(
    m =>
      m.type === 'Resource' &&
      m.name === 'cpu' &&
      m.target.type === 'Utilization',
  );
  return {
    name: hpa.metadata?.name ?? 'unnamed',
    minReplicas: hpa.spec?.minReplicas ?? 1,
    maxReplicas: hpa.spec?.maxReplicas ?? 1,
    currentReplicas: hpa.status?.currentReplicas ?? 0,
    desiredReplicas: hpa.status?.desiredReplicas ?? 0,
    ...(cpu && { targetCpuUtilization: cpu.target.value }),
    ...(cpu?.current !== undefined && { currentCpuUtilization: cpu.current }),
    metrics,
  };
}

/**
 * Deployments of one namespace, ready against desired, each with every HPA
 * that targets it: replicas, bounds and each metric's target and reading.
 */
export function summarizeWorkloads(
  namespace: string,
  deployments: V1Deployment[],
  autoscalers: V2HorizontalPodAutoscaler[],
): WorkloadSummary[] {
  const byDeployment = new Map<string, AutoscalerSummary[]>();
  for (const hpa of autoscalers) {
    if (hpa.spec?.scaleTargetRef?.kind === 'Deployment') {
      const target = hpa.spec.scaleTargetRef.name;
      byDeployment.set(target, [
        ...(byDeployment.get(target) ?? []),
        summarizeAutoscaler(hpa),
      ]);
    }
  }
  return deployments.map(deployment => {
    const name = deployment.metadata?.name ?? 'unnamed';
    const hpas = (byDeployment.get(name) ?? []).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    return {
      namespace,
      name,
      kind: 'Deployment',
      ready: deployment.status?.readyReplicas ?? 0,
      desired: deployment.spec?.replicas ?? 1,
      ...(hpas.length > 0 && { autoscaler: hpas[0] }),
      autoscalers: hpas,
    };
  });
}
