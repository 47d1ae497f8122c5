import { parseAllDocuments } from 'yaml';
import * as apps from 'kubernetes-models/apps/v1';
import * as core from 'kubernetes-models/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as rbac from 'kubernetes-models/rbac.authorization.k8s.io/v1';

type ModelClass = new (data: any) => { validate(): void };

const MODELS: Record<string, Record<string, unknown>> = {
  v1: core,
  'apps/v1': apps,
  'networking.k8s.io/v1': networking,
  'policy/v1': policy,
  'rbac.authorization.k8s.io/v1': rbac,
};

/** A rendered Kubernetes object. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [key: string]: any };
  [key: string]: any;
}

/** Splits multi-document YAML (helm template output) into objects. */
export function parseManifests(text: string): KubernetesObject[] {
  const objects: KubernetesObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      throw new Error(`invalid YAML: ${doc.errors[0].message}`);
    }
    const value = doc.toJS();
    if (value) objects.push(value as KubernetesObject);
  }
  return objects;
}

/**
 * Validates one object against the Kubernetes OpenAPI schema shipped by
 * kubernetes-models; returns the problems (empty when valid). A kind without a
 * schema is a problem too.
 */
export function validateManifest(object: KubernetesObject): string[] {
  const Model = MODELS[object.apiVersion]?.[object.kind] as
    | ModelClass
    | undefined;
  if (!Model) return [`no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}
