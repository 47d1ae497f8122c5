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
            awsAccountId: '${{ parameters.awsAccountId }}',
            stateBucket: '${{ parameters.stateBucket }}',
            domainName: '${{ parameters.domainName }}',
            hostedZoneId: '${{ parameters.hostedZoneId }}',
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
          },
        },
      ],
    }),
  },
  {
    description:
      'Validate a k3s request of a given size (small, medium or large)',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'ml-platform:environment:validate',
          input: {
            name: 'fraud-k3s',
            project: 'fraud',
            owner: 'group:default/ml-platform',
            shape: 'k3s',
            size: 'medium',
            region: 'eu-west-1',
            vpcCidr: '10.60.0.0/24',
            adminCidr: '203.0.113.0/24',
            awsAccountId: '123456789012',
            stateBucket: 'acme-terraform-state',
          },
        },
      ],
    }),
  },
];
