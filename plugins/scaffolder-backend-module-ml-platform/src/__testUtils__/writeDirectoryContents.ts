import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';

/** Writes the files a dry run returned into a folder, so they can be checked like a real workspace. */
export async function writeDirectoryContents(
  root: string,
  files: { path: string; base64Content: string }[],
): Promise<void> {
  for (const file of files) {
    const target = resolveSafeChildPath(root, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, Buffer.from(file.base64Content, 'base64'));
  }
}
