import { ConfigReader } from '@backstage/config';
import { readCostSettings } from './readCostSettings';

const read = (cost: object) =>
  readCostSettings(new ConfigReader({ mlPlatform: { cost } }));

describe('readCostSettings', () => {
  it('defaults to a 6-hour refresh and a GPU sample every 5 minutes, first after 60 s', () => {
    expect(read({})).toMatchObject({
      refreshIntervalHours: 6,
      gpuSampleIntervalMinutes: 5,
      gpuSampleInitialDelaySeconds: 60,
      requestTimeoutSeconds: 30,
    });
  });

  it('reads the Cost Explorer request timeout and rejects zero', () => {
    expect(read({ requestTimeoutSeconds: 5 }).requestTimeoutSeconds).toBe(5);
    expect(() => read({ requestTimeoutSeconds: 0 })).toThrow(
      'mlPlatform.cost.requestTimeoutSeconds must be a positive number',
    );
  });

  it('allows sampling right at start-up', () => {
    expect(read({ gpuSampleInitialDelaySeconds: 0 })).toMatchObject({
      gpuSampleInitialDelaySeconds: 0,
    });
  });

  it('rejects negative delays and non-positive intervals with the key named', () => {
    expect(() => read({ gpuSampleInitialDelaySeconds: -1 })).toThrow(
      'mlPlatform.cost.gpuSampleInitialDelaySeconds must be zero or more',
    );
    expect(() => read({ refreshIntervalHours: 0 })).toThrow(
      'mlPlatform.cost.refreshIntervalHours must be a positive number',
    );
  });
});
