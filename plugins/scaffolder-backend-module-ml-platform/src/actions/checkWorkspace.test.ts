import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createCheckWorkspaceAction } from './checkWorkspace';

const good = {
  'terraform/main.tf': 'resource "aws_s3_bucket" "a" {\n  bucket = "x"\n}\n',
  'k8s/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: { app: api }\n  template:\n    metadata:\n      labels: { app: api }\n    spec:\n      containers:\n        - name: api\n          image: api:1\n',
  '.github/workflows/ci.yaml':
    'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.NOT_A_VALUE }}\n',
  'catalog-info.yaml':
    'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: x\n',
};

async function check(files: Record<string, string>) {
  const dir = createMockDirectory({ content: files });
  const ctx = createMockActionContext({ input: {}, workspacePath: dir.path });
  await createCheckWorkspaceAction().handler(ctx);
  return ctx;
}

describe('ml-platform:workspace:check', () => {
  it('passes a valid workspace and counts what it checked', async () => {
    const ctx = await check(good);
    expect(ctx.output).toHaveBeenCalledWith('filesChecked', 4);
    expect(ctx.output).toHaveBeenCalledWith('terraformFiles', 1);
    expect(ctx.output).toHaveBeenCalledWith('kubernetesObjects', 1);
    expect(ctx.output).toHaveBeenCalledWith('workflows', 1);
  });

  it('names file and line of HCL that does not parse', async () => {
    await expect(
      check({
        ...good,
        'terraform/bad.tf': 'locals {\n  a = 1\n  b = "open\n}\n',
      }),
    ).rejects.toThrow(/terraform\/bad\.tf:3 \[hcl\] Invalid multi-line string/);
  });

  it('names file and line of a manifest that does not match the Kubernetes schema', async () => {
    const broken = good['k8s/deploy.yaml'].replace(
      'image: api:1',
      'image: api:1\n          ports:\n            - containerPort: "http"',
    );
    await expect(check({ ...good, 'k8s/deploy.yaml': broken })).rejects.toThrow(
      /k8s\/deploy\.yaml:16 \[kubernetes\] Deployment: .*containerPort must be integer/,
    );
  });

  it('validates the manifests a script applies through a heredoc, on the script lines', async () => {
    const script = [
      '#!/bin/bash',
      'set -e',
      'cat <<MANIFEST | kubectl apply -f -',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: mlflow }',
      'spec:',
      '  ports: [{ port: "five thousand" }]',
      'MANIFEST',
      '',
    ].join('\n');
    await expect(
      check({ ...good, 'terraform/user-data.sh.tftpl': script }),
    ).rejects.toThrow(
      /terraform\/user-data\.sh\.tftpl:8 \[kubernetes\] Service: .*port must be integer/,
    );
    const ctx = await check({
      ...good,
      'scripts/up.sh': script.replace('"five thousand"', '5000'),
    });
    expect(ctx.output).toHaveBeenCalledWith('kubernetesObjects', 2);
  });

  it('reports unknown Kubernetes kinds instead of skipping them', async () => {
    await expect(
      check({
        ...good,
        'k8s/x.yaml':
          'apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: x\n',
      }),
    ).rejects.toThrow(
      'k8s/x.yaml:1 [kubernetes] no Kubernetes schema for apps/v1 Deploymnet',
    );
  });

  it('names file and line of a workflow that does not match the Actions schema', async () => {
    const broken =
      'name: ci\non: push\njobs:\n  test:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: echo\n';
    await expect(
      check({ ...good, '.github/workflows/ci.yaml': broken }),
    ).rejects.toThrow(
      /\.github\/workflows\/ci\.yaml:5 \[workflow\] \/jobs\/test: .*runs-onn/,
    );
  });

  it('finds unrendered template markers', async () => {
    await expect(
      check({ ...good, 'README.md': '# ${{ values.name }}\n' }),
    ).rejects.toThrow('README.md:1 [template-marker]');
    await expect(
      check({
        ...good,
        'README.md': 'x\n${{ steps.estimate.output.summary }}\n',
      }),
    ).rejects.toThrow('README.md:2 [template-marker]');
  });

  it("accepts GitHub's own steps context in a workflow", async () => {
    const workflow =
      'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - id: build\n        run: echo image=x >> "$GITHUB_OUTPUT"\n      - run: echo ${{ steps.build.outputs.image }}\n';
    await expect(
      check({ ...good, '.github/workflows/ci.yaml': workflow }),
    ).resolves.toBeDefined();
  });

  it('finds secret values without echoing them', async () => {
    const error = await check({
      ...good,
      'terraform/x.tf':
        'locals {\n  password = "hunter2hunter2"\n  key = "AKIAABCDEFGHIJKLMNOP"\n}\n',
    }).catch(e => e);
    expect(error.message).toContain(
      'terraform/x.tf:2 [secret] looks like a literal credential',
    );
    expect(error.message).toContain(
      'terraform/x.tf:3 [secret] looks like an AWS access key id',
    );
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('AKIAABCD');
  });

  it('refuses a path outside the workspace', async () => {
    const dir = createMockDirectory({ content: good });
    const ctx = createMockActionContext({
      input: { path: '../..' },
      workspacePath: dir.path,
    });
    await expect(createCheckWorkspaceAction().handler(ctx)).rejects.toThrow(
      /outside/,
    );
  });
});
