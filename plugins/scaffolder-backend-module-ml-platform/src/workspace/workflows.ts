import { validateWorkflow } from '@action-validator/core';
import { LineCounter, parseDocument } from 'yaml';
import { WorkspaceFinding } from './types';
import { lineOfPath } from './yamlLines';

interface ValidationError {
  code: string;
  path: string;
  title: string;
  detail?: string;
  states?: { errors: ValidationError[] }[];
}

const describe = (e: ValidationError): string => {
  if (e.detail) return e.detail;
  const nested = e.states?.flatMap(s => s.errors).map(describe) ?? [];
  return nested.length
    ? `${e.title}: ${[...new Set(nested)].join('; ')}`
    : e.title;
};

/** The validator warns on every `paths:` glob it cannot check; that is noise, not a finding. */
function withoutGlobWarnings<T>(fn: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('Glob validation is not yet supported'))
      warn(...args);
  };
  try {
    return fn();
  } finally {
    console.warn = warn;
  }
}

/** Validates a GitHub Actions workflow against the Actions JSON schema. */
export function checkWorkflowFile(
  file: string,
  content: string,
): WorkspaceFinding[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { lineCounter });
  if (doc.errors.length > 0) {
    return doc.errors.map(e => ({
      file,
      line: e.linePos?.[0].line ?? 1,
      check: 'yaml' as const,
      message: e.message.split('\n')[0],
    }));
  }
  const result = withoutGlobWarnings(() => validateWorkflow(content)) as {
    errors: ValidationError[];
  };
  return result.errors.map(e => ({
    file,
    line: lineOfPath(doc, lineCounter, e.path),
    check: 'workflow' as const,
    message: `${e.path || '/'}: ${describe(e)}`,
  }));
}
