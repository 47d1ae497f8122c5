import { ChildProcess } from 'child_process';
import { runChildScript } from '../lib/childScript';
import { join } from 'path';
import { describeLoad, measureLoad } from '../lib/loadLatency';

/**
 * bench:cluster — for a 5,000-node / 100,000-pod cluster served by the
 * sandbox: the cold /cluster summary against merely fetching and parsing the
 * same lists, the backend's RSS growth, and warm latency under 50 clients.
 * Prints figures; asserts nothing.
 */
function run<T>(
  script: string,
  env: Record<string, string>,
): { child: ChildProcess; result: Promise<T> } {
  return runChildScript<T>(join(__dirname, script), env, {
    execArgv: ['--expose-gc'],
  });
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
    const seconds = Number(process.env.BENCH_WARM_SECONDS ?? 10);
    const load = (target: string, headers?: Record<string, string>) =>
      measureLoad({
        url: target,
        connections: 50,
        durationSeconds: seconds,
        warmupSeconds: 3,
        headers,
      });
    // What a browser sends: the response is gzipped for it.
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    const warm = await load(`${summary.url}/cluster`);
    const warmGpus = await load(`${summary.url}/gpus`);
    const warmGpusGzip = await load(`${summary.url}/gpus`, gzip);
    const gpusBody = await (await fetch(`${summary.url}/gpus`)).text();
    // The same load on a route that reads no upstream: the framework's share.
    const floorRoute = await load(summary.url.replace(/\/ml-scale$/, ''));
    // And on a bare node:http server answering the same /cluster body.
    const bare = run<{ url: string }>('floorServer.ts', {});
    const clusterBody = await (await fetch(`${summary.url}/cluster`)).text();
    bare.child.send({ body: clusterBody });
    const bareFloor = await load((await bare.result).url);
    bare.child.kill();
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
      `warm, 50 concurrent clients, ${seconds} s each after 3 s unrecorded (target: /cluster p95 ≤ 20 ms):`,
      `  /cluster (${Buffer.byteLength(clusterBody)} bytes): ${describeLoad(
        warm,
      )}`,
      `  /gpus (${Buffer.byteLength(gpusBody)} bytes): ${describeLoad(
        warmGpus,
      )}`,
      `  /gpus, Accept-Encoding gzip (a browser): ${describeLoad(
        warmGpusGzip,
      )}`,
      `  /environments (no upstream, same backend): ${describeLoad(
        floorRoute,
      )}`,
      `  bare node:http, same /cluster body:        ${describeLoad(bareFloor)}`,
      `  /cluster p95 is ${(warm.p95 / bareFloor.p95).toFixed(
        1,
      )}× the bare server's and ${(warm.p95 / floorRoute.p95).toFixed(
        2,
      )}× /environments'`,
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
