/* eslint-disable no-console */
import { runChildScript } from '../lib/childScript';
import { measureLoad } from '../lib/loadLatency';
import { join } from 'path';
import { parseArgs } from 'util';
import { startProductionBackend } from './productionBackend';
import { LoadTarget, startPluginBackend, stopChild } from './targets';

/**
 * bench:load — the summary route and the cost routes against the demo
 * sandbox (every upstream), loopback only: `connections` clients for
 * `seconds` per route, first with healthy upstreams, then with each sandbox
 * fault mode switched on for every upstream. Prints throughput, exact p95
 * (HDR histogram of every response), error rate (non-2xx, socket errors and
 * timeouts) and upstream calls per 1000 requests (sandbox counters). A fresh
 * backend per mode, so one mode's open breaker does not carry into the next.
 * Each route first gets `--warmup` seconds of the same load, not recorded.
 * Asserts nothing.
 *
 * `--backend production` (default): the real backend on the machine's
 * PostgreSQL and Redis with the production config, as signed-in users.
 * `--backend plugin`: the plugin alone on Backstage's test backend (auth mocked,
 * in-memory cache; its scheduler runs the cost refresh at start-up only).
 * The cache TTL, upstream timeout and cost refresh interval are shorter than
 * the defaults (60 s, 10 s, 6 h) so that upstream reads and cost refreshes,
 * and so the faults, happen during each run.
 *
 *   yarn bench:load [--seconds 30] [--connections 100] [--modes none,timeout,...]
 *                   [--backend production|plugin] [--ttl 10] [--timeout 2] [--refresh 10]
 *                   [--warmup 5]
 */
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '100' },
    modes: {
      type: 'string',
      default: 'none,timeout,500,malformed,429,reset,slow',
    },
    backend: { type: 'string', default: 'production' },
    ttl: { type: 'string', default: '10' },
    timeout: { type: 'string', default: '2' },
    refresh: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
  },
});
const START_TARGET = {
  production: startProductionBackend,
  plugin: startPluginBackend,
}[args.backend!];
if (!START_TARGET) {
  throw new Error(
    `--backend must be production or plugin, not ${args.backend}`,
  );
}
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const MODES = args.modes!.split(',');
const WARMUP_SECONDS = Number(args.warmup);

function run<T>(script: string, env: Record<string, string>) {
  return runChildScript<T>(join(__dirname, script), env, { quiet: true });
}

async function upstreamCalls(sandbox: string) {
  const counts = await (await fetch(`${sandbox}/_sandbox/requests`)).json();
  return {
    k8s: counts.k8s.total as number,
    mlflow: counts.mlflow.total as number,
    cost: counts.cost.total as number,
  };
}

async function warm(backend: LoadTarget) {
  const get = (route: string) =>
    fetch(`${backend.url}${route}`, { headers: backend.headers });
  // The ledger fills in the refresh at start-up; wait for it.
  for (let i = 0; i < 300; i++) {
    const res = await get(`/environments/${backend.withCost[0]}/cost`);
    if (!res.ok) throw new Error(`cost route answered ${res.status}`);
    if ((await res.json()).data) break;
    await new Promise(r => setTimeout(r, 100));
  }
  for (const env of backend.environments) {
    await get(`/environments/${env}`);
  }
}

async function load(
  name: string,
  backend: LoadTarget,
  paths: string[],
  sandbox: string,
) {
  const requestList = paths.map(path => ({ method: 'GET', path }));
  // The same load, unrecorded, first: the figures are of a process whose JIT
  // has compiled this route and whose start-up garbage is collected.
  if (WARMUP_SECONDS > 0) {
    await measureLoad({
      url: backend.url,
      headers: backend.headers,
      connections: CONNECTIONS,
      durationSeconds: WARMUP_SECONDS,
      timeoutSeconds: 60,
      requests: requestList,
    });
  }
  const before = await upstreamCalls(sandbox);
  const figures = await measureLoad({
    url: backend.url,
    headers: backend.headers,
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
    // Longer than any upstream bound, so a slow answer is measured, not cut off.
    timeoutSeconds: 60,
    requests: requestList,
  });
  const { result } = figures;
  const after = await upstreamCalls(sandbox);
  const requests = result.requests.total;
  // autocannon's errors include its timeouts
  const failures = result.non2xx + result.errors;
  const calls = {
    k8s: after.k8s - before.k8s,
    mlflow: after.mlflow - before.mlflow,
    cost: after.cost - before.cost,
  };
  const total = calls.k8s + calls.mlflow + calls.cost;
  const row = {
    route: name,
    requests,
    rps: Math.round(result.requests.average),
    p50: figures.p50,
    p95: figures.p95,
    p99: figures.p99,
    max: figures.max,
    errorRate: requests ? failures / (requests + result.errors) : 0,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    upstreamCalls: total,
    callsPer1000: requests
      ? Math.round((total / requests) * 1000 * 100) / 100
      : 0,
    calls,
  };
  return row;
}

async function main() {
  const sandboxProcess = run<{ url: string }>('sandbox.ts', {});
  const { url: sandbox } = await sandboxProcess.result;
  console.log(
    `bench:load — ${args.backend} backend, ${CONNECTIONS} clients, ${SECONDS} s per route, cache TTL ${args.ttl} s, upstream timeout ${args.timeout} s, cost refresh every ${args.refresh} s, sandbox ${sandbox}`,
  );
  const rows = [];
  try {
    for (const mode of MODES) {
      const backend = await START_TARGET({
        sandbox,
        ttlSeconds: Number(args.ttl),
        timeoutSeconds: Number(args.timeout),
        refreshSeconds: Number(args.refresh),
      });
      try {
        await warm(backend);
        if (mode !== 'none') {
          for (const upstream of ['k8s', 'mlflow', 'cost']) {
            const res = await fetch(`${sandbox}/_sandbox/faults`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ upstream, mode }),
            });
            if (!res.ok) throw new Error(await res.text());
          }
        }
        const routes: Array<[string, string[]]> = [
          [
            'GET /environments/:name',
            backend.environments.map(e => `/api/ml-platform/environments/${e}`),
          ],
          ['GET /costs', ['/api/ml-platform/costs']],
          [
            'GET /environments/:name/cost',
            backend.withCost.map(
              e => `/api/ml-platform/environments/${e}/cost`,
            ),
          ],
        ];
        for (const [name, paths] of routes) {
          const row = {
            mode,
            ...(await load(name, backend, paths, sandbox)),
          };
          rows.push(row);
          console.log(JSON.stringify(row));
        }
      } finally {
        await fetch(`${sandbox}/_sandbox/faults`, { method: 'DELETE' });
        await backend.stop();
      }
    }
  } finally {
    await stopChild(sandboxProcess.child);
  }
  console.log(
    '\nmode       route                         req/s    p50 ms   p95 ms   p99 ms  errors  upstream calls/1000 req',
  );
  for (const r of rows) {
    console.log(
      `${r.mode.padEnd(10)} ${r.route.padEnd(29)} ${String(r.rps).padStart(
        6,
      )} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(
        r.p99,
      ).padStart(8)} ${String(r.non2xx + r.socketErrors).padStart(7)}  ${
        r.callsPer1000
      } (k8s ${r.calls.k8s}, mlflow ${r.calls.mlflow}, cost ${r.calls.cost})`,
    );
  }
}

main().catch(error => {
  console.error(error.stack ?? error);
  process.exit(1);
});
