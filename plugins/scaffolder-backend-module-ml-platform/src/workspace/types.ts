/** One problem in a rendered file, named so a reviewer can jump to it. */
export interface WorkspaceFinding {
  file: string;
  line: number;
  check:
    | 'hcl'
    | 'kubernetes'
    | 'workflow'
    | 'yaml'
    | 'template-marker'
    | 'secret'
    | 'terraform-module';
  message: string;
}

export interface WorkspaceReport {
  filesChecked: number;
  counts: { terraform: number; kubernetes: number; workflows: number };
  findings: WorkspaceFinding[];
}

export const formatFinding = (f: WorkspaceFinding) =>
  `${f.file}:${f.line} [${f.check}] ${f.message}`;
