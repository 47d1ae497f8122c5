import fs from 'node:fs/promises';
import path from 'node:path';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { environmentRequestSchema } from '../environment/request';
import { environmentSizing } from '../environment/sizing';
import { estimateMonthlyCost } from '../pricing/estimate';
import { checkRenderedTree } from '../workspace/checkRenderedTree';
import { formatFinding } from '../workspace/types';
import { TEMPLATES_DIR } from '../__testUtils__/templateFiles';

jest.setTimeout(300_000);

/** Strings that try to leave an HCL string, a YAML scalar or a folder. */
const HOSTILE = [
  '${var.x}',
  'a"b',
  "a'b",
  'a\nb: c',
  'x: y',
  '&anchor',
  '*alias',
  '../etc',
  '..',
  '%{ if true }x%{ endif }',
  '${{ values.name }}',
  '{% raw %}',
  '# comment',
  'a\\"',
  '|\n  block',
  'ok-name',
];

/** Mostly well-formed values (so rendering is exercised), often hostile ones. */
const text = (pattern: RegExp) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 6, arbitrary: fc.stringMatching(pattern) },
  );

const requestArbitrary = fc.record({
  name: text(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/),
  project: text(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/),
  owner: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'group:default/ml-platform',
        'user:jane.doe',
        'group:team-a',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 1, arbitrary: fc.string() },
  ),
  description: text(/^[A-Za-z0-9 ,.()_/-]{0,60}$/),
  vpcCidr: fc.oneof(
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '10.40.0.0/16"\n',
        '${var.cidr}',
        '10.0.0.0/8',
      ),
    },
    { weight: 4, arbitrary: fc.constant('10.40.0.0/16') },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 16, max: 28 }),
        )
        .map(([o, p]) => `10.${o}.0.0/${p}`),
    },
  ),
});

/**
 * The JSON-schema patterns of the form, read from template.yaml itself: the
 * fields of every page and of the shape-dependent parts (`dependencies`).
 */
async function formPatterns(): Promise<Record<string, RegExp>> {
  const text_ = await fs.readFile(
    path.join(TEMPLATES_DIR, 'ml-environment/template.yaml'),
    'utf8',
  );
  const template = parseAllDocuments(text_)[0].toJS();
  const patterns: Record<string, RegExp> = {};
  const collect = (schema: any) => {
    for (const [key, field] of Object.entries<any>(schema.properties ?? {})) {
      if (field.pattern) patterns[key] = new RegExp(field.pattern, 'u');
    }
    for (const dependency of Object.values<any>(schema.dependencies ?? {})) {
      for (const branch of dependency.oneOf ?? [dependency]) collect(branch);
    }
  };
  for (const page of template.spec.parameters) collect(page);
  return patterns;
}

const fetchTemplate = createFetchTemplateAction({
  reader: mockServices.urlReader.mock(),
  integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
});

async function render(values: Record<string, unknown>) {
  const workspace = createMockDirectory();
  const scratch = createMockDirectory();
  for (const part of ['common', 'aws', 'aws-vpc', 'eks']) {
    const ctx = createMockActionContext({
      input: { url: `./skeleton/${part}`, values: values as any },
      workspacePath: workspace.path,
      templateInfo: {
        entityRef: 'template:default/ml-environment',
        baseUrl: `file://${TEMPLATES_DIR}/ml-environment/template.yaml`,
      },
    });
    // fetch:template copies the raw skeleton into a temporary folder; keep it out of the workspace.
    ctx.createTemporaryDirectory = async () =>
      fs.mkdtemp(path.join(scratch.path, 'fetch-'));
    await fetchTemplate.handler(ctx as any);
  }
  return workspace;
}

describe('untrusted input', () => {
  it('is rejected by the form and the server, or renders files that parse and hold exactly the input', async () => {
    const patterns = await formPatterns();
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async input => {
        const formAccepts = Object.entries(input).every(([k, v]) =>
          patterns[k].test(v),
        );
        const server = environmentRequestSchema.safeParse({
          ...input,
          shape: 'eks',
          tier: 'prod',
          region: 'us-east-1',
        });
        // Whatever the server accepts, the form accepts too: no value reaches a file unchecked.
        expect(formAccepts || !server.success).toBe(true);
        if (!server.success) return;

        rendered += 1;
        const sizing = environmentSizing('eks', 'prod');
        const estimate = estimateMonthlyCost(sizing, 'us-east-1');
        const workspace = await render({
          ...input,
          shape: 'eks',
          tier: 'prod',
          region: 'us-east-1',
          awsAccountId: '123456789012',
          stateBucket: 'state-bucket',
          domainName: 'ml.example.com',
          repoUrl: 'github.com?owner=acme&repo=x',
          monthlyEstimate: estimate.monthlyEstimate,
          estimate,
          sizing,
        });
        const report = await checkRenderedTree(workspace.path);
        expect(report.findings.map(formatFinding)).toEqual([]);

        const entity = parseYaml(
          await fs.readFile(
            path.join(workspace.path, 'catalog-info.yaml'),
            'utf8',
          ),
        );
        expect(entity.metadata.name).toBe(input.name);
        expect(entity.metadata.description).toBe(input.description);
        expect(entity.spec).toEqual({
          type: 'ml-environment',
          owner: input.owner,
        });
        expect(Object.keys(entity.metadata.annotations).sort()).toEqual([
          'github.com/project-slug',
          'ml-platform/aws-region',
          'ml-platform/environment',
          'ml-platform/monthly-estimate',
          'ml-platform/shape',
          'ml-platform/tier',
          'ml-platform/vpc-cidr',
        ]);
        const locals: any = await parse(
          'locals.tf',
          await fs.readFile(
            path.join(workspace.path, 'terraform/locals.tf'),
            'utf8',
          ),
        );
        expect(locals.locals[0]).toMatchObject({
          name: input.name,
          vpc_cidr: input.vpcCidr,
          tags: {
            Environment: input.name,
            Project: input.project,
            ManagedBy: 'terraform',
          },
        });
        expect(Object.keys(locals.locals[0].tags).sort()).toEqual([
          'Environment',
          'ManagedBy',
          'Project',
        ]);
      }),
      {
        numRuns: 40,
        examples: [
          [
            {
              name: 'ml-x',
              project: 'p',
              owner: 'user:jane.doe',
              description: 'Fine (really) / ok',
              vpcCidr: '10.40.0.0/16',
            },
          ],
        ],
      },
    );
    // The generator must actually reach the rendering branch, or the property says nothing.
    expect(rendered).toBeGreaterThan(3);
  });

  it.each(HOSTILE.filter(h => h !== 'ok-name'))(
    'rejects %j in every free-text field at the form',
    async hostile => {
      const patterns = await formPatterns();
      for (const key of [
        'name',
        'project',
        'owner',
        'vpcCidr',
        'stateBucket',
        'domainName',
      ]) {
        expect(patterns[key].test(hostile)).toBe(false);
      }
    },
  );
});
