#!/usr/bin/env node
/*
 * Regenerates src/workspace/terraformModuleInputs.json: the input variables of the
 * community Terraform modules the skeleton pins, read from each module's
 * variables.tf at the pinned tag. Needs local git clones of the module
 * repositories (the portal has no terraform binary and no registry access):
 *
 *   node scripts/extract-module-inputs.js <dir holding terraform-aws-modules+terraform-aws-<name>/repo>
 *
 * An input is required when its variable block has no `default` (a
 * `default = null` makes it optional, as in Terraform). For map inputs whose
 * entries the module reads key by key (node groups, container definitions,
 * listeners, target groups) it also records the keys read, as
 * `<entry>.key` or `lookup(<entry>, "key", ...)`, from the named blocks.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('@cdktf/hcl2json');

const MODULES = [
  { repo: 'vpc', version: '5.13.0' },
  {
    repo: 'eks',
    version: '20.37.2',
    // Map inputs whose entries the module reads key by key (each.value.<key>).
    mapInputs: {
      eks_managed_node_groups: {
        file: 'node_groups.tf',
        reads: [
          { block: 'module "eks_managed_node_group"', as: ['each.value'] },
        ],
      },
    },
  },
  { repo: 'rds', version: '6.9.0' },
  { repo: 's3-bucket', version: '4.1.2' },
  { repo: 'acm', version: '5.1.1' },
  {
    repo: 'iam',
    version: '5.44.0',
    subdir: 'modules/iam-role-for-service-accounts-eks',
  },
  { repo: 'elasticache', version: '1.10.3' },
  { repo: 'ecr', version: '2.4.0' },
  // 5.x is the last ECS major that accepts AWS provider 5 (6.0 needs >= 6.0).
  { repo: 'ecs', version: '5.12.1', subdir: 'modules/cluster' },
  {
    repo: 'ecs',
    version: '5.12.1',
    subdir: 'modules/service',
    mapInputs: {
      container_definitions: {
        file: 'modules/service/main.tf',
        reads: [
          { block: 'module "container_definition"', as: ['each.value', 'v'] },
        ],
      },
    },
  },
  {
    repo: 'alb',
    version: '9.16.0',
    mapInputs: {
      listeners: {
        file: 'main.tf',
        reads: [
          { block: 'resource "aws_lb_listener" "this"', as: ['each.value'] },
          // Listener rules and extra certificates are read in locals.
          { as: ['listener_values'] },
        ],
      },
      target_groups: {
        file: 'main.tf',
        reads: [
          {
            block: 'resource "aws_lb_target_group" "this"',
            as: ['each.value'],
          },
          {
            block: 'resource "aws_lb_target_group_attachment" "this"',
            as: ['each.value', 'v'],
          },
        ],
      },
    },
  },
];

/** The text of the top-level block that starts with `header {`, or the whole file. */
function blockText(text, header) {
  if (!header) return text;
  const start = text.indexOf(`\n${header} {`);
  if (start < 0) throw new Error(`no block ${header}`);
  return text.slice(start, text.indexOf('\n}\n', start));
}

/** Keys read from an entry bound to one of `names`: `<name>.key` or `lookup(<name>, "key"`. */
function keysRead(text, names) {
  const keys = new Set();
  for (const name of names) {
    const n = name.replace(/\./g, '\\.');
    const patterns = [
      new RegExp(`(?<![\\w.])${n}\\.(\\w+)`, 'g'),
      new RegExp(`lookup\\(${n},\\s*"(\\w+)"`, 'g'),
    ];
    for (const p of patterns) for (const m of text.matchAll(p)) keys.add(m[1]);
  }
  return keys;
}

async function main() {
  const mirrors = process.argv[2];
  if (!mirrors) throw new Error('usage: extract-module-inputs.js <mirror dir>');
  const out = [];
  for (const m of MODULES) {
    const gitDir = path.join(
      mirrors,
      `terraform-aws-modules+terraform-aws-${m.repo}`,
      'repo',
    );
    const tag = `v${m.version}`;
    const file = m.subdir ? `${m.subdir}/variables.tf` : 'variables.tf';
    const git = (...args) =>
      execFileSync('git', ['-C', gitDir, ...args], { encoding: 'utf8' });
    const commit = git('rev-parse', `${tag}^{commit}`).trim();
    const parsed = await parse(file, git('show', `${commit}:${file}`));
    const inputs = {};
    for (const [name, [block]] of Object.entries(parsed.variable ?? {})) {
      inputs[name] = { required: !('default' in block) };
    }
    const mapInputKeys = {};
    for (const [input, spec] of Object.entries(m.mapInputs ?? {})) {
      const text = git('show', `${commit}:${spec.file}`);
      const keys = new Set();
      for (const read of spec.reads)
        for (const key of keysRead(blockText(text, read.block), read.as))
          keys.add(key);
      mapInputKeys[input] = {
        readFrom: `https://github.com/terraform-aws-modules/terraform-aws-${m.repo}/blob/${tag}/${spec.file}`,
        keys: [...keys].sort(),
      };
    }
    out.push({
      source: `terraform-aws-modules/${m.repo}/aws${
        m.subdir ? `//${m.subdir}` : ''
      }`,
      version: m.version,
      readFrom: `https://github.com/terraform-aws-modules/terraform-aws-${m.repo}/blob/${tag}/${file}`,
      commit,
      inputs: Object.fromEntries(
        Object.entries(inputs).sort(([a], [b]) => a.localeCompare(b)),
      ),
      ...(m.mapInputs ? { mapInputKeys } : {}),
    });
  }
  const target = path.join(
    __dirname,
    '..',
    'src',
    'workspace',
    'terraformModuleInputs.json',
  );
  fs.writeFileSync(
    target,
    `${JSON.stringify(
      {
        description:
          'Input variables of the pinned terraform-aws-modules, read from variables.tf at the pinned tag by scripts/extract-module-inputs.js. required = no default.',
        readOn: new Date().toISOString().slice(0, 10),
        modules: out,
      },
      null,
      2,
    )}\n`,
  );
  for (const m of out)
    console.log(
      `${m.source} ${m.version}: ${Object.keys(m.inputs).length} inputs, ${
        Object.values(m.inputs).filter(i => i.required).length
      } required`,
    );
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
