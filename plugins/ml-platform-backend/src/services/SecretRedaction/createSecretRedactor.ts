import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import { EnvironmentConfig } from '../../config/types';

export const REDACTED = '[REDACTED]';

/** Replaces every known secret in a text; `secrets` are what it looks for. */
export interface SecretRedactor {
  (text: string): string;
  readonly secrets: readonly string[];
}

/**
 * The configured credentials (Kubernetes tokens, MLflow tokens and
 * passwords, the AWS keys the SDK reads from the environment), raw and in
 * the encodings they travel in (base64, Basic auth). Upstream error bodies
 * may echo request headers; whatever reaches a response or a log line goes
 * through this first.
 */
export function collectSecrets(
  environments: EnvironmentConfig[],
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const secrets = new Set<string>();
  const add = (value: string | undefined) => {
    // Short values would redact ordinary words; real credentials are long.
    if (value && value.length >= 8) {
      secrets.add(value);
      secrets.add(Buffer.from(value, 'utf8').toString('base64'));
      // As it appears inside a JSON string (quotes, backslashes escaped).
      secrets.add(JSON.stringify(value).slice(1, -1));
    }
  };
  for (const e of environments) {
    add(e.kubernetes?.serviceAccountToken);
    add(e.mlflow?.token);
    add(e.mlflow?.password);
    if (e.mlflow?.username !== undefined && e.mlflow.password) {
      add(`${e.mlflow.username}:${e.mlflow.password}`);
    }
  }
  add(env.AWS_SECRET_ACCESS_KEY);
  add(env.AWS_SESSION_TOKEN);
  // longest first, so a secret inside another is not half-replaced
  return [...secrets].sort((a, b) => b.length - a.length);
}

export function createSecretRedactor(secrets: string[]): SecretRedactor {
  const redact = (text: string) => {
    let out = text;
    for (const secret of secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  };
  return Object.assign(redact, { secrets: [...secrets] });
}

/** A logger that redacts its messages and metadata (errors included). */
export function redactingLogger(
  logger: LoggerService,
  redact: SecretRedactor,
): LoggerService {
  const clean = (meta: Error | object | undefined) => {
    if (meta === undefined) return undefined;
    const text = JSON.stringify(meta, (_key, v) =>
      v instanceof Error
        ? { name: v.name, message: v.message, stack: v.stack }
        : v,
    );
    const redacted = redact(text ?? '');
    if (redacted === text) return meta;
    return JSON.parse(redacted) as object;
  };
  const wrap =
    (log: (message: string, meta?: Error | object) => void) =>
    (message: string, meta?: Error | object) =>
      log(redact(String(message)), clean(meta));
  return {
    error: wrap(logger.error.bind(logger)),
    warn: wrap(logger.warn.bind(logger)),
    info: wrap(logger.info.bind(logger)),
    debug: wrap(logger.debug.bind(logger)),
    child: fields => redactingLogger(logger.child(fields), redact),
  };
}

/**
 * Express middleware: every body the routes send is redacted, strings and
 * the pre-serialised bytes of the cluster views alike. Bytes are searched
 * without decoding them, so a clean body (the usual case) costs one scan.
 */
export function redactResponses(redact: SecretRedactor): express.Handler {
  const needles = redact.secrets.map(secret => Buffer.from(secret, 'utf8'));
  const holdsSecret = (body: Buffer) =>
    needles.some(needle => body.includes(needle));
  // The cluster views send the same Buffer for as long as a snapshot is
  // fresh: scan each one once, not once per request.
  const clean = new WeakSet<Buffer>();
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string') return send(redact(body));
      if (Buffer.isBuffer(body) && !clean.has(body)) {
        if (holdsSecret(body)) {
          return send(Buffer.from(redact(body.toString('utf8')), 'utf8'));
        }
        clean.add(body);
      }
      return send(body);
    };
    next();
  };
}
