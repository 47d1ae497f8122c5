import { demoScenario } from '@internal/ml-platform-sandbox';
import { ChildProcess } from 'child_process';
import { join } from 'path';
import { runChildScript } from '../lib/childScript';

/** A running ML Platform backend the load is aimed at. */
export interface LoadTarget {
  /** Base URL of the plugin's routes (…/api/ml-platform). */
  url: string;
  /** What each request carries (a user token for the production backend). */
  headers: Record<string, string>;
  environments: string[];
  /** The environments with a cost block. */
  withCost: string[];
  stop(): Promise<void>;
}

export interface TargetOptions {
  sandbox: string;
  ttlSeconds: number;
  timeoutSeconds: number;
  /** Cost refresh interval, short so refreshes run (and meet faults) during the load. */
  refreshSeconds: number;
}

/** Every demo environment with its Kubernetes, MLflow and Cost Explorer upstream. */
export function sandboxEnvironments(sandbox: string) {
  return demoScenario.environments.map(env => ({
    name: env.name,
    tier: 'prod',
    owner: 'group:default/ml-platform',
    kubernetes: {
      url: `${sandbox}/k8s/${env.name}`,
      authProvider: 'none',
      skipTLSVerify: true,
    },
    mlflow: { url: `${sandbox}/mlflow/${env.name}` },
    ...(env.cost && {
      cost: {
        tagKey: env.cost.tagKey,
        tagValue: env.cost.tagValue,
        monthlyBudget: 5000,
        endpoint: `${sandbox}/aws/cost-explorer`,
      },
    }),
  }));
}

/** Ends a child process and resolves once it has exited. */
export function stopChild(child: ChildProcess) {
  return new Promise<void>(resolve => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill();
  });
}

/**
 * The plugin alone on Backstage's test backend (in-memory cache and SQLite,
 * auth mocked) in a child process: what the plugin's own code costs.
 */
export async function startPluginBackend(
  options: TargetOptions,
): Promise<LoadTarget> {
  const child = runChildScript<{ url: string }>(
    join(__dirname, 'backend.ts'),
    {
      BENCH_SANDBOX_URL: options.sandbox,
      BENCH_TTL_SECONDS: String(options.ttlSeconds),
      BENCH_TIMEOUT_SECONDS: String(options.timeoutSeconds),
      BENCH_REFRESH_SECONDS: String(options.refreshSeconds),
    },
    { quiet: true },
  );
  const { url } = await child.result;
  return {
    url,
    headers: {},
    environments: demoScenario.environments.map(e => e.name),
    withCost: demoScenario.environments.filter(e => e.cost).map(e => e.name),
    stop: () => stopChild(child.child),
  };
}
