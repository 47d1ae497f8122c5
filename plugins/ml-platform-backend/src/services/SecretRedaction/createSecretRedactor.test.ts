import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { EnvironmentConfig } from '../../config/types';
import {
  REDACTED,
  collectSecrets,
  createSecretRedactor,
  redactResponses,
  redactingLogger,
} from './createSecretRedactor';

const env = (more: Partial<EnvironmentConfig>): EnvironmentConfig => ({
  name: 'ml-prod',
  title: 'ml-prod',
  tier: 'prod',
  owner: 'group:default/ml-platform',
  ...more,
});

const environments = [
  env({
    kubernetes: {
      url: 'https://k8s',
      authProvider: 'serviceAccount',
      serviceAccountToken: 'k8s-token-0123456789',
      skipTLSVerify: false,
      namespaces: [],
    },
    mlflow: {
      url: 'https://mlflow',
      username: 'reader',
      password: 'pw-0123456789',
    },
  }),
  env({ name: 'ml-dev', mlflow: { url: 'https://mlflow', token: 'short' } }),
];

describe('secret redaction', () => {
  const secrets = collectSecrets(environments, {
    AWS_SECRET_ACCESS_KEY: 'aws-secret-0123456789',
  });
  const redact = createSecretRedactor(secrets);

  it('knows the configured credentials raw, base64 and as a Basic pair, not short values', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    expect(secrets).toEqual(
      expect.arrayContaining([
        'k8s-token-0123456789',
        b64('k8s-token-0123456789'),
        'pw-0123456789',
        b64('reader:pw-0123456789'),
        'aws-secret-0123456789',
      ]),
    );
    expect(secrets).not.toContain('short');
    expect(redact(`Authorization: Basic ${b64('reader:pw-0123456789')}`)).toBe(
      `Authorization: Basic ${REDACTED}`,
    );
    expect(redact('a k8s-token-0123456789 b k8s-token-0123456789')).toBe(
      `a ${REDACTED} b ${REDACTED}`,
    );
    expect(redact('nothing to hide')).toBe('nothing to hide');
  });

  it('redacts log messages and their metadata, errors included', () => {
    const logger = mockServices.logger.mock();
    const child = mockServices.logger.mock();
    logger.child.mockReturnValue(child);
    const log = redactingLogger(logger, redact);
    log.warn(
      'token k8s-token-0123456789 refused',
      new Error('echo pw-0123456789'),
    );
    log.info('detail', { body: 'aws-secret-0123456789' });
    log.child({ plugin: 'x' }).error('aws-secret-0123456789');
    expect(logger.warn).toHaveBeenCalledWith(
      `token ${REDACTED} refused`,
      expect.objectContaining({ message: `echo ${REDACTED}` }),
    );
    expect(logger.info).toHaveBeenCalledWith('detail', { body: REDACTED });
    expect(child.error).toHaveBeenCalledWith(REDACTED, undefined);
  });

  it('redacts every body sent through the router, JSON and text', async () => {
    const app = express();
    app.use(redactResponses(redact));
    app.get('/json', (_req, res) => {
      res.json({ message: 'echo k8s-token-0123456789' });
    });
    app.get('/text', (_req, res) => {
      res.type('application/json').send('"pw-0123456789"');
    });
    app.get('/bytes', (_req, res) => {
      res
        .type('application/json')
        .send(Buffer.from('{"message":"echo aws-secret-0123456789"}'));
    });
    const json = await request(app).get('/json');
    expect(json.body).toEqual({ message: `echo ${REDACTED}` });
    expect((await request(app).get('/text')).text).toBe(`"${REDACTED}"`);
    expect((await request(app).get('/bytes')).body).toEqual({
      message: `echo ${REDACTED}`,
    });
  });

  it('scans a byte body sent again (a cached view) only once', async () => {
    const app = express();
    app.use(redactResponses(redact));
    const body = Buffer.from('{"nodes":{"total":3}}');
    app.get('/view', (_req, res) => {
      res.type('application/json').send(body);
    });
    const includes = jest.spyOn(Buffer.prototype, 'includes');
    try {
      for (let i = 0; i < 3; i++) {
        expect((await request(app).get('/view')).body).toEqual({
          nodes: { total: 3 },
        });
      }
      expect(includes.mock.contexts.filter(b => b === body)).toHaveLength(
        secrets.length,
      );
    } finally {
      includes.mockRestore();
    }
  });

  it('finds a secret with quotes or backslashes inside a JSON body too', async () => {
    const odd = collectSecrets(
      [env({ mlflow: { url: 'https://mlflow', token: 'tok"en\\0123456789' } })],
      {},
    );
    const app = express();
    app.use(redactResponses(createSecretRedactor(odd)));
    app.get('/json', (_req, res) => {
      res.json({ message: 'echo tok"en\\0123456789 back' });
    });
    const { text } = await request(app).get('/json');
    expect(text).not.toContain('0123456789');
    expect(JSON.parse(text)).toEqual({ message: `echo ${REDACTED} back` });
  });
});
