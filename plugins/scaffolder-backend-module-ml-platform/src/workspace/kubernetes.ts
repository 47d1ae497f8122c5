import { LineCounter, parseAllDocuments } from 'yaml';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as core from 'kubernetes-models/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { WorkspaceFinding } from './types';
import { lineOfPath } from './yamlLines';

type Validatable = { validate(): void };
type ModelClass = new (data: any) => Validatable;

const MODELS: Record<string, Record<string, unknown>> = {
  v1: core,
  'apps/v1': apps,
  'autoscaling/v2': autoscaling,
  'batch/v1': batch,
  'networking.k8s.io/v1': networking,
  'rbac.authorization.k8s.io/v1': rbac,
};

/** API groups that are not Kubernetes objects and have their own checks (or none). */
const NOT_KUBERNETES = [
  /^backstage\.io\//,
  /^scaffolder\.backstage\.io\//,
  /^kind\.x-k8s\.io\//,
];

/** True for YAML documents that declare a Kubernetes object. */
export function isKubernetesObject(
  value: unknown,
): value is { apiVersion: string; kind: string } {
  const v = value as { apiVersion?: unknown; kind?: unknown } | null;
  return (
    typeof v?.apiVersion === 'string' &&
    typeof v?.kind === 'string' &&
    !NOT_KUBERNETES.some(p => p.test(v.apiVersion as string))
  );
}

/**
 * Validates every Kubernetes object in a YAML file against the Kubernetes
 * OpenAPI schemas shipped by kubernetes-models. Kinds without a schema are
 * findings too: an unknown kind is more likely a typo than a CRD here.
 */
export function checkKubernetesFile(
  file: string,
  content: string,
): { findings: WorkspaceFinding[]; objects: number } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(content, { lineCounter });
  const findings: WorkspaceFinding[] = [];
  let objects = 0;
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const start = doc.contents?.range?.[0] ?? 0;
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        findings.push({
          file,
          line: e.linePos?.[0].line ?? 1,
          check: 'yaml',
          message: e.message.split('\n')[0],
        });
      }
      continue;
    }
    const value = doc.toJS();
    if (!isKubernetesObject(value)) continue;
    objects += 1;
    const Model = MODELS[value.apiVersion]?.[value.kind] as
      | ModelClass
      | undefined;
    if (!Model) {
      findings.push({
        file,
        line: lineCounter.linePos(start).line,
        check: 'kubernetes',
        message: `no Kubernetes schema for ${value.apiVersion} ${value.kind}`,
      });
      continue;
    }
    try {
      new Model(value).validate();
    } catch (error) {
      const message = (error as Error).message;
      // Messages look like `data/spec/replicas must be integer`.
      const path = /^data(\S*)/.exec(message)?.[1] ?? '';
      findings.push({
        file,
        line: lineOfPath(doc, lineCounter, path, start),
        check: 'kubernetes',
        message: `${value.kind}: ${message}`,
      });
    }
  }
  return { findings, objects };
}
