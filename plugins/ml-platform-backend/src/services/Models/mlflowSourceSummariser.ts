import { EnvironmentSourceSummariser } from '../EnvironmentSummary';
import { ModelsReader } from './createModelsReader';

/** The MLflow entry of `GET /environments/:name`: model count and drift. */
export function mlflowSourceSummariser(
  readModels: ModelsReader,
): EnvironmentSourceSummariser {
  return {
    source: 'mlflow',
    async summarise(environment) {
      const envelope = await readModels(environment);
      const data = envelope.data;
      if (data && !data.configured) {
        return { status: 'not-configured', stale: false };
      }
      const base = { fetchedAt: envelope.fetchedAt, stale: envelope.stale };
      if (!data) {
        return { ...base, status: 'error', message: envelope.error?.message };
      }
      const drifting = data.models.filter(m => m.drift.length > 0).length;
      const problems = [
        ...(envelope.error ? [envelope.error.message] : []),
        ...(drifting > 0
          ? [`${drifting} model${drifting === 1 ? '' : 's'} drifting`]
          : []),
      ];
      return {
        ...base,
        status: problems.length > 0 ? 'degraded' : 'ok',
        ...(problems.length > 0 && { message: problems.join(', ') }),
        models: data.models.length,
        drifting,
      };
    },
  };
}
