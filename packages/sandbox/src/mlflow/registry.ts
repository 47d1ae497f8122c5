import { createHash } from 'crypto';
import { RegisteredModelScenario } from '../scenarios/types';

const DAY_MS = 86_400_000;
const EPOCH = Date.parse('2026-06-01T00:00:00Z');

/** A 32-hex run id, stable per environment, model and version, like MLflow's. */
export function runIdOf(env: string, model: string, version: number): string {
  return createHash('md5').update(`${env}/${model}/${version}`).digest('hex');
}

function createdAt(model: RegisteredModelScenario, version: number) {
  const step = Math.max(1, Math.floor(170 / model.versions));
  return EPOCH + (model.name.length % 5) * DAY_MS + version * step * DAY_MS;
}

export function modelVersion(
  env: string,
  model: RegisteredModelScenario,
  version: number,
) {
  const failed = model.failedVersions?.includes(version);
  const created = createdAt(model, version);
  return {
    name: model.name,
    version: String(version),
    creation_timestamp: created,
    last_updated_timestamp: created + 3_600_000,
    current_stage: model.stages?.[version] ?? 'None',
    description: '',
    user_id: 'ml-pipeline@example.com',
    source: `s3://mlflow-artifacts/${model.name}/${version}/model`,
    run_id: runIdOf(env, model.name, version),
    status: failed ? 'FAILED_REGISTRATION' : 'READY',
    ...(failed && {
      status_message:
        'Failed to copy artifacts: AccessDenied on s3://mlflow-artifacts',
    }),
    tags: [{ key: 'pipeline', value: 'train-and-register' }],
    aliases: Object.entries(model.aliases ?? {})
      .filter(([, v]) => v === version)
      .map(([alias]) => alias),
  };
}

export function registeredModel(env: string, model: RegisteredModelScenario) {
  const latest = model.versions;
  return {
    name: model.name,
    creation_timestamp: createdAt(model, 1),
    last_updated_timestamp: createdAt(model, latest),
    description: model.description ?? `${model.name} model`,
    latest_versions: [modelVersion(env, model, latest)],
    tags: Object.entries(model.tags ?? {}).map(([key, value]) => ({
      key,
      value,
    })),
    aliases: Object.entries(model.aliases ?? {}).map(([alias, version]) => ({
      alias,
      version: String(version),
    })),
  };
}

/** The run that produced a version, with its metrics drifting per version. */
export function run(
  env: string,
  model: RegisteredModelScenario,
  version: number,
) {
  const runId = runIdOf(env, model.name, version);
  const created = createdAt(model, version);
  return {
    info: {
      run_id: runId,
      run_uuid: runId,
      experiment_id: '1',
      run_name: `${model.name}-train-${version}`,
      status: 'FINISHED',
      start_time: created - 3_600_000,
      end_time: created - 600_000,
      lifecycle_stage: 'active',
    },
    data: {
      metrics: Object.entries(model.metrics ?? {}).map(
        ([key, { first, perVersion }]) => ({
          key,
          value: Number((first + perVersion * (version - 1)).toFixed(4)),
          timestamp: created - 600_000,
          step: 0,
        }),
      ),
      params: [{ key: 'seed', value: String(version * 7) }],
      tags: [{ key: 'mlflow.source.name', value: 'train.py' }],
    },
  };
}
