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
import {
  EXAMPLES,
  HOSTILE,
  ShapeRequest,
  requestArbitrary,
} from '../__testUtils__/untrustedRequests';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import {
  EnvironmentShape,
  environmentRequestSchema,
} from '../environment/request';
import { environmentSizing } from '../environment/sizing';
import { estimateMonthlyCost } from '../pricing/estimate';
import { checkRenderedTree } from '../workspace/checkRenderedTree';
import { formatFinding } from '../workspace/types';
import { TEMPLATES_DIR } from '../__testUtils__/templateFiles';

jest.setTimeout(300_000);

/** The fields the form asks a user of `shape` for, with their JSON-schema patterns. */
async function formPatterns(shape: string): Promise<Record<string, RegExp>> {
  const file = path.join(TEMPLATES_DIR, 'ml-environment/template.yaml');
  const template = parseAllDocuments(await fs.readFile(file, 'utf8'))[0].toJS();
  const patterns: Record<string, RegExp> = {};
  const collect = (schema: any) => {
    for (const [key, field] of Object.entries<any>(schema.properties ?? {}))
      if (field.pattern) patterns[key] = new RegExp(field.pattern, 'u');
    for (const dependency of Object.values<any>(schema.dependencies ?? {}))
      for (const branch of dependency.oneOf ?? [])
        if (branch.properties.shape.enum.includes(shape)) collect(branch);
  };
  for (const page of template.spec.parameters) collect(page);
  return patterns;
}

const PARTS: Record<EnvironmentShape, string[]> = {
  eks: ['common', 'aws', 'aws-vpc', 'eks'],
  kind: ['common', 'kind'],
  k3s: ['common', 'aws', 'k3s'],
  ecs: ['common', 'aws', 'aws-vpc', 'ecs'],
};

const fetchTemplate = createFetchTemplateAction({
  reader: mockServices.urlReader.mock(),
  integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
});

/** fetch:template for the shape's skeleton parts, as the template's steps run it. */
async function render(input: ShapeRequest) {
  const sizing = environmentSizing(
    input.shape,
    input.tier as any,
    undefined,
    input.size as any,
  );
  const estimate = estimateMonthlyCost(sizing, input.region ?? 'us-east-1');
  const values = {
    ...input,
    tier: sizing.tier,
    repoUrl: 'github.com?owner=acme&repo=x',
    monthlyEstimate: estimate.monthlyEstimate,
    estimate,
    sizing,
  };
  const workspace = createMockDirectory();
  const scratch = createMockDirectory();
  for (const part of PARTS[input.shape]) {
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
  const read = (p: string) => fs.readFile(path.join(workspace.path, p), 'utf8');
  return { workspace, read, sizing };
}

describe('untrusted input', () => {
  it('of every shape is rejected by the form and the server, or renders files that parse and hold exactly the input', async () => {
    const rendered: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async input => {
        const patterns = await formPatterns(input.shape);
        const formAccepts = Object.entries(input).every(
          ([k, v]) => !patterns[k] || patterns[k].test(v),
        );
        const server = environmentRequestSchema.safeParse(input);
        // Whatever the server accepts, the form accepts too: no value reaches a file unchecked.
        expect(formAccepts || !server.success).toBe(true);
        if (!server.success) return;

        rendered[input.shape] = (rendered[input.shape] ?? 0) + 1;
        const { workspace, read, sizing } = await render(input);
        const report = await checkRenderedTree(workspace.path);
        expect(report.findings.map(formatFinding)).toEqual([]);

        const entity = parseYaml(await read('catalog-info.yaml'));
        expect(entity.metadata.name).toBe(input.name);
        expect(entity.metadata.description).toBe(input.description);
        expect(entity.spec).toEqual({
          type: 'ml-environment',
          owner: input.owner,
        });
        const cloud = input.shape !== 'kind';
        expect(Object.keys(entity.metadata.annotations).sort()).toEqual([
          'github.com/project-slug',
          ...(cloud ? ['ml-platform/aws-region'] : []),
          'ml-platform/environment',
          'ml-platform/monthly-estimate',
          'ml-platform/shape',
          'ml-platform/tier',
          ...(cloud ? ['ml-platform/vpc-cidr'] : []),
        ]);
        if (!cloud) return;

        const locals: any = await parse(
          'locals.tf',
          await read('terraform/locals.tf'),
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
        const backend: any = await parse(
          'backend.tf',
          await read('terraform/backend.tf'),
        );
        expect(backend.terraform[0].backend.s3[0].bucket).toBe(
          input.stateBucket,
        );
        // Files a shape does not render read as empty.
        const tf = async (file: string): Promise<any> =>
          parse(file, await read(`terraform/${file}`).catch(() => ''));
        const cert = (await tf('certificate.tf')).module?.acm?.[0];
        expect(
          cert && { domain: cert.domain_name, zone: cert.zone_id },
        ).toEqual(
          sizing.loadBalancer
            ? { domain: input.domainName, zone: input.hostedZoneId }
            : undefined,
        );
        const k3s = (await tf('network.tf')).resource?.aws_security_group?.k3s;
        expect(k3s?.[0].dynamic.ingress[0].content[0].cidr_blocks).toEqual(
          input.shape === 'k3s' ? [input.adminCidr] : undefined,
        );
      }),
      { numRuns: 40, examples: EXAMPLES.map(e => [e]) },
    );
    // Every shape must reach the rendering branch, or the property says nothing about it.
    expect(Object.keys(rendered).sort()).toEqual(['ecs', 'eks', 'k3s', 'kind']);
  });

  it.each(HOSTILE.filter(h => h !== 'ok-name'))(
    'rejects %j in every free-text field at the form',
    async hostile => {
      // The description may hold `.` and `/`: it is only ever a quoted string.
      const fields = ['name', 'project', 'owner', 'vpcCidr', 'stateBucket'];
      const byShape = {
        eks: [...fields, 'domainName', 'hostedZoneId'],
        k3s: [...fields, 'adminCidr'],
      };
      for (const [shape, keys] of Object.entries(byShape)) {
        const patterns = await formPatterns(shape);
        for (const key of keys)
          expect([key, patterns[key].test(hostile)]).toEqual([key, false]);
      }
    },
  );
});
