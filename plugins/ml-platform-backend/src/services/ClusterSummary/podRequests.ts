import { ContainerObject, PodObject } from '../Kubernetes';
import { parseQuantity } from './quantity';

export const GPU_RESOURCE = 'nvidia.com/gpu';

/** A container's request; extended resources set only as limits default to them. */
function containerRequest(container: ContainerObject, resource: string) {
  const resources = container.resources;
  return parseQuantity(
    resources?.requests?.[resource] ?? resources?.limits?.[resource],
  );
}

/**
 * What the scheduler reserves for a pod, as it computes it: the larger of the
 * app containers' sum and the largest init container (init containers run one
 * at a time before the app), with sidecars (init containers that keep running,
 * restartPolicy Always) added to both, plus the pod overhead.
 */
export function podRequest(pod: PodObject, resource: string): number {
  const spec = pod.spec;
  if (!spec) {
    return 0;
  }
  let sidecars = 0;
  let largestInit = 0;
  for (const init of spec.initContainers ?? []) {
    const request = containerRequest(init, resource);
    if (init.restartPolicy === 'Always') {
      sidecars += request;
    } else {
      largestInit = Math.max(largestInit, request + sidecars);
    }
  }
  let apps = 0;
  for (const container of spec.containers ?? []) {
    apps += containerRequest(container, resource);
  }
  return (
    Math.max(largestInit, apps + sidecars) +
    parseQuantity(spec.overhead?.[resource])
  );
}

/** True while a pod holds (or waits for) node resources: Running or Pending. */
export function isActive(pod: PodObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Running' || phase === 'Pending';
}

/** The scheduler's reason a pod is not placed, when it is not. */
export function unschedulableMessage(pod: PodObject): string | undefined {
  const condition = pod.status?.conditions?.find(
    c => c.type === 'PodScheduled',
  );
  return condition?.status === 'False' ? condition.message : undefined;
}
