import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import ignore from 'ignore';
import { parse as parseYaml } from 'yaml';
import {
  contextSources,
  DockerStage,
  parseDockerfile,
  runCommands,
} from './dockerfile';
import { repoRoot } from './repo';

const root = repoRoot();
const dockerfileText = fs.readFileSync(
  path.join(root, 'packages/backend/Dockerfile'),
  'utf8',
);
const stages = parseDockerfile(dockerfileText);
const finalStage = stages[stages.length - 1];
const dockerignore = ignore().add(
  fs.readFileSync(path.join(root, '.dockerignore'), 'utf8'),
);
const rootScripts: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
).scripts;

const of = (stage: DockerStage, keyword: string) =>
  stage.instructions.filter(i => i.keyword === keyword);

describe('packages/backend/Dockerfile', () => {
  it('is a multi-stage build: skeleton, build, then a slim Node 22 runtime', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages.map(s => s.name)).toEqual(['packages', 'build', undefined]);
    expect(finalStage.image).toBe('node:22-bookworm-slim');
    // The runtime stage takes the bundle from the build stage, not the host.
    const fromBuild = of(finalStage, 'COPY').filter(
      c => c.flags.from === 'build',
    );
    expect(fromBuild.map(c => c.args.join(' ')).join('\n')).toContain(
      '/app/packages/backend/dist/bundle/',
    );
  });

  it('type-checks and builds the backend in the build stage with scripts that exist', () => {
    const build = stages.find(s => s.name === 'build')!;
    const commands = runCommands(build).join('\n');
    expect(commands).toMatch(/\byarn tsc\b/);
    expect(commands).toMatch(/\byarn build:backend\b/);

    // Every `yarn <name>` that is not a yarn command must be a root script.
    const builtins = new Set(['install', 'workspaces', 'cache', 'config']);
    const used = stages
      .flatMap(runCommands)
      .flatMap(cmd => [...cmd.matchAll(/\byarn\s+([\w:-]+)/g)].map(m => m[1]));
    expect(used.length).toBeGreaterThan(2);
    for (const name of used.filter(n => !builtins.has(n))) {
      expect({ name, defined: name in rootScripts }).toEqual({
        name,
        defined: true,
      });
    }
    expect(rootScripts['build:backend']).toBe('yarn workspace backend build');
  });

  it('runs as the non-root node user in the final stage', () => {
    const users = of(finalStage, 'USER').map(u => u.args[0]);
    expect(users.length).toBeGreaterThan(0);
    const last = users[users.length - 1];
    expect(['root', '0', '0:0']).not.toContain(last);
    expect(last).toBe('node');
    // USER comes before the CMD, so the process runs as node.
    const userLine = of(finalStage, 'USER').at(-1)!.line;
    expect(userLine).toBeLessThan(of(finalStage, 'CMD')[0].line);
  });

  it('starts the backend with app-config.yaml and app-config.production.yaml, both copied in', () => {
    const cmd = of(finalStage, 'CMD');
    expect(cmd).toHaveLength(1);
    expect(cmd[0].json).toEqual([
      'node',
      'packages/backend',
      '--config',
      'app-config.yaml',
      '--config',
      'app-config.production.yaml',
    ]);
    const copied = of(finalStage, 'COPY').flatMap(contextSources);
    expect(copied).toEqual(
      expect.arrayContaining(['app-config.yaml', 'app-config.production.yaml']),
    );
  });

  it('copies every file location of the production catalog config into the image', () => {
    const config = (file: string) =>
      parseYaml(fs.readFileSync(path.join(root, file), 'utf8')) ?? {};
    const locations: Array<{ type: string; target: string }> = [
      ...(config('app-config.production.yaml').catalog?.locations ??
        config('app-config.yaml').catalog?.locations ??
        []),
    ];
    const fileTargets = locations
      .filter(l => l.type === 'file')
      .map(l => path.posix.normalize(l.target));
    expect(fileTargets.length).toBeGreaterThan(0);
    const copied = of(finalStage, 'COPY').flatMap(contextSources);
    for (const target of fileTargets) {
      // Relative to /app, the image's working directory (= repo root).
      expect(target.startsWith('../')).toBe(false);
      const covered = copied.some(
        src =>
          target === src || target.startsWith(`${src.replace(/\/$/, '')}/`),
      );
      expect({ target, covered }).toEqual({ target, covered: true });
      expect(fs.existsSync(path.join(root, target))).toBe(true);
    }
  });

  it('copies from the build context only files that exist and are not dockerignored', () => {
    const sources = stages.flatMap(s => s.instructions.flatMap(contextSources));
    expect(sources.length).toBeGreaterThan(5);
    for (const src of sources) {
      if (src === '.') continue;
      const exists = fs.existsSync(path.join(root, src));
      const ignored = dockerignore.ignores(src.replace(/\/$/, ''));
      expect({ src, exists, ignored }).toEqual({
        src,
        exists: true,
        ignored: false,
      });
    }
  });

  it('.dockerignore keeps every tracked source file and drops build output and dependencies', () => {
    const tracked = execFileSync('git', ['ls-files'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(tracked.length).toBeGreaterThan(50);
    const dropped = tracked.filter(f => dockerignore.ignores(f));
    // Only the CI entry point is left out of the image's build context.
    expect(dropped.filter(f => !f.startsWith('.ci/'))).toEqual([]);
    for (const heavy of [
      'node_modules/react/index.js',
      'packages/backend/node_modules/x',
      'packages/backend/dist/bundle.tar.gz',
      'plugins/ml-platform/dist/index.esm.js',
      'dist-types/index.d.ts',
      '.git/HEAD',
      '.yarn/cache/x.zip',
      'app-config.local.yaml',
    ]) {
      expect({ heavy, ignored: dockerignore.ignores(heavy) }).toEqual({
        heavy,
        ignored: true,
      });
    }
  });

  it('has no secret-looking ENV or ARG', () => {
    const secretish =
      /(SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
    const vars = stages.flatMap(s =>
      s.instructions
        .filter(i => i.keyword === 'ENV' || i.keyword === 'ARG')
        .flatMap(i => i.args),
    );
    expect(vars.length).toBeGreaterThan(0);
    for (const v of vars) {
      expect({ v, secretish: secretish.test(v) }).toEqual({
        v,
        secretish: false,
      });
      expect(v).not.toMatch(/AKIA[0-9A-Z]{16}/);
    }
  });

  describe('HEALTHCHECK', () => {
    const healthchecks = of(finalStage, 'HEALTHCHECK');
    const command = healthchecks[0]?.json ?? [];

    it('asks the readiness endpoint with node (the slim image has no curl)', () => {
      expect(healthchecks).toHaveLength(1);
      expect(command[0]).toBe('node');
      expect(command.join(' ')).toContain(
        'http://127.0.0.1:7007/.backstage/health/v1/readiness',
      );
      expect(of(finalStage, 'EXPOSE').map(e => e.args[0])).toContain('7007');
    });

    // Runs the real health check script against a local server on an
    // ephemeral port: exit 0 when ready, 1 when not ready or not listening.
    const runAgainst = async (status: number | 'closed') => {
      const server = http.createServer((req, res) => {
        res.statusCode =
          req.url === '/.backstage/health/v1/readiness'
            ? (status as number)
            : 404;
        res.end('{}');
      });
      await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
      const { port } = server.address() as AddressInfo;
      if (status === 'closed') {
        await new Promise(r => server.close(r));
      }
      const args = command
        .slice(1)
        .map(a => a.replace('127.0.0.1:7007', `127.0.0.1:${port}`));
      try {
        await promisify(execFile)(process.execPath, args, { timeout: 10000 });
        return 0;
      } catch (error) {
        return (error as { code?: number }).code;
      } finally {
        if (status !== 'closed') server.close();
      }
    };

    it('exits 0 on a 200 from the readiness endpoint', async () => {
      await expect(runAgainst(200)).resolves.toBe(0);
    });

    it('exits 1 on a 503 and when nothing listens', async () => {
      await expect(runAgainst(503)).resolves.toBe(1);
      await expect(runAgainst('closed')).resolves.toBe(1);
    });
  });
});
