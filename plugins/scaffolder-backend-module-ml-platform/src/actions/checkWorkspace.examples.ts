import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Check the whole rendered repository before publishing it',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'fetch:template',
          input: {
            url: './skeleton/common',
            values: { name: '${{ parameters.name }}' },
          },
        },
        { id: 'check', action: 'ml-platform:workspace:check' },
      ],
    }),
  },
  {
    description: 'Check only the Terraform folder',
    example: yaml.stringify({
      steps: [
        {
          id: 'check',
          action: 'ml-platform:workspace:check',
          input: { path: 'terraform' },
        },
      ],
    }),
  },
];
