import {
  ModelDeployment,
  ModelDrift,
  ModelVersionSummary,
} from '@internal/backstage-plugin-ml-platform-common';

export interface DriftInput {
  modelName: string;
  versions: ModelVersionSummary[];
  deployments: ModelDeployment[];
  /** The version that should run, and what makes it so. */
  target?: { version: string; because: string };
  /** False when the cluster was not read: nothing can be said about what runs. */
  clusterRead: boolean;
}

const where = (d: ModelDeployment) => `${d.namespace}/${d.deployment}`;

/**
 * The drift rules: a failed registration; a deployment whose version is
 * missing from the registry or archived; the champion (or newest Production
 * version) not deployed.
 */
export function detectDrift(input: DriftInput): ModelDrift[] {
  const drift: ModelDrift[] = [];
  const byVersion = new Map(input.versions.map(v => [v.version, v]));

  for (const v of input.versions) {
    if (v.status === 'FAILED_REGISTRATION') {
      drift.push({
        kind: 'registration-failed',
        severity: 'error',
        version: v.version,
        message: `Version ${v.version} failed to register${
          v.statusMessage ? `: ${v.statusMessage}` : ''
        }`,
      });
    }
  }

  for (const d of input.deployments) {
    const version = d.version ? byVersion.get(d.version) : undefined;
    if (!d.version) {
      drift.push({
        kind: 'deployed-version-missing',
        severity: 'error',
        message: `${where(d)} serves '${
          d.reference
        }', which does not resolve to a version of ${input.modelName}`,
      });
    } else if (!version) {
      drift.push({
        kind: 'deployed-version-missing',
        severity: 'error',
        version: d.version,
        message: `${where(d)} serves version ${
          d.version
        }, which is not in the registry`,
      });
    } else if (version.stage === 'Archived') {
      drift.push({
        kind: 'deployed-version-archived',
        severity: 'warning',
        version: d.version,
        message: `${where(d)} serves version ${d.version}, which is Archived`,
      });
    }
  }

  const target = input.target;
  if (
    input.clusterRead &&
    target &&
    !input.deployments.some(d => d.version === target.version)
  ) {
    const running = input.deployments
      .map(d => `${where(d)} serves ${d.version ?? d.reference}`)
      .join('; ');
    drift.push({
      kind: 'champion-not-deployed',
      severity: 'warning',
      version: target.version,
      message: `${target.because} is version ${target.version} but ${
        running || 'no Deployment serves it'
      }`,
    });
  }
  return drift;
}
