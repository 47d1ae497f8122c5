import { ConfigReader } from '@backstage/config';
import { readModelsOptions } from './readModelsOptions';

describe('readModelsOptions', () => {
  it('defaults to the champion alias and accuracy, f1, rmse', () => {
    expect(readModelsOptions(new ConfigReader({}))).toEqual({
      models: {
        keyMetrics: ['accuracy', 'f1', 'rmse'],
        championAlias: 'champion',
        metricsForNewestVersions: 5,
      },
      mlflow: { pageSize: 100, requestTimeoutMs: 5000 },
    });
  });

  it('stops start-up with the key that is wrong', () => {
    expect(() =>
      readModelsOptions(
        new ConfigReader({ mlPlatform: { models: { pageSize: 5000 } } }),
      ),
    ).toThrow(/Invalid config for mlPlatform.models: key 'pageSize'/);
  });
});
