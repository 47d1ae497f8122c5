import type {
  V2HorizontalPodAutoscaler,
  V2MetricTarget,
  V2MetricValueStatus,
} from '@kubernetes/client-node';
import { AutoscalerMetric } from '@internal/backstage-plugin-ml-platform-common';
import { parseQuantity } from './quantity';

/** The field of a MetricSpec or MetricStatus that its `type` names. */
const SOURCE_FIELD = {
  Resource: 'resource',
  ContainerResource: 'containerResource',
  Pods: 'pods',
  Object: 'object',
  External: 'external',
} as const;

type MetricType = keyof typeof SOURCE_FIELD;
type TargetType = AutoscalerMetric['target']['type'];
const TARGET_TYPES: readonly string[] = [
  'Utilization',
  'AverageValue',
  'Value',
];

/** What every metric source has, in spec (target) or status (current). */
interface MetricSource {
  name?: string;
  container?: string;
  metric?: { name?: string };
  describedObject?: { kind?: string; name?: string };
  target?: V2MetricTarget;
  current?: V2MetricValueStatus;
}

function sourceOf(metric: { type?: string }) {
  const field = SOURCE_FIELD[metric.type as MetricType];
  const source = field
    ? ((metric as Record<string, unknown>)[field] as MetricSource | undefined)
    : undefined;
  return source && { type: metric.type as MetricType, source };
}

function identify(type: MetricType, source: MetricSource) {
  const object = source.describedObject;
  return {
    type,
    name: source.name ?? source.metric?.name ?? 'unknown',
    ...(source.container && { container: source.container }),
    ...(object && { object: `${object.kind}/${object.name}` }),
  };
}

const keyOf = (id: ReturnType<typeof identify>) =>
  [id.type, id.name, id.container ?? '', id.object ?? ''].join('\u0000');

/** A target or a reading in the target type's terms: percent or quantity. */
function valueOf(
  type: TargetType,
  value: V2MetricTarget | V2MetricValueStatus,
): number | undefined {
  if (type === 'Utilization') {
    return value.averageUtilization;
  }
  const quantity = type === 'AverageValue' ? value.averageValue : value.value;
  return quantity === undefined ? undefined : parseQuantity(String(quantity));
}

/**
 * Every metric an HPA scales on — resource cpu and memory (utilisation or
 * average value), container resources, pods, object and external metrics —
 * with its target and the HPA's current reading of it.
 */
export function autoscalerMetrics(
  hpa: V2HorizontalPodAutoscaler,
): AutoscalerMetric[] {
  const readings = new Map<string, V2MetricValueStatus>();
  for (const status of hpa.status?.currentMetrics ?? []) {
    const found = sourceOf(status);
    if (found?.source.current) {
      readings.set(
        keyOf(identify(found.type, found.source)),
        found.source.current,
      );
    }
  }
  return (hpa.spec?.metrics ?? []).flatMap(spec => {
    const found = sourceOf(spec);
    const target = found?.source.target;
    if (!found || !target || !TARGET_TYPES.includes(target.type)) {
      return [];
    }
    const type = target.type as TargetType;
    const value = valueOf(type, target);
    if (value === undefined) {
      return [];
    }
    const id = identify(found.type, found.source);
    const reading = readings.get(keyOf(id));
    const current = reading && valueOf(type, reading);
    return [
      {
        ...id,
        target: { type, value },
        ...(current !== undefined && { current }),
      },
    ];
  });
}
