import fs from 'node:fs/promises';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parseAllDocuments } from 'yaml';

/** Where the templates of this repository live. */
export const TEMPLATES_DIR = resolvePackagePath(
  '@internal/backstage-plugin-scaffolder-backend-module-ml-platform',
  '../../templates',
);

export interface TemplateDocument {
  apiVersion: string;
  kind: string;
  metadata: { name: string; title?: string };
  spec: { parameters: unknown[]; steps: unknown[]; output?: unknown };
}

/** The Template entities of a template folder (its template.yaml may hold several). */
export async function loadTemplates(
  folder: string,
): Promise<Record<string, TemplateDocument>> {
  const text = await fs.readFile(
    path.join(TEMPLATES_DIR, folder, 'template.yaml'),
    'utf8',
  );
  const templates: Record<string, TemplateDocument> = {};
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length)
      throw new Error(`${folder}/template.yaml: ${doc.errors[0].message}`);
    const entity = doc.toJS() as TemplateDocument;
    if (entity?.kind === 'Template') templates[entity.metadata.name] = entity;
  }
  return templates;
}

/** The template folder as the dry-run API takes it: every file, base64 encoded. */
export async function directoryContentsOf(
  folder: string,
): Promise<{ path: string; base64Content: string }[]> {
  const root = path.join(TEMPLATES_DIR, folder);
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await fs.readdir(path.join(root, dir), {
      withFileTypes: true,
    });
    const nested = await Promise.all(
      entries.map(e => {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        return e.isDirectory() ? walk(rel) : Promise.resolve([rel]);
      }),
    );
    return nested.flat();
  };
  const files = await walk('');
  return Promise.all(
    files.map(async rel => ({
      path: rel,
      base64Content: (await fs.readFile(path.join(root, rel))).toString(
        'base64',
      ),
    })),
  );
}
