import { z } from 'zod';
import moduleData from './terraformModuleInputs.json';
import { WorkspaceFinding } from './types';

/** The inputs of one pinned module version, as read from its variables.tf. */
const moduleInputsSchema = z.object({
  source: z.string(),
  version: z.string(),
  readFrom: z.string().url(),
  commit: z.string().regex(/^[0-9a-f]{40}$/),
  inputs: z.record(z.string(), z.object({ required: z.boolean() })),
  /** Map inputs (e.g. eks_managed_node_groups) with the keys each entry may hold. */
  mapInputKeys: z
    .record(
      z.string(),
      z.object({ readFrom: z.string().url(), keys: z.array(z.string()) }),
    )
    .optional(),
});
export type ModuleInputs = z.infer<typeof moduleInputsSchema>;

/** Module block arguments that belong to Terraform, not to the module. */
const META_ARGUMENTS = new Set([
  'source',
  'version',
  'providers',
  'count',
  'for_each',
  'depends_on',
]);

/** Registry modules whose inputs are recorded; other sources are not checked. */
const RECORDED_NAMESPACE = 'terraform-aws-modules/';

/** The recorded modules (src/workspace/terraformModuleInputs.json), checked on load. */
export const KNOWN_MODULES: ModuleInputs[] = z
  .array(moduleInputsSchema)
  .parse(moduleData.modules);

/**
 * Line of the `module "<name>" {` header and of each top-level argument of
 * that block, found by reading the text (hcl2json has no positions).
 */
function moduleLines(content: string, name: string) {
  const lines = content.split('\n');
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const header = new RegExp(`^\\s*module\\s+"${escaped}"\\s*\\{`);
  const start = lines.findIndex(l => header.test(l));
  const args = new Map<string, number>();
  if (start < 0) return { line: 1, args };
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].replace(/"(?:[^"\\]|\\.)*"/g, '""');
    const arg = /^\s*([A-Za-z_][\w-]*)\s*=/.exec(line);
    if (depth === 1 && arg && !args.has(arg[1])) args.set(arg[1], i + 1);
    for (const ch of line) {
      if (ch === '{' || ch === '[' || ch === '(') depth += 1;
      if (ch === '}' || ch === ']' || ch === ')') depth -= 1;
    }
    if (i > start && depth <= 0) break;
  }
  return { line: start + 1, args };
}

/** The first line at or after `from` (1-based) that assigns `key`. */
function lineAfter(content: string, from: number, key: string): number {
  const lines = content.split('\n');
  const assigns = new RegExp(`^\\s*${key}\\s*=`);
  for (let i = from - 1; i < lines.length; i++)
    if (assigns.test(lines[i])) return i + 1;
  return from;
}

/**
 * Checks every `module` block of a parsed Terraform file whose source is a
 * recorded registry module: the pinned version must be one whose inputs are
 * recorded, every argument must be an input of that version, and every
 * required input (no default) must be passed.
 */
export function checkModuleInputs(
  file: string,
  content: string,
  parsed: { module?: Record<string, Record<string, unknown>[]> },
  known: ModuleInputs[] = KNOWN_MODULES,
): WorkspaceFinding[] {
  const findings: WorkspaceFinding[] = [];
  for (const [name, blocks] of Object.entries(parsed.module ?? {})) {
    for (const block of blocks) {
      const source = String(block.source ?? '');
      if (!source.startsWith(RECORDED_NAMESPACE)) continue;
      const { line, args } = moduleLines(content, name);
      const at = (what: string, where = line, message = what) =>
        findings.push({
          file,
          line: where,
          check: 'terraform-module',
          message,
        });
      const version =
        block.version === undefined ? undefined : String(block.version);
      const versions = known.filter(m => m.source === source);
      if (versions.length === 0) {
        at(
          `module "${name}": no recorded inputs for source ${source}; add it to terraformModuleInputs.json`,
        );
        continue;
      }
      const data = versions.find(m => m.version === version);
      if (!data) {
        at(
          `module "${name}": ${source} version ${
            version ?? '(not pinned)'
          } is not in terraformModuleInputs.json (recorded: ${versions
            .map(m => m.version)
            .join(', ')}); pin a recorded version or record this one`,
          args.get('version') ?? line,
        );
        continue;
      }
      for (const arg of Object.keys(block)) {
        if (META_ARGUMENTS.has(arg) || arg in data.inputs) continue;
        at(
          `module "${name}": ${source} ${data.version} has no input '${arg}' (${data.readFrom})`,
          args.get(arg) ?? line,
        );
      }
      for (const [input, spec] of Object.entries(data.mapInputKeys ?? {})) {
        const entries = block[input];
        if (!entries || typeof entries !== 'object') continue;
        for (const [entry, value] of Object.entries(entries)) {
          for (const key of Object.keys((value as object) ?? {})) {
            if (spec.keys.includes(key)) continue;
            at(
              `module "${name}": entry '${entry}' of ${input} has key '${key}', which ${source} ${data.version} does not read (${spec.readFrom})`,
              lineAfter(content, args.get(input) ?? line, key),
            );
          }
        }
      }
      for (const [input, { required }] of Object.entries(data.inputs)) {
        if (required && !(input in block))
          at(
            `module "${name}": ${source} ${data.version} requires input '${input}' (${data.readFrom})`,
          );
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}
