import { ConfigSchema, loadConfigSchema } from '@backstage/config-loader';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runHelm } from './helm';
import { parseManifests } from './kubernetes';
import { repoRoot } from './repo';

const root = repoRoot();
const chart = path.join(root, 'deploy/helm/ml-platform-portal');

/** The app-config overlay of the chart's ConfigMap for the given helm args. */
async function overlay(...args: string[]) {
  const { stdout } = await runHelm(['template', 'portal', chart, ...args]);
  const configMap = parseManifests(stdout).find(o => o.kind === 'ConfigMap')!;
  return parseYaml(configMap.data['app-config.environments.yaml']);
}

/** The image's config files, in the order the container loads them. */
const imageConfigs = ['app-config.yaml', 'app-config.production.yaml'].map(
  file => ({
    context: file,
    data: parseYaml(fs.readFileSync(path.join(root, file), 'utf8')),
  }),
);

// Compiling the config schema (config.d.ts) takes a while on a busy machine.
jest.setTimeout(180_000);

describe('the chart app-config overlay', () => {
  let schema: ConfigSchema;

  beforeAll(async () => {
    schema = await loadConfigSchema({
      dependencies: ['@internal/backstage-plugin-ml-platform-backend'],
    });
  });

  it.each([
    ['default', []],
    ['full', ['-f', path.join(chart, 'ci/full-values.yaml')]],
  ])(
    'is valid against the backend config schema on top of the image configs (%s values)',
    async (_name, args) => {
      const data = await overlay(...args);
      expect(data.mlPlatform.environments).toBeDefined();
      expect(() =>
        schema.process([...imageConfigs, { context: 'chart', data }]),
      ).not.toThrow();
    },
  );

  it('catches a wrong type the values schema lets through (appConfig is free-form)', async () => {
    const data = await overlay(
      '--set-string',
      'appConfig.mlPlatform.upstreamTimeoutSeconds=soon',
    );
    expect(data.mlPlatform.upstreamTimeoutSeconds).toBe('soon');
    expect(() =>
      schema.process([...imageConfigs, { context: 'chart', data }]),
    ).toThrow(/upstreamTimeoutSeconds/);
  });
});
