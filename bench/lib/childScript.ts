import { ChildProcess, fork } from 'child_process';

const TRANSFORM = [
  '--require',
  require.resolve('@backstage/cli/config/nodeTransform.cjs'),
];

/**
 * Starts a TypeScript bench script in its own process (so its memory and
 * event loop are its own) and resolves with the first `{ kind: 'result' }`
 * message it sends.
 */
export function runChildScript<T>(
  path: string,
  env: Record<string, string>,
  options: { execArgv?: string[]; quiet?: boolean } = {},
): { child: ChildProcess; result: Promise<T> } {
  const child = fork(path, [], {
    execArgv: [...TRANSFORM, ...(options.execArgv ?? [])],
    env: { ...process.env, ...env },
    ...(options.quiet && { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
  });
  const result = new Promise<T>((resolve, reject) => {
    // The TypeScript transform also talks over IPC ("watch" messages).
    child.on('message', (m: any) => {
      if (m?.kind === 'result') resolve(m as T);
    });
    child.once('exit', code =>
      reject(new Error(`${path} exited with ${code} before reporting`)),
    );
  });
  return { child, result };
}
