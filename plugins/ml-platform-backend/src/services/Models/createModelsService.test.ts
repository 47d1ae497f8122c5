import {
  demoScenario,
  RunningSandbox,
  startSandbox,
} from '@internal/ml-platform-sandbox';
import { ModelRegistrySummary } from '@internal/backstage-plugin-ml-platform-common';
import { EnvironmentConfig } from '../../config/types';
import {
  createDeployedModelSource,
  DeployedModelSource,
} from '../DeployedModels';
import { createKubernetesClientFactory } from '../Kubernetes';
import { createMlflowClient } from '../Mlflow';
import { createModelsService } from './createModelsService';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ scenario: demoScenario });
});
afterAll(() => sandbox.close());

const environment = (name: string): EnvironmentConfig => ({
  name,
  title: name,
  tier: 'prod',
  owner: 'group:default/ml-platform',
  mlflow: { url: `${sandbox.url}/mlflow/${name}` },
  kubernetes: {
    url: `${sandbox.url}/k8s/${name}`,
    authProvider: 'none',
    skipTLSVerify: true,
    namespaces: ['mlops-system'],
  },
});

function summarize(
  name: string,
  deployedModels: DeployedModelSource = createDeployedModelSource({
    kubernetes: createKubernetesClientFactory(),
  }),
) {
  return createModelsService({
    mlflowClientFor: c => createMlflowClient(c, { pageSize: 7 }),
    deployedModels,
  }).summarize(environment(name));
}

const model = (summary: ModelRegistrySummary, name: string) =>
  summary.models.find(m => m.name === name)!;

describe('createModelsService', () => {
  it('summarizes an alias-based registry with what the cluster runs', async () => {
    const prod = await summarize('ml-prod');
    expect(prod.registryStyle).toBe('alias');
    expect(prod.deployment).toEqual({ status: 'ok' });
    const fraud = model(prod, 'fraud-detector');
    expect(fraud).toMatchObject({
      latestVersion: '4',
      aliases: { champion: '4' },
      deployedVersion: '4',
      targetVersion: '4',
      drift: [],
      tags: { team: 'ml-platform' },
    });
    expect(fraud.versions[0]).toMatchObject({
      version: '4',
      stage: 'None',
      status: 'READY',
      aliases: ['champion'],
      metrics: { accuracy: 0.922, f1: 0.795 },
    });
    expect(fraud.versions[0].runId).toMatch(/^[0-9a-f]{32}$/);
    expect(model(prod, 'demand-forecaster').drift).toEqual([
      {
        kind: 'champion-not-deployed',
        severity: 'warning',
        version: '2',
        message:
          "Alias 'champion' is version 2 but mlops-system/demand-forecaster-inference serves 1",
      },
    ]);
    expect(model(prod, 'demand-forecaster').deployedVersion).toBe('1');
  });

  it('summarizes a stage-based registry', async () => {
    const staging = await summarize('ml-staging');
    expect(staging.registryStyle).toBe('stage');
    const fraud = model(staging, 'fraud-detector');
    expect(fraud.aliases).toEqual({});
    expect(fraud.targetVersion).toBe('5');
    expect(fraud.deployedVersion).toBe('5');
    expect(fraud.drift).toEqual([]);
    const churn = model(staging, 'churn-predictor');
    expect(churn.drift.map(d => [d.kind, d.message])).toEqual([
      [
        'deployed-version-archived',
        'mlops-system/churn-predictor-inference serves version 3, which is Archived',
      ],
      [
        'champion-not-deployed',
        'The newest Production version is version 4 but mlops-system/churn-predictor-inference serves 3',
      ],
    ]);
  });

  it('resolves a stage or an alias a Deployment names instead of a version', async () => {
    const staging = await summarize('ml-staging', {
      listDeployedModels: async () => [
        {
          namespace: 'ml',
          deployment: 'fraud',
          modelName: 'fraud-detector',
          alias: 'production',
        },
      ],
    });
    expect(model(staging, 'fraud-detector').deployments).toEqual([
      {
        namespace: 'ml',
        deployment: 'fraud',
        reference: 'production',
        version: '5',
      },
    ]);
    const prod = await summarize('ml-prod', {
      listDeployedModels: async () => [
        {
          namespace: 'ml',
          deployment: 'c',
          modelName: 'churn-predictor',
          alias: 'challenger',
        },
      ],
    });
    expect(model(prod, 'churn-predictor').deployedVersion).toBe('3');
  });

  it('flags a failed registration and a champion nobody serves', async () => {
    const dev = await summarize('ml-dev');
    const fraud = model(dev, 'fraud-detector');
    expect(fraud.versions).toHaveLength(24);
    expect(fraud.deployedVersion).toBe('5');
    expect(fraud.drift).toEqual([
      {
        kind: 'registration-failed',
        severity: 'error',
        version: '23',
        message:
          'Version 23 failed to register: Failed to copy artifacts: AccessDenied on s3://mlflow-artifacts',
      },
    ]);
    // metrics are read for the newest versions and aliased ones only
    expect(fraud.versions.find(v => v.version === '10')!.metrics).toEqual({});
    expect(model(dev, 'demand-forecaster').drift).toEqual([
      expect.objectContaining({
        kind: 'champion-not-deployed',
        message: "Alias 'champion' is version 5 but no Deployment serves it",
      }),
    ]);
  });

  it('flags deployments of versions or models the registry does not have', async () => {
    const prod = await summarize('ml-prod', {
      listDeployedModels: async () => [
        {
          namespace: 'ml',
          deployment: 'a',
          modelName: 'fraud-detector',
          version: '9',
        },
        {
          namespace: 'ml',
          deployment: 'b',
          modelName: 'churn-predictor',
          alias: 'gold',
        },
        { namespace: 'ml', deployment: 'c', modelName: 'ghost', version: '1' },
      ],
    });
    expect(model(prod, 'fraud-detector').drift[0]).toMatchObject({
      kind: 'deployed-version-missing',
      message: 'ml/a serves version 9, which is not in the registry',
    });
    expect(model(prod, 'churn-predictor').drift[0]).toMatchObject({
      kind: 'deployed-version-missing',
      message:
        "ml/b serves 'gold', which does not resolve to a version of churn-predictor",
    });
    expect(prod.unregisteredDeployments).toEqual([
      { namespace: 'ml', deployment: 'c', reference: 'ghost/1' },
    ]);
  });

  it('still shows the registry when the cluster cannot be read, without guessing drift', async () => {
    const prod = await summarize('ml-prod', {
      listDeployedModels: async () => {
        throw new Error('HTTP-Code: 403 Forbidden');
      },
    });
    expect(prod.deployment).toEqual({
      status: 'error',
      message: 'Deployed versions unknown: HTTP-Code: 403 Forbidden',
    });
    expect(prod.models.every(m => m.deployedVersion === null)).toBe(true);
    expect(prod.models.flatMap(m => m.drift)).toEqual([]);
  });

  it('fails with the model name when MLflow fails for one model', async () => {
    const service = createModelsService({
      mlflowClientFor: c => createMlflowClient(c),
      deployedModels: { listDeployedModels: async () => [] },
    });
    const broken = await startSandbox({
      scenario: {
        environments: [
          {
            name: 'ml-x',
            models: [{ name: 'broken', versions: 1, failing: true }],
          },
        ],
      },
    });
    try {
      await expect(
        service.summarize({
          ...environment('ml-x'),
          mlflow: { url: `${broken.url}/mlflow/ml-x` },
        }),
      ).rejects.toThrow(
        /^broken: MLflow model-versions\/search failed with 500 INTERNAL_ERROR/,
      );
    } finally {
      await broken.close();
    }
  });
});
