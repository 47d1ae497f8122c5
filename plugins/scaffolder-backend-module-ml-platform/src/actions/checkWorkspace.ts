import { InputError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { checkRenderedTree } from '../workspace/checkRenderedTree';
import { formatFinding } from '../workspace/types';
import { examples } from './checkWorkspace.examples';

/**
 * `ml-platform:workspace:check` fails the run when the rendered repository is
 * not valid: HCL that does not parse, manifests or workflows that do not
 * match their schemas, unrendered template markers, or secret values. Every
 * failure names its file and line.
 */
export function createCheckWorkspaceAction() {
  return createTemplateAction({
    id: 'ml-platform:workspace:check',
    description:
      'Checks the rendered workspace: Terraform parses as HCL, Kubernetes manifests and GitHub workflows match their schemas, no template markers or secrets',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string({
              description:
                'Folder inside the workspace to check (default: the whole workspace)',
            })
            .optional(),
      },
      output: {
        filesChecked: z => z.number(),
        terraformFiles: z => z.number(),
        kubernetesObjects: z => z.number(),
        workflows: z => z.number(),
      },
    },
    async handler(ctx) {
      const root = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.path ?? '.',
      );
      const report = await checkRenderedTree(root);
      if (report.findings.length > 0) {
        throw new InputError(
          `The rendered files have ${
            report.findings.length
          } problem(s):\n${report.findings.map(formatFinding).join('\n')}`,
        );
      }
      ctx.logger.info(
        `Checked ${report.filesChecked} files: ${report.counts.terraform} Terraform, ${report.counts.kubernetes} Kubernetes objects, ${report.counts.workflows} workflows`,
      );
      ctx.output('filesChecked', report.filesChecked);
      ctx.output('terraformFiles', report.counts.terraform);
      ctx.output('kubernetesObjects', report.counts.kubernetes);
      ctx.output('workflows', report.counts.workflows);
    },
  });
}
