import { parse } from '@cdktf/hcl2json';
import { parseDockerfile } from '@internal/deploy-tests';
import { parse as parseYaml } from 'yaml';
import { renderShape } from '../__testUtils__/renderShape';

jest.setTimeout(120_000);

/** The run scripts and actions of the release job, in order. */
const steps = (workflow: string): string[] =>
  parseYaml(workflow).jobs.release.steps.map(
    (s: { uses?: string; run?: string }) => s.uses ?? s.run,
  );
const indexOf = (all: string[], part: string) =>
  all.findIndex(s => s.includes(part));

describe('release: an image the workflow can build, rolled out per shape', () => {
  it('ships an inference API with a non-root Dockerfile in every shape', async () => {
    const { read } = await renderShape('kind');
    const [stage] = parseDockerfile(read('api/Dockerfile'));
    const user = stage.instructions.filter(i => i.keyword === 'USER').pop();
    expect(user?.args[0]).toMatch(/^[1-9][0-9]{3,}(:[0-9]+)?$/);
    const cmd = stage.instructions.find(i => i.keyword === 'CMD');
    expect(cmd?.json).toEqual(expect.arrayContaining(['uvicorn', 'app:app']));
    const app = read('api/app.py');
    expect(app).toContain('@app.get("/health")');
    expect(app).toContain('@app.post("/predict")');
    expect(read('.github/workflows/ci.yaml')).toContain(
      'pytest ml/tests api/tests',
    );
  });

  it('EKS: pushes the tag to ECR, gets a kubeconfig, then upgrades the chart with that tag', async () => {
    const { read } = await renderShape('eks', { tier: 'prod' });
    const all = steps(read('.github/workflows/release.yaml'));
    const build = all[indexOf(all, 'docker build')];
    expect(build).toContain(
      'docker build -t "$REPOSITORY:$GITHUB_REF_NAME" api',
    );
    expect(build).toContain('docker push "$REPOSITORY:$GITHUB_REF_NAME"');
    const deploy = indexOf(all, 'helm upgrade');
    expect(indexOf(all, 'aws eks update-kubeconfig')).toBe(deploy);
    expect(all[deploy].indexOf('aws eks update-kubeconfig')).toBeLessThan(
      all[deploy].indexOf('helm upgrade'),
    );
    expect(all[deploy]).toContain('--set image.tag="$GITHUB_REF_NAME"');
    expect(indexOf(all, 'aws-actions/amazon-ecr-login')).toBeLessThan(deploy);
  });

  it('ECS: registers a task definition revision with the pushed tag, no Helm and no :latest', async () => {
    const { read } = await renderShape('ecs');
    const release = read('.github/workflows/release.yaml');
    expect(release).not.toContain('helm');
    const workflow = parseYaml(release);
    const deploy = workflow.jobs.release.steps.find((s: any) =>
      s.uses?.startsWith('aws-actions/amazon-ecs-deploy-task-definition'),
    );
    expect(deploy.with).toMatchObject({
      cluster: '${{ env.ENVIRONMENT }}',
      service: 'inference-api',
    });
    const render = workflow.jobs.release.steps.find((s: any) =>
      s.uses?.startsWith('aws-actions/amazon-ecs-render-task-definition'),
    );
    expect(render.with.image).toBe(
      '${{ env.REPOSITORY }}:${{ github.ref_name }}',
    );
    const services = read('terraform/services.tf');
    expect(services).not.toContain(':latest');
    const tf: any = await parse('services.tf', services);
    // The service module leaves the task definition to releases where asked
    // (and desired_count to autoscaling always), in the family the workflow reads.
    const service = tf.module.service[0];
    expect(service.ignore_task_definition_changes).toBe(
      '${each.value.released_by_workflow}',
    );
    const { mlflow, 'inference-api': api } = tf.locals[0].services;
    expect([api.released_by_workflow, mlflow.released_by_workflow]).toEqual([
      true,
      false,
    ]);
    expect(service.family).toBe('${local.name}-${each.key}');
    expect(release).toContain(
      'describe-task-definition --task-definition "$ENVIRONMENT-inference-api"',
    );
    expect(Object.keys(service.container_definitions)).toEqual([
      '${(each.key)}',
    ]);
  });

  it('k3s: no registry push; the image goes to the host through S3 and the chart is applied over SSM', async () => {
    const { read } = await renderShape('k3s');
    const all = steps(read('.github/workflows/release.yaml'));
    expect(all.join('\n')).not.toContain('docker push');
    expect(all.join('\n')).not.toContain('ecr');
    expect(all[indexOf(all, 'docker save')]).toContain('aws s3 cp');
    const apply = all[indexOf(all, 'aws ssm send-command')];
    expect(apply).toContain('k3s ctr images import');
    expect(apply).toContain('kubectl apply');
    expect(
      parseYaml(read('helm/inference-api/values.yaml')).image,
    ).toMatchObject({ repository: 'inference-api', pullPolicy: 'Never' });
    // The host's role may receive SSM commands.
    expect(read('terraform/instance.tf')).toContain(
      'AmazonSSMManagedInstanceCore',
    );
  });

  it('the terraform workflow asks only for what it uses: read the code, an OIDC token', async () => {
    const { read } = await renderShape('k3s');
    const workflow = parseYaml(read('.github/workflows/terraform.yaml'));
    expect(workflow.permissions).toEqual({
      contents: 'read',
      'id-token': 'write',
    });
  });

  it('kind: no release workflow; make deploy builds, pushes to the local registry and installs the chart', async () => {
    const { read, has } = await renderShape('kind');
    expect(has('.github/workflows/release.yaml')).toBe(false);
    const makefile = read('Makefile');
    expect(makefile).toContain(
      'docker push localhost:5001/inference-api:$(TAG)',
    );
    expect(makefile).toContain(
      'helm upgrade --install inference-api helm/inference-api',
    );
  });
});
