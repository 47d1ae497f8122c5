import express from 'express';
import { AddressInfo } from 'net';
import { costExplorerRouter } from './costExplorer/costExplorerRouter';
import { kubernetesRouter } from './kubernetes/kubernetesRouter';
import { mlflowRouter } from './mlflow/mlflowRouter';
import { controlRouter, Fault, FaultState, injectFaults } from './faults';
import { costEnvironmentOf } from './faults/costEnvironment';
import { Scenario } from './scenarios/types';

export interface SandboxOptions {
  scenario: Scenario;
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only by default: the sandbox is never meant to face a network. */
  host?: string;
  /** Faults switched on from the start (see faults/faultSpec.ts). */
  faults?: Fault[];
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:7010 */
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the express app that serves every sandbox upstream, each behind a
 * fault injector switched at /_sandbox/faults and counted at /_sandbox/requests.
 */
export function createSandboxApp(
  scenario: Scenario,
  faults: Fault[] = [],
): express.Express {
  const state = new FaultState(faults);
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({
      status: 'ok',
      environments: scenario.environments.map(e => e.name),
    });
  });
  app.use('/_sandbox', controlRouter(state));
  app.use(
    '/k8s/:env',
    injectFaults(state, 'k8s', req => req.params.env),
  );
  app.use('/k8s', kubernetesRouter(scenario.environments));
  app.use(
    '/mlflow/:env',
    injectFaults(state, 'mlflow', req => req.params.env),
  );
  app.use('/mlflow', mlflowRouter(scenario.environments));
  app.use(
    '/aws/cost-explorer',
    express.json({ type: ['application/x-amz-json-1.1', 'application/json'] }),
    injectFaults(state, 'cost', req =>
      costEnvironmentOf(req.body, scenario.environments),
    ),
    costExplorerRouter(scenario.environments),
  );
  return app;
}

export async function startSandbox(
  options: SandboxOptions,
): Promise<RunningSandbox> {
  const app = createSandboxApp(options.scenario, options.faults);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof app.listen>>(
    (resolve, reject) => {
      const s = app.listen(options.port ?? 0, host, () => resolve(s));
      s.once('error', reject);
    },
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(err => (err ? reject(err) : resolve()));
      }),
  };
}
