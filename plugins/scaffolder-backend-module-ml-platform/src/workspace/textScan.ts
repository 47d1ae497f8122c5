import { WorkspaceFinding } from './types';

/**
 * Nunjucks syntax the scaffolder should have rendered away. A scaffolder step
 * output reads `steps.<id>.output`; GitHub's `steps.<id>.outputs` is legit.
 */
const TEMPLATE_MARKERS: RegExp[] = [
  /\$\{\{\s*(values|parameters|user|secrets\.backstageToken)\b/,
  /\$\{\{\s*steps(\.[\w-]+|\[[^\]]+\])\.output\b/,
  /\{%-?\s/,
  /\s-?%\}/,
];

/**
 * Credential shapes that must never be committed. Terraform references
 * (`var.`, `random_password.`), `${{ secrets.X }}` and Kubernetes secret refs
 * are how the templates pass secrets, so they do not match.
 */
const SECRET_PATTERNS: { pattern: RegExp; what: string }[] = [
  { pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, what: 'an AWS access key id' },
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'a private key' },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, what: 'a GitHub token' },
  { pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
  {
    pattern:
      /\b(password|passwd|secret|token|api[_-]?key|secret[_-]?access[_-]?key)\b["']?\s*[:=]\s*["'][^"'$\s{}<>]{6,}["']/i,
    what: 'a literal credential',
  },
];

/** Scans a rendered text file line by line for leftovers and secrets. */
export function scanText(file: string, content: string): WorkspaceFinding[] {
  const findings: WorkspaceFinding[] = [];
  content.split('\n').forEach((text, index) => {
    const line = index + 1;
    for (const marker of TEMPLATE_MARKERS) {
      if (marker.test(text)) {
        findings.push({
          file,
          line,
          check: 'template-marker',
          message: `unrendered template marker: ${text.trim().slice(0, 80)}`,
        });
        break;
      }
    }
    for (const { pattern, what } of SECRET_PATTERNS) {
      if (pattern.test(text)) {
        // The value itself is never echoed back.
        findings.push({
          file,
          line,
          check: 'secret',
          message: `looks like ${what}`,
        });
        break;
      }
    }
  });
  return findings;
}
