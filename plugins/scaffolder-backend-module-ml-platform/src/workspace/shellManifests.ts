import { checkKubernetesFile } from './kubernetes';
import { WorkspaceFinding } from './types';

/** `cat <<EOF | kubectl apply -f -` … `EOF`: a manifest a script applies. */
const APPLIED_HEREDOC =
  /<<-?\s*['"]?(\w+)['"]?\s*\|\s*kubectl\s+apply\b[^\n]*\n([\s\S]*?)\n\1\n/g;

/**
 * Validates the Kubernetes manifests a shell script (or its Terraform
 * template, e.g. user-data.sh.tftpl) applies through a heredoc, with the
 * findings on the script's own lines.
 */
export function checkShellManifests(
  file: string,
  content: string,
): { findings: WorkspaceFinding[]; objects: number } {
  const findings: WorkspaceFinding[] = [];
  let objects = 0;
  for (const match of content.matchAll(APPLIED_HEREDOC)) {
    const bodyStart = match.index! + match[0].indexOf('\n') + 1;
    const offset = content.slice(0, bodyStart).split('\n').length - 1;
    const result = checkKubernetesFile(file, match[2]);
    objects += result.objects;
    findings.push(
      ...result.findings.map(f => ({ ...f, line: f.line + offset })),
    );
  }
  return { findings, objects };
}
