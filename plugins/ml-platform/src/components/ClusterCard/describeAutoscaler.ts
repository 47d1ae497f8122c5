import {
  AutoscalerMetric,
  AutoscalerSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import { formatBytes, formatCores } from '../SourceState';

const compact = new Intl.NumberFormat('en', {
  notation: 'compact',
  maximumFractionDigits: 1,
});

function metricLabel(metric: AutoscalerMetric): string {
  const isResource =
    metric.type === 'Resource' || metric.type === 'ContainerResource';
  const name = isResource && metric.name === 'cpu' ? 'CPU' : metric.name;
  const of = metric.container ?? metric.object;
  return of ? `${name} of ${of}` : name;
}

function formatValue(metric: AutoscalerMetric, value: number): string {
  if (metric.target.type === 'Utilization') {
    return `${value}%`;
  }
  const isResource =
    metric.type === 'Resource' || metric.type === 'ContainerResource';
  if (isResource && metric.name === 'memory') {
    return formatBytes(value);
  }
  if (isResource && metric.name === 'cpu') {
    return formatCores(value);
  }
  return compact.format(value);
}

/** e.g. "memory 1.0 GiB / 1.5 GiB": the HPA's reading, then its target. */
function describeMetric(metric: AutoscalerMetric): string {
  const current =
    metric.current === undefined ? '?' : formatValue(metric, metric.current);
  return `${metricLabel(metric)} ${current} / ${formatValue(
    metric,
    metric.target.value,
  )}`;
}

/**
 * One line per HPA: replicas now→desired of min–max, then each metric it
 * scales on. Autoscalers cached before metrics were listed show CPU only.
 */
export function describeAutoscaler(hpa: AutoscalerSummary): string {
  const replicas = `${hpa.currentReplicas}→${hpa.desiredReplicas} of ${hpa.minReplicas}–${hpa.maxReplicas}`;
  let metrics = (hpa.metrics ?? []).map(describeMetric);
  if (!hpa.metrics && hpa.targetCpuUtilization !== undefined) {
    metrics = [
      `CPU ${hpa.currentCpuUtilization ?? '?'}% / ${hpa.targetCpuUtilization}%`,
    ];
  }
  return [replicas, ...metrics].join(', ');
}
