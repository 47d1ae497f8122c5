import autocannon from 'autocannon';
import { fork, ChildProcess } from 'child_process';
import { join } from 'path';

/**
 * bench:cluster — for a 5,000-node / 100,000-pod cluster served by the
 * sandbox: the cold /cluster summary against merely fetching and parsing the
 * same lists, the backend's RSS growth, and warm latency under 50 clients.
 * Prints figures; asserts nothing.
 */
const TRANSFORM = [
  '--require',
  require.resolve('@backstage/cli/config/nodeTransform.cjs'),
];

function run<T>(
  script: string,
  env: Record<string, string>,
): { child: ChildProcess; result: Promise<T> } {
  const child = fork(join(__dirname, script), [], {
    execArgv: [...TRANSFORM, '--expose-gc'],
    env: { ...process.env, ...env },
  });
  const result = new Promise<T>((resolve, reject) => {
    // The TypeScript transform also talks over IPC ("watch" messages).
    child.on('message', (m: any) => {
      if (m?.kind === 'result') resolve(m as T);
    });
    child.once('exit', code =>
      reject(new Error(`${script} exited with ${code} before reporting`)),
    );
  });
  return { child, result };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function main() {
  const sandbox = run<{ url: string }>('sandbox.ts', {});
  const { url } = await sandbox.result;
  const k8s = `${url}/k8s/ml-scale`;
  try {
    const floor = run<any>('fetchOnly.ts', { BENCH_K8S_URL: k8s });
    const base = await floor.result;
    floor.child.kill();
    const backend = run<any>('backend.ts', { BENCH_K8S_URL: k8s });
    const summary = await backend.result;
    const warm = await autocannon({
      url: `${summary.url}/cluster`,
      connections: 50,
      duration: Number(process.env.BENCH_WARM_SECONDS ?? 10),
    });
    // The same load on a route that reads no upstream: the framework's share.
    const floorRoute = await autocannon({
      url: `${summary.url.replace(/\/ml-scale$/, '')}`,
      connections: 50,
      duration: Number(process.env.BENCH_WARM_SECONDS ?? 10),
    });
    backend.child.kill();

    const ratio = summary.coldMs / base.ms;
    const lines = [
      `cluster: ${summary.nodes} nodes, ${summary.pods} pods, ${summary.gpuNodes} GPU nodes (sandbox, loopback, pages of 500)`,
      `fetch + JSON.parse only: ${base.ms.toFixed(0)} ms, RSS growth ${mb(
        base.rssGrowth,
      )}`,
      `cold /cluster summary:   ${summary.coldMs.toFixed(
        0,
      )} ms (${ratio.toFixed(2)}× fetch+parse; target ≤ 1.5×)`,
      `backend RSS growth:      ${mb(summary.rssGrowth)} (target ≤ 300 MB)`,
      `warm /cluster, 50 clients: ${warm.requests.total} requests, non-2xx ${warm.non2xx}, errors ${warm.errors}`,
      `  latency p50 ${warm.latency.p50} ms, p90 ${warm.latency.p90} ms, p97.5 ${warm.latency.p97_5} ms (p95 ≤ p97.5; target p95 ≤ 20 ms), p99 ${warm.latency.p99} ms`,
      `warm /environments (no upstream, same backend), 50 clients: p50 ${floorRoute.latency.p50} ms, p97.5 ${floorRoute.latency.p97_5} ms, ${floorRoute.requests.total} requests`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    sandbox.child.kill();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
