import {
  ModelRegistrySummary,
  ModelSummary,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';

const version = (
  v: number,
  extra: Partial<ModelSummary['versions'][number]> = {},
) => ({
  version: String(v),
  stage: 'None',
  status: 'READY',
  runId: `run${v}`,
  createdAt: '2026-11-01T00:00:00.000Z',
  aliases: [],
  tags: {},
  metrics: {},
  ...extra,
});

/** A prod-like registry: one model in sync, one whose champion waits to be deployed. */
export const exampleModelSummary: ModelRegistrySummary = {
  configured: true,
  registryStyle: 'alias',
  keyMetrics: ['accuracy', 'f1'],
  deployment: { status: 'ok' },
  unregisteredDeployments: [],
  models: [
    {
      name: 'demand-forecaster',
      description: 'Daily demand forecast per region',
      tags: {},
      latestVersion: '2',
      aliases: { champion: '2' },
      versions: [
        version(2, { aliases: ['champion'], metrics: { rmse: 40.7 } }),
        version(1),
      ],
      deployedVersion: '1',
      deployments: [
        {
          namespace: 'mlops-system',
          deployment: 'demand-forecaster-inference',
          reference: '1',
          version: '1',
        },
      ],
      targetVersion: '2',
      drift: [
        {
          kind: 'champion-not-deployed',
          severity: 'warning',
          version: '2',
          message:
            "Alias 'champion' is version 2 but mlops-system/demand-forecaster-inference serves 1",
        },
      ],
    },
    {
      name: 'fraud-detector',
      description: 'Card transaction fraud scoring',
      tags: { team: 'ml-platform' },
      latestVersion: '4',
      aliases: { champion: '4' },
      versions: [
        version(4, {
          aliases: ['champion'],
          metrics: { accuracy: 0.922, f1: 0.795 },
        }),
        version(3),
      ],
      deployedVersion: '4',
      deployments: [
        {
          namespace: 'mlops-system',
          deployment: 'fraud-detector-inference',
          reference: '4',
          version: '4',
        },
      ],
      targetVersion: '4',
      drift: [],
    },
  ],
};

export function exampleModelsEnvelope(
  environment: string,
  data: ModelRegistrySummary | null = exampleModelSummary,
  extra: Partial<SourceEnvelope<ModelRegistrySummary>> = {},
): SourceEnvelope<ModelRegistrySummary> {
  return {
    environment,
    source: 'mlflow',
    fetchedAt: '2026-11-23T10:00:00.000Z',
    stale: false,
    ...(data && { data }),
    ...extra,
  };
}
