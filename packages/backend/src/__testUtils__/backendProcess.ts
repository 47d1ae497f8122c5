/*
 * Runs the real backend entry (packages/backend/src/index.ts) as a child
 * process, the way `backstage-cli package start` runs it (node with the CLI's
 * TypeScript transform), minus the file watcher. Each child is the leader of
 * its own process group, and every group still alive when the test process
 * exits is killed, so a failing test leaves no backend holding a port.
 */
import { ChildProcess, spawn } from 'child_process';
import net from 'net';
import path from 'path';

export const repoRoot = path.resolve(__dirname, '../../../..');

const liveGroups = new Set<number>();
const stoppers = new Map<number, () => Promise<void>>();

/** Stops every backend this module started that is still running. */
export async function stopAllBackendProcesses() {
  await Promise.all([...stoppers.values()].map(stop => stop()));
}

process.on('exit', () => {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface BackendProcess {
  name: string;
  url: string;
  /** Everything the process wrote to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

export async function startBackendProcess(options: {
  name: string;
  port: number;
  configFiles: string[];
  env: Record<string, string>;
  readyTimeoutMs?: number;
  /**
   * Keep only this many characters of the most recent output (the backend
   * logs every request, which adds up under load). Default: keep it all.
   */
  outputTailChars?: number;
}): Promise<BackendProcess> {
  const { name, port } = options;
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(repoRoot, 'packages/backend/src/index.ts'),
      ...options.configFiles.flatMap(file => ['--config', file]),
    ],
    {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...options.env,
        NODE_ENV: 'production',
      },
    },
  );
  const pid = child.pid!;
  liveGroups.add(pid);
  let output = '';
  const keep = options.outputTailChars;
  const append = (chunk: Buffer) => {
    output += chunk;
    if (keep !== undefined && output.length > 2 * keep) {
      output = output.slice(-keep);
    }
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => {
      liveGroups.delete(pid);
      stoppers.delete(pid);
      resolve();
    }),
  );

  const stop = async () => {
    if (!liveGroups.has(pid)) return;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 15_000);
    await exited;
    clearTimeout(timer);
  };
  stoppers.set(pid, stop);

  const deadline = Date.now() + (options.readyTimeoutMs ?? 240_000);
  for (;;) {
    if (!liveGroups.has(pid)) {
      throw new Error(
        `${name} exited before it was ready (code ${child.exitCode}):\n${output}`,
      );
    }
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} was not ready in time:\n${output.slice(-4000)}`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
  return { name, url, output: () => output, stop };
}

/** A free port from this test's range (7500-7599), probed by binding it. */
export async function freePortInRange(
  from = 7500,
  to = 7599,
  exclude: number[] = [],
): Promise<number> {
  const start = from + Math.floor(Math.random() * (to - from + 1));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((start - from + i) % (to - from + 1));
    if (exclude.includes(port)) continue;
    const free = await new Promise<boolean>(resolve => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}
