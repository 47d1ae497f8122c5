import fs from 'node:fs/promises';
import path from 'node:path';
import {
  TEMPLATES_DIR,
  TemplateDocument,
  findPlaceholder,
  loadTemplates,
} from '../__testUtils__/templateFiles';
import { TEMPLATE_NAME } from '../__testUtils__/values';

/** Every Template entity under templates/, as the catalog parses it. */
async function allTemplates() {
  const folders = (await fs.readdir(TEMPLATES_DIR, { withFileTypes: true }))
    .filter(e => e.isDirectory())
    .map(e => e.name);
  const found: { ref: string; template: TemplateDocument }[] = [];
  for (const folder of folders) {
    const exists = await fs
      .access(path.join(TEMPLATES_DIR, folder, 'template.yaml'))
      .then(() => true)
      .catch(() => false);
    if (!exists) continue;
    for (const [name, template] of Object.entries(await loadTemplates(folder)))
      found.push({ ref: `${folder}/${name}`, template });
  }
  return found;
}

/** A canonical form of a JSON value: keys sorted, so order does not hide a copy. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map(k => `${JSON.stringify(k)}:${canonical((value as any)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The form fields of a page: its own properties and those of every
 * `dependencies` branch (oneOf), nested branches included, with where they are.
 */
function formFields(schema: any, at: string): [string, any, string][] {
  const fields: [string, any, string][] = Object.entries<any>(
    schema.properties ?? {},
  ).map(([field, value]) => [field, value, `${at} ${field}`]);
  for (const [key, dependency] of Object.entries<any>(
    schema.dependencies ?? {},
  ))
    (dependency.oneOf ?? [dependency]).forEach((branch: any, i: number) =>
      fields.push(...formFields(branch, `${at} ${key}.oneOf[${i}]`)),
    );
  return fields;
}

/**
 * The places where the same block appears again: parameter pages, form fields
 * with more than a title and type (in a page or any of its dependency
 * branches), and steps (by action and input). Steps that only differ in id or
 * name still count as the same step. A YAML alias (`*region`) is one block
 * used twice, not a copy: it parses to the very same object, which is skipped.
 */
function repeatedBlocks(
  templates: { ref: string; template: TemplateDocument }[],
): string[] {
  const seen = new Map<string, string>();
  const aliased = new Set<unknown>();
  const repeats: string[] = [];
  const note = (what: string, block: unknown, where: string) => {
    const key = `${what}:${canonical(block)}`;
    const first = seen.get(key);
    if (first) repeats.push(`${what} at ${where} repeats ${first}`);
    else seen.set(key, where);
  };
  for (const { ref, template } of templates) {
    template.spec.parameters.forEach((page: any, i) => {
      note('parameter page', page, `${ref} parameters[${i}]`);
      for (const [field, schema, where] of formFields(
        page,
        `${ref} parameters[${i}]`,
      )) {
        if (Object.keys(schema).length <= 2 || aliased.has(schema)) continue;
        aliased.add(schema);
        note('form field', { field, schema }, where);
      }
    });
    template.spec.steps.forEach((step: any, i) => {
      const { id: _id, name: _name, ...rest } = step;
      note('step', rest, `${ref} steps[${i}] (${step.id})`);
    });
  }
  return repeats;
}

describe('ml-environment template layout', () => {
  it('is one Template entity that offers every shape', async () => {
    const templates = await loadTemplates('ml-environment');
    expect(Object.keys(templates)).toEqual([TEMPLATE_NAME]);
    const shape = (templates[TEMPLATE_NAME].spec.parameters[0] as any)
      .properties.shape;
    expect(shape.enum).toEqual(['eks', 'kind', 'k3s', 'ecs']);
  });

  it('repeats no parameter page, form field or step across or within templates', async () => {
    const templates = await allTemplates();
    expect(templates.length).toBeGreaterThan(0);
    expect(repeatedBlocks(templates)).toEqual([]);
  });

  it('finds a page or step that a second template copies', async () => {
    const [{ template }] = await allTemplates();
    const copy = {
      ref: 'copy/ml-environment-copy',
      template: {
        ...template,
        spec: {
          ...template.spec,
          // A second template file parses to objects of its own.
          parameters: [structuredClone(template.spec.parameters[2])],
          steps: [{ ...(template.spec.steps[0] as object), id: 'check-input' }],
        },
      },
    };
    expect(repeatedBlocks([{ ref: 'a', template }, copy])).toEqual([
      expect.stringMatching(/^parameter page at copy.* repeats a parameters/),
      expect.stringMatching(/^form field at copy.*repoUrl repeats a .*repoUrl/),
      expect.stringMatching(/^step at copy.* repeats a steps\[0\]/),
    ]);
  });

  it('finds a field copied into another dependency branch, and lets a YAML alias through', async () => {
    const [{ template }] = await allTemplates();
    const aws: any = template.spec.parameters[1];
    const [, cloud, k3s] = aws.dependencies.shape.oneOf;
    // k3s takes the region through an alias: the same object, not a copy.
    expect(k3s.properties.region).toBe(cloud.properties.region);
    // structuredClone keeps the aliases shared; the pasted field is a copy.
    const copied = structuredClone(aws);
    copied.dependencies.shape.oneOf[2].properties.domainName = structuredClone(
      copied.dependencies.shape.oneOf[1].properties.domainName,
    );
    const withCopy = {
      ...template,
      spec: {
        ...template.spec,
        parameters: [template.spec.parameters[0], copied],
        steps: [],
      },
    };
    expect(repeatedBlocks([{ ref: 'a', template: withCopy }])).toEqual([
      'form field at a parameters[1] shape.oneOf[2] domainName repeats a parameters[1] shape.oneOf[1] domainName',
    ]);
  });

  it('refuses catalog placeholders, which a file location cannot resolve', () => {
    expect(
      findPlaceholder({ spec: { parameters: [{ $yaml: './page.yaml' }] } }),
    ).toBe('$yaml at /spec/parameters[0]');
    expect(findPlaceholder({ spec: { steps: [] } })).toBeUndefined();
  });
});
