import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Estimate an EKS environment of the chosen tier and show it on the result page',
    example: yaml.stringify({
      steps: [
        {
          id: 'estimate',
          action: 'ml-platform:cost:estimate',
          input: {
            shape: 'eks',
            tier: '${{ parameters.tier }}',
            region: '${{ parameters.region }}',
            gpu: { min: 0, desired: 1, max: 5 },
          },
        },
      ],
      output: {
        text: [
          {
            title: 'Estimated cost',
            content: '${{ steps.estimate.output.summary }}',
          },
        ],
      },
    }),
  },
  {
    description:
      'Estimate the single-node k3s shape, medium size (m5.xlarge host)',
    example: yaml.stringify({
      steps: [
        {
          id: 'estimate',
          action: 'ml-platform:cost:estimate',
          input: { shape: 'k3s', size: 'medium', region: 'us-east-1' },
        },
      ],
    }),
  },
];
