/*
 * Dry-run wall time per template through the real scaffolder backend
 * (POST /api/scaffolder/v2/dry-run: validate, estimate, fetch:template of every
 * skeleton part, workspace check) of the ml-environment template. Prints one
 * line per shape and tier/size.
 *
 *   yarn bench:scaffold [--runs 5]
 */
import { startScaffolder } from '../../plugins/scaffolder-backend-module-ml-platform/src/__testUtils__/testBackend';
import { loadTemplates } from '../../plugins/scaffolder-backend-module-ml-platform/src/__testUtils__/templateFiles';
import {
  SAMPLE_VALUES,
  TEMPLATE_NAME,
} from '../../plugins/scaffolder-backend-module-ml-platform/src/__testUtils__/values';

const TARGET_MS = 5000;

async function main() {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
  const scaffolder = await startScaffolder();
  const templates = await loadTemplates('ml-environment');
  const cases = [
    ...['dev', 'staging', 'prod'].map(tier => ({
      label: `eks (${tier})`,
      values: { ...SAMPLE_VALUES.eks, tier },
    })),
    { label: 'kind', values: SAMPLE_VALUES.kind },
    ...(['k3s', 'ecs'] as const).flatMap(shape =>
      ['small', 'large'].map(size => ({
        label: `${shape} (${size})`,
        values: { ...SAMPLE_VALUES[shape], size },
      })),
    ),
  ];

  console.log(
    `dry-run wall time, ${runs} runs each (first run excluded as warm-up), target < ${TARGET_MS} ms`,
  );
  console.log(
    'template (shape)               files  median ms   max ms  status',
  );
  let failed = false;
  for (const c of cases) {
    const times: number[] = [];
    let files = 0;
    for (let i = 0; i <= runs; i++) {
      const start = process.hrtime.bigint();
      const res = await scaffolder.dryRun(
        'ml-environment',
        templates[TEMPLATE_NAME],
        c.values,
      );
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (res.status !== 200)
        throw new Error(
          `${c.label}: HTTP ${res.status} ${JSON.stringify(res.body).slice(
            0,
            500,
          )}`,
        );
      files = res.body.directoryContents?.length ?? 0;
      if (i > 0) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const max = times[times.length - 1];
    const ok = max < TARGET_MS;
    failed ||= !ok;
    console.log(
      `${c.label.padEnd(30)} ${String(files).padStart(5)} ${median
        .toFixed(0)
        .padStart(10)} ${max.toFixed(0).padStart(8)}  ${
        ok ? 'ok' : 'OVER TARGET'
      }`,
    );
  }
  await scaffolder.stop();
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  process.exit(2);
});
