import { parse } from '@cdktf/hcl2json';
import { renderShape } from '../__testUtils__/renderShape';

jest.setTimeout(120_000);

const MODULE = 'terraform/modules/artifact-bucket';

describe('the AWS shapes share one artifact bucket module', () => {
  it.each(['eks', 'k3s', 'ecs'] as const)(
    '%s: the bucket and its access policy come from modules/artifact-bucket',
    async shape => {
      const { files, read } = await renderShape(shape);
      const tfFiles = files.filter(f => f.path.endsWith('.tf'));
      // One S3 module call and one read/write policy in the whole tree: the module's.
      const withText = (text: string) =>
        tfFiles.filter(f => read(f.path).includes(text)).map(f => f.path);
      expect(withText('terraform-aws-modules/s3-bucket/aws')).toEqual([
        `${MODULE}/main.tf`,
      ]);
      expect(withText('s3:PutObject')).toEqual([`${MODULE}/main.tf`]);

      const root: any = await parse(
        'artifacts.tf',
        read('terraform/artifacts.tf'),
      );
      const call = root.module.artifacts[0];
      const variables: any = await parse(
        'variables.tf',
        read(`${MODULE}/variables.tf`),
      );
      const { source, ...inputs } = call;
      expect(source).toBe('./modules/artifact-bucket');
      expect(Object.keys(inputs).sort()).toEqual(
        Object.keys(variables.variable).sort(),
      );

      const bucket: any = await parse('main.tf', read(`${MODULE}/main.tf`));
      expect(bucket.module.bucket[0]).toMatchObject({
        object_ownership: 'BucketOwnerEnforced',
        server_side_encryption_configuration: {
          rule: {
            apply_server_side_encryption_by_default: {
              sse_algorithm: 'aws:kms',
            },
          },
        },
      });
      // Each shape hands the module's policy to its workload role.
      const everything = tfFiles.map(f => read(f.path)).join('\n');
      expect(everything).toContain('module.artifacts.access_policy_arn');
    },
  );
});
