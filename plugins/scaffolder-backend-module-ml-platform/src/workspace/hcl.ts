import { parse } from '@cdktf/hcl2json';
import { WorkspaceFinding } from './types';

/** Parses a Terraform file as HCL; a syntax error becomes a finding with its line. */
export async function checkTerraformFile(
  file: string,
  content: string,
): Promise<WorkspaceFinding[]> {
  try {
    await parse(file, content);
    return [];
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
}
