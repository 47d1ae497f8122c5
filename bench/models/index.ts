import { startSandbox } from '../../packages/sandbox/src';
import { createMlflowClient } from '../../plugins/ml-platform-backend/src/services/Mlflow';
import { createModelsService } from '../../plugins/ml-platform-backend/src/services/Models';

/**
 * bench:models — one cold models summary of a large registry served by the
 * sandbox (BENCH_MODELS models × BENCH_VERSIONS versions, every page of
 * versions, run metrics for the newest versions), in one process with the
 * sandbox. Prints figures; asserts nothing.
 */
const MODELS = Number(process.env.BENCH_MODELS ?? 40);
const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 300);

async function main() {
  const sandbox = await startSandbox({
    scenario: {
      environments: [
        {
          name: 'ml-big',
          models: Array.from({ length: MODELS }, (_, i) => ({
            name: `model-${String(i).padStart(3, '0')}`,
            versions: VERSIONS,
            aliases: { champion: VERSIONS - 1, challenger: VERSIONS },
            failedVersions: [VERSIONS - 2],
            metrics: { accuracy: { first: 0.8, perVersion: 0.0001 } },
          })),
        },
      ],
    },
  });
  let requests = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    requests++;
    return realFetch(input, init);
  };
  const service = createModelsService({
    mlflowClientFor: c => createMlflowClient(c, { requestTimeoutMs: 30_000 }),
    deployedModels: { listDeployedModels: async () => [] },
  });
  const environment = {
    name: 'ml-big',
    title: 'big',
    tier: 'prod' as const,
    owner: 'group:default/ml-platform',
    mlflow: { url: `${sandbox.url}/mlflow/ml-big` },
  };
  try {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const summary = await service.summarize(environment);
    const ms = performance.now() - started;
    const rssAfter = process.memoryUsage().rss;
    const versions = summary.models.reduce((n, m) => n + m.versions.length, 0);
    const body = JSON.stringify(summary).length;
    process.stdout.write(
      [
        `bench:models  ${MODELS} models × ${VERSIONS} versions (${versions} versions read)`,
        `  cold summary      ${ms.toFixed(0)} ms, ${requests} MLflow requests`,
        `  response size     ${(body / 1024).toFixed(0)} KiB of JSON`,
        `  RSS growth        ${((rssAfter - rssBefore) / 2 ** 20).toFixed(
          0,
        )} MB (sandbox in the same process)`,
        '',
      ].join('\n'),
    );
  } finally {
    globalThis.fetch = realFetch;
    await sandbox.close();
  }
}

main().catch(error => {
  process.stderr.write(`bench:models failed: ${error}\n`);
  process.exit(1);
});
