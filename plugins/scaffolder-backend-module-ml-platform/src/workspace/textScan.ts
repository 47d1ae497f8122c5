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
 * Credential shapes that must never be committed, whatever the key is called.
 */
const SECRET_PATTERNS: { pattern: RegExp; what: string }[] = [
  { pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, what: 'an AWS access key id' },
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, what: 'a private key' },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, what: 'a GitHub token' },
  { pattern: /\bxox[baprs]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
];

/** `key: value`, `key = value` or `"key": value` (YAML, HCL, JSON, env files). */
const ASSIGNMENT =
  /(?:^|[\s{,(;])["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*("[^"]*"|'[^']*'|[^\s,;}\]#]+)/g;

/** Keys that name a credential: they end in password, secret, token or API key. */
const CREDENTIAL_KEY =
  /(password|passwd|secret|token|api[_-]?key|secret[_-]?access[_-]?key)$/i;

/**
 * Keys that end like a credential but hold a name or a permission: chart
 * values naming an existing Kubernetes secret or the key inside it, and the
 * workflows' `id-token: write`.
 */
const NOT_A_CREDENTIAL = /^(existing|keyOf)|^id-token$/i;

/**
 * Values that pass a secret instead of holding one: `${{ secrets.X }}`, `${...}`
 * and `$(...)`, Terraform references (`var.x`, `random_password.x.result`),
 * function calls, maps, lists, placeholders, booleans and numbers.
 */
function isReference(value: string): boolean {
  return (
    value.length < 6 ||
    /^[${[<(]/.test(value) ||
    /^(var|local|module|data|each|self|path|random_[a-z_]+|aws_[a-z0-9_]+)\./.test(
      value,
    ) ||
    value.includes('(') ||
    /^(true|false|null|~|-?[0-9.]+)$/i.test(value)
  );
}

/** A key that names a credential given a literal value, e.g. `db_password = "hunter2..."`. */
function hasLiteralCredential(text: string): boolean {
  for (const [, key, raw] of text.matchAll(ASSIGNMENT)) {
    if (!CREDENTIAL_KEY.test(key) || NOT_A_CREDENTIAL.test(key)) continue;
    const value = raw.replace(/^(["'])(.*)\1$/, '$2');
    if (!isReference(value)) return true;
  }
  return false;
}

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
    const what =
      SECRET_PATTERNS.find(({ pattern }) => pattern.test(text))?.what ??
      (hasLiteralCredential(text) ? 'a literal credential' : undefined);
    // The value itself is never echoed back.
    if (what)
      findings.push({
        file,
        line,
        check: 'secret',
        message: `looks like ${what}`,
      });
  });
  return findings;
}
