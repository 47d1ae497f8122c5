import express from 'express';
import { AddressInfo } from 'net';
import { costExplorerRouter } from './costExplorer/costExplorerRouter';
import { kubernetesRouter } from './kubernetes/kubernetesRouter';
import { mlflowRouter } from './mlflow/mlflowRouter';
import { Scenario } from './scenarios/types';

export interface SandboxOptions {
  scenario: Scenario;
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only by default: the sandbox is never meant to face a network. */
  host?: string;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:7010 */
  url: string;
  close(): Promise<void>;
}

/** Builds the express app that serves every sandbox upstream. */
export function createSandboxApp(scenario: Scenario): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({
      status: 'ok',
      environments: scenario.environments.map(e => e.name),
    });
  });
  app.use('/k8s', kubernetesRouter(scenario.environments));
  app.use('/mlflow', mlflowRouter(scenario.environments));
  app.use('/aws/cost-explorer', costExplorerRouter(scenario.environments));
  return app;
}

export async function startSandbox(
  options: SandboxOptions,
): Promise<RunningSandbox> {
  const app = createSandboxApp(options.scenario);
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
