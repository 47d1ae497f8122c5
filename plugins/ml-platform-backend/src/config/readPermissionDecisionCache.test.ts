import { ConfigReader } from '@backstage/config';
import { readPermissionDecisionCache } from './readPermissionDecisionCache';

const read = (seconds?: unknown) =>
  readPermissionDecisionCache(
    new ConfigReader(
      seconds === undefined
        ? {}
        : { mlPlatform: { permissionDecisionCacheSeconds: seconds } },
    ),
  );

describe('readPermissionDecisionCache', () => {
  it('reuses decisions for 10 s by default, and not at all with 0', () => {
    expect(read()).toEqual({ ttlMs: 10_000 });
    expect(read(0)).toEqual({ ttlMs: 0 });
    expect(read(2.5)).toEqual({ ttlMs: 2500 });
  });

  it('rejects a negative number with the key in the message', () => {
    expect(() => read(-1)).toThrow(
      'mlPlatform.permissionDecisionCacheSeconds must be 0 or a positive number',
    );
  });
});
