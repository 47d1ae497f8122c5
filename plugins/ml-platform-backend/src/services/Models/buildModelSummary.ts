import {
  ModelDeployment,
  ModelRegistrySummary,
  ModelSummary,
  ModelVersionSummary,
} from '@internal/backstage-plugin-ml-platform-common';
import { DeployedModel } from '../DeployedModels';
import {
  MlflowModelVersion,
  MlflowRegisteredModel,
  MlflowTag,
} from '../Mlflow';
import { detectDrift } from './detectDrift';

const STAGES = ['None', 'Staging', 'Production', 'Archived'];

export const byVersionDesc = (a: { version: string }, b: { version: string }) =>
  Number(b.version) - Number(a.version);

export const tagsOf = (tags: MlflowTag[] | undefined) =>
  Object.fromEntries((tags ?? []).map(t => [t.key, t.value]));

/** alias → version, from the registered model or, on older servers, the versions. */
export function aliasesOf(
  model: MlflowRegisteredModel,
  versions: MlflowModelVersion[],
): Record<string, string> {
  if (model.aliases?.length) {
    return Object.fromEntries(model.aliases.map(a => [a.alias, a.version]));
  }
  return Object.fromEntries(
    versions.flatMap(v => (v.aliases ?? []).map(alias => [alias, v.version])),
  );
}

/** The newest version in a stage (matched case-insensitively, as MLflow does in model URIs). */
function newestInStage(versions: ModelVersionSummary[], stage: string) {
  const wanted = stage.toLowerCase();
  return versions.find(
    v => v.stage.toLowerCase() === wanted && v.status === 'READY',
  )?.version;
}

/** Resolves a deployment's reference (version, alias or stage) to a version. */
export function resolveDeployment(
  deployed: DeployedModel,
  aliases: Record<string, string>,
  versions: ModelVersionSummary[],
): ModelDeployment {
  const reference = deployed.version ?? deployed.alias ?? '';
  let version = deployed.version;
  if (!version && deployed.alias) {
    version = STAGES.some(
      s => s.toLowerCase() === deployed.alias!.toLowerCase(),
    )
      ? newestInStage(versions, deployed.alias)
      : aliases[deployed.alias];
  }
  return {
    namespace: deployed.namespace,
    deployment: deployed.deployment,
    reference,
    ...(version && { version }),
  };
}

export function toVersionSummary(
  v: MlflowModelVersion,
  aliases: Record<string, string>,
  metrics: Record<string, number> = {},
): ModelVersionSummary {
  return {
    version: v.version,
    stage: v.current_stage ?? 'None',
    status: v.status ?? 'READY',
    ...(v.status_message && { statusMessage: v.status_message }),
    ...(v.run_id && { runId: v.run_id }),
    createdAt: new Date(v.creation_timestamp ?? 0).toISOString(),
    aliases: Object.entries(aliases)
      .filter(([, version]) => version === v.version)
      .map(([alias]) => alias)
      .sort(),
    ...(v.description && { description: v.description }),
    tags: tagsOf(v.tags),
    metrics,
  };
}

export function buildModelSummary(input: {
  model: MlflowRegisteredModel;
  aliases: Record<string, string>;
  versions: ModelVersionSummary[];
  deployed: DeployedModel[];
  clusterRead: boolean;
  championAlias: string;
}): ModelSummary {
  const { model, aliases, versions, championAlias } = input;
  const deployments = input.deployed.map(d =>
    resolveDeployment(d, aliases, versions),
  );
  const production = newestInStage(versions, 'Production');
  const target = aliases[championAlias]
    ? { version: aliases[championAlias], because: `Alias '${championAlias}'` }
    : production && {
        version: production,
        because: 'The newest Production version',
      };
  return {
    name: model.name,
    ...(model.description && { description: model.description }),
    tags: tagsOf(model.tags),
    latestVersion: versions[0]?.version,
    aliases,
    versions,
    deployedVersion: deployments.find(d => d.version)?.version ?? null,
    deployments,
    ...(target && { targetVersion: target.version }),
    drift: detectDrift({
      modelName: model.name,
      versions,
      deployments,
      target: target || undefined,
      clusterRead: input.clusterRead,
    }),
  };
}

export function registryStyleOf(
  models: ModelSummary[],
): ModelRegistrySummary['registryStyle'] {
  const aliased = models.some(m => Object.keys(m.aliases).length > 0);
  const staged = models.some(m =>
    m.versions.some(v => v.stage !== 'None' && v.stage !== ''),
  );
  if (aliased && staged) return 'mixed';
  if (aliased) return 'alias';
  if (staged) return 'stage';
  return 'none';
}
