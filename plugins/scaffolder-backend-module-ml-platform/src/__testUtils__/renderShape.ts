import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkRenderedTree } from '../workspace/checkRenderedTree';
import { formatFinding } from '../workspace/types';
import { startScaffolder } from './testBackend';
import { loadTemplates } from './templateFiles';
import { SAMPLE_VALUES, TEMPLATE_NAME } from './values';
import { writeDirectoryContents } from './writeDirectoryContents';

export type RenderedFiles = { path: string; base64Content: string }[];

/** The text of one rendered file; throws when it was not rendered. */
export function readRendered(files: RenderedFiles, p: string): string {
  const file = files.find(f => f.path === p);
  if (!file)
    throw new Error(
      `${p} was not rendered; got ${files.map(f => f.path).join(', ')}`,
    );
  return Buffer.from(file.base64Content, 'base64').toString('utf8');
}

let scaffolder: Promise<Awaited<ReturnType<typeof startScaffolder>>>;

/**
 * Dry-runs the template for a shape's sample values (plus `extra`) through
 * the real scaffolder, expects it to succeed, writes the tree to a temporary
 * folder and expects the workspace checks to find nothing. `inspect` runs
 * while the folder exists (e.g. to render the Helm chart).
 */
export async function renderShape(
  shape: keyof typeof SAMPLE_VALUES,
  extra: Record<string, unknown> = {},
  inspect?: (dir: string) => Promise<void>,
) {
  scaffolder ??= startScaffolder();
  const templates = await loadTemplates('ml-environment');
  const res = await (
    await scaffolder
  ).dryRun('ml-environment', templates[TEMPLATE_NAME], {
    ...SAMPLE_VALUES[shape],
    ...extra,
  });
  expect(res.body.error).toBeUndefined();
  expect(res.status).toBe(200);
  const files: RenderedFiles = res.body.directoryContents!;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `${shape}-`));
  try {
    await writeDirectoryContents(dir, files);
    const report = await checkRenderedTree(dir);
    expect(report.findings.map(formatFinding)).toEqual([]);
    if (inspect) await inspect(dir);
    return {
      files,
      report,
      output: res.body.output!,
      read: (p: string) => readRendered(files, p),
      has: (p: string) => files.some(f => f.path === p),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
