export {
  REDACTED,
  collectSecrets,
  createSecretRedactor,
  redactingLogger,
  redactResponses,
} from './createSecretRedactor';
export type { SecretRedactor } from './createSecretRedactor';
