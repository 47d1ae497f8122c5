import { parse } from '@cdktf/hcl2json';
import { checkModuleInputs } from './terraformModules';
import { WorkspaceFinding } from './types';

/**
 * Parses a Terraform file as HCL; a syntax error becomes a finding with its
 * line. A file that parses has its registry module blocks checked against
 * the recorded module inputs.
 */
export async function checkTerraformFile(
  file: string,
  content: string,
): Promise<WorkspaceFinding[]> {
  let parsed: Record<string, any>;
  try {
    parsed = await parse(file, content);
  } catch (error) {
    const message = String(error).replace(/^Error: /, '');
    // hcl2json reports positions as `<file>:<line>,<col>-<col>: <summary>`.
    const located =
      /:(\d+),\d+(?:-[\d,]+)?: ([^;\]]+(?:;[^\]]*?)?)(?=\s\S+:\d+,|\]|$)/.exec(
        message,
      );
    return [
      {
        file,
        line: located ? Number(located[1]) : 1,
        check: 'hcl',
        message: located ? located[2].trim() : message,
      },
    ];
  }
  return checkModuleInputs(file, content, parsed);
}
