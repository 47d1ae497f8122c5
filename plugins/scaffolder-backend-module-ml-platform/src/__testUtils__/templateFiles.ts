import fs from 'node:fs/promises';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';

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

/**
 * The Template entities of a template folder, parsed by the catalog's own
 * parser (`parseEntityYaml`, what the catalog runs on a `file` location).
 * Catalog placeholders (`$yaml`, `$json`, `$text`) are refused: for `file`
 * locations, as app-config registers the templates, the catalog cannot
 * resolve a relative placeholder (ScmIntegrations.resolveUrl throws on a
 * plain path), so a template that used one would not load in the portal.
 */
export async function loadTemplates(
  folder: string,
): Promise<Record<string, TemplateDocument>> {
  const file = path.join(TEMPLATES_DIR, folder, 'template.yaml');
  const text = await fs.readFile(file, 'utf8');
  const templates: Record<string, TemplateDocument> = {};
  for (const result of parseEntityYaml(Buffer.from(text), {
    type: 'file',
    target: file,
  })) {
    if (result.type === 'error')
      throw new Error(`${folder}/template.yaml: ${result.error.message}`);
    if (result.type !== 'entity') continue;
    const placeholder = findPlaceholder(result.entity);
    if (placeholder)
      throw new Error(
        `${folder}/template.yaml: catalog placeholder ${placeholder} cannot be resolved for a file location`,
      );
    const entity = result.entity as unknown as TemplateDocument;
    if (entity.kind === 'Template') templates[entity.metadata.name] = entity;
  }
  return templates;
}

/** The first `$name` key of a placeholder object (`{ $yaml: ./x.yaml }`), with its path. */
export function findPlaceholder(data: unknown, at = ''): string | undefined {
  if (Array.isArray(data)) {
    for (const [i, item] of data.entries()) {
      const found = findPlaceholder(item, `${at}[${i}]`);
      if (found) return found;
    }
  } else if (data && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key.startsWith('$')) return `${key} at ${at || '/'}`;
      const found = findPlaceholder(value, `${at}/${key}`);
      if (found) return found;
    }
  }
  return undefined;
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
