import { parse } from '@cdktf/hcl2json';
import { renderShape } from '../__testUtils__/renderShape';

jest.setTimeout(120_000);

describe('the estimate prices what the Terraform creates', () => {
  it.each(['small', 'large'])(
    'ECS %s: every Fargate task of every service, at its task size',
    async size => {
      const { read, output } = await renderShape('ecs', { size });
      const tf: any = await parse('services.tf', read('terraform/services.tf'));
      // One service module call for both services, so one task size.
      const taskDefinition = tf.module.service[0];
      const services = tf.locals[0].services;
      const tasks = Object.values<any>(services).reduce(
        (sum, s) => sum + s.count,
        0,
      );
      expect(Object.keys(services).sort()).toEqual(['inference-api', 'mlflow']);
      const estimate = output.text[0].content as string;
      const quantity = (what: string) =>
        [...estimate.matchAll(new RegExp(`- Fargate ${what}[^:]*: .*`, 'g'))]
          .map(m => Number(/ x ([0-9.]+):/.exec(m[0])![1]))
          .reduce((a, b) => a + b, 0);
      expect(quantity('vCPU')).toBe((tasks * taskDefinition.cpu) / 1024);
      expect(quantity('memory GiB')).toBe(
        (tasks * taskDefinition.memory) / 1024,
      );
      expect(estimate).toContain('Fargate vCPU, mlflow (1 task)');
    },
  );
});
