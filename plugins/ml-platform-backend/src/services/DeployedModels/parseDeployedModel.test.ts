import { parseDeployedModel, parseModelUri } from './parseDeployedModel';

describe('parseModelUri', () => {
  it.each([
    ['models:/fraud-detector/4', { modelName: 'fraud-detector', version: '4' }],
    [
      'models:/fraud-detector/Production',
      { modelName: 'fraud-detector', alias: 'Production' },
    ],
    [
      'models:/fraud-detector@champion',
      { modelName: 'fraud-detector', alias: 'champion' },
    ],
  ])('reads %s', (uri, expected) => {
    expect(parseModelUri(uri)).toEqual(expected);
  });

  it.each([
    'runs:/abc/model',
    's3://bucket/model',
    'models:/',
    'models:/a/b/c',
  ])('ignores %s', uri => {
    expect(parseModelUri(uri)).toBeUndefined();
  });
});

describe('parseDeployedModel', () => {
  const meta = { name: 'api', namespace: 'ml' };

  it('prefers the labels on the Deployment, then on its pod template', () => {
    expect(
      parseDeployedModel({
        metadata: {
          ...meta,
          labels: {
            'ml-platform/model-name': 'm',
            'ml-platform/model-version': '3',
          },
        },
      }),
    ).toEqual({
      namespace: 'ml',
      deployment: 'api',
      modelName: 'm',
      version: '3',
    });
    expect(
      parseDeployedModel({
        metadata: meta,
        spec: {
          selector: {},
          template: {
            metadata: {
              labels: {
                'ml-platform/model-name': 'm',
                'ml-platform/model-version': 'champion',
              },
            },
          },
        },
      }),
    ).toEqual({
      namespace: 'ml',
      deployment: 'api',
      modelName: 'm',
      alias: 'champion',
    });
  });

  it('falls back to MODEL_URI on a container and skips other Deployments', () => {
    const withEnv = (value: string) => ({
      metadata: meta,
      spec: {
        selector: {},
        template: {
          spec: {
            containers: [
              { name: 'sidecar' },
              { name: 'server', env: [{ name: 'MODEL_URI', value }] },
            ],
          },
        },
      },
    });
    expect(parseDeployedModel(withEnv('models:/m/7'))).toEqual({
      namespace: 'ml',
      deployment: 'api',
      modelName: 'm',
      version: '7',
    });
    expect(parseDeployedModel(withEnv('s3://bucket/model'))).toBeUndefined();
    expect(parseDeployedModel({ metadata: meta })).toBeUndefined();
  });
});
