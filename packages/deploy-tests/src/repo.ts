import fs from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder upwards (from the working directory) holding backstage.json. */
export function repoRoot(from: string = process.cwd()): string {
  let dir = path.resolve(from);
  while (!fs.existsSync(path.join(dir, 'backstage.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no backstage.json above ${from}`);
    dir = parent;
  }
  return dir;
}
