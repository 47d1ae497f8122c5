import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Validate an EKS production request before rendering it',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'ml-platform:environment:validate',
          name: 'Validate request',
          input: {
            name: '${{ parameters.name }}',
            project: '${{ parameters.project }}',
            owner: '${{ parameters.owner }}',
            shape: 'eks',
            tier: '${{ parameters.tier }}',
            region: '${{ parameters.region }}',
            vpcCidr: '${{ parameters.vpcCidr }}',
            gpu: {
              min: '${{ parameters.gpuMin }}',
              desired: '${{ parameters.gpuDesired }}',
              max: '${{ parameters.gpuMax }}',
            },
          },
        },
      ],
    }),
  },
  {
    description: 'Validate a local kind environment (no VPC, so no CIDR)',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'ml-platform:environment:validate',
          input: {
            name: 'ml-laptop',
            project: 'fraud',
            owner: 'group:default/ml-platform',
            shape: 'kind',
            region: 'us-east-1',
          },
        },
      ],
    }),
  },
];
