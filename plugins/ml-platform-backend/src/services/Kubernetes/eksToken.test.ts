import { createHash, createHmac } from 'crypto';
import {
  cachedEksTokenProvider,
  createEksToken,
  stsHostname,
} from './eksToken';

/** SigV4 for a presigned GET, written out from the AWS spec to check the signer. */
function expectedSignature(url: URL, clusterName: string, secret: string) {
  const query = [...url.searchParams.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [
    'GET',
    '/',
    query,
    `host:${url.host}\nx-k8s-aws-id:${clusterName}\n`,
    'host;x-k8s-aws-id',
    createHash('sha256').update('').digest('hex'),
  ].join('\n');
  const date = url.searchParams.get('X-Amz-Date')!;
  const scope = url.searchParams.get('X-Amz-Credential')!.split('/').slice(1);
  const toSign = [
    'AWS4-HMAC-SHA256',
    date,
    scope.join('/'),
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  let key: Buffer = createHmac('sha256', `AWS4${secret}`)
    .update(scope[0])
    .digest();
  for (const part of scope.slice(1)) {
    key = createHmac('sha256', key).update(part).digest();
  }
  return createHmac('sha256', key).update(toSign).digest('hex');
}

const credentials = async () => ({
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
});
const now = () => new Date('2026-11-23T10:00:00Z');

function decode(token: string): URL {
  expect(token.startsWith('k8s-aws-v1.')).toBe(true);
  const encoded = token.slice('k8s-aws-v1.'.length);
  expect(encoded).not.toMatch(/[=+/]/);
  return new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
}

describe('createEksToken', () => {
  it('presigns STS GetCallerIdentity bound to the cluster, like aws-iam-authenticator', async () => {
    const token = await createEksToken({
      clusterName: 'ml-prod',
      region: 'eu-west-1',
      credentials,
      now,
    });
    const url = decode(token);
    expect(url.origin).toBe('https://sts.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe('/');
    const q = url.searchParams;
    expect(q.get('Action')).toBe('GetCallerIdentity');
    expect(q.get('Version')).toBe('2011-06-15');
    expect(q.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(q.get('X-Amz-Credential')).toBe(
      'AKIDEXAMPLE/20261123/eu-west-1/sts/aws4_request',
    );
    expect(q.get('X-Amz-Date')).toBe('20261123T100000Z');
    expect(q.get('X-Amz-Expires')).toBe('60');
    expect(q.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    expect(q.get('X-Amz-Signature')).toBe(
      expectedSignature(
        url,
        'ml-prod',
        'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      ),
    );
  });

  it('signs deterministically and differently per cluster', async () => {
    const make = (clusterName: string) =>
      createEksToken({ clusterName, region: 'us-east-1', credentials, now });
    const [a, again, b] = await Promise.all([
      make('ml-prod'),
      make('ml-prod'),
      make('ml-dev'),
    ]);
    expect(a).toBe(again);
    expect(decode(a).searchParams.get('X-Amz-Signature')).not.toBe(
      decode(b).searchParams.get('X-Amz-Signature'),
    );
  });

  it('carries the session token of temporary credentials', async () => {
    const token = await createEksToken({
      clusterName: 'ml-prod',
      region: 'us-east-1',
      credentials: async () => ({
        ...(await credentials()),
        sessionToken: 'session/token+1',
      }),
      now,
    });
    expect(decode(token).searchParams.get('X-Amz-Security-Token')).toBe(
      'session/token+1',
    );
  });
});

describe('cachedEksTokenProvider', () => {
  it('reuses a token for ten minutes, then signs a new one', async () => {
    let clock = now().getTime();
    const sign = jest.fn(credentials);
    const provider = cachedEksTokenProvider({
      clusterName: 'ml-prod',
      region: 'us-east-1',
      credentials: sign,
      now: () => new Date(clock),
    });
    const first = await provider();
    clock += 9 * 60_000;
    expect(await provider()).toBe(first);
    clock += 2 * 60_000;
    const renewed = await provider();
    expect(renewed).not.toBe(first);
    expect(sign).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed signing', async () => {
    const sign = jest
      .fn()
      .mockRejectedValueOnce(new Error('no credentials'))
      .mockImplementation(credentials);
    const provider = cachedEksTokenProvider({
      clusterName: 'ml-prod',
      region: 'us-east-1',
      credentials: sign,
      now,
    });
    await expect(provider()).rejects.toThrow('no credentials');
    await expect(provider()).resolves.toMatch(/^k8s-aws-v1\./);
  });

  it('signs a new token once the cluster rejects the one in use', async () => {
    let clock = now().getTime();
    const sign = jest.fn(credentials);
    const provider = cachedEksTokenProvider({
      clusterName: 'ml-prod',
      region: 'us-east-1',
      credentials: sign,
      now: () => new Date(clock),
    });
    const first = await provider();
    clock += 1000;
    provider.renew(first);
    const second = await provider();
    expect(second).not.toBe(first);
    expect(sign).toHaveBeenCalledTimes(2);
    // A late 401 for the old token keeps the one already renewed.
    provider.renew(first);
    expect(await provider()).toBe(second);
    expect(sign).toHaveBeenCalledTimes(2);
  });
});

describe('stsHostname', () => {
  it('uses the partition of the region', () => {
    expect(stsHostname('eu-west-1')).toBe('sts.eu-west-1.amazonaws.com');
    expect(stsHostname('us-gov-west-1')).toBe(
      'sts.us-gov-west-1.amazonaws.com',
    );
    expect(stsHostname('cn-northwest-1')).toBe(
      'sts.cn-northwest-1.amazonaws.com.cn',
    );
  });

  it('signs a China-region token for the amazonaws.com.cn endpoint', async () => {
    const token = await createEksToken({
      clusterName: 'ml-prod',
      region: 'cn-north-1',
      credentials,
      now,
    });
    const url = decode(token);
    expect(url.host).toBe('sts.cn-north-1.amazonaws.com.cn');
    expect(url.searchParams.get('X-Amz-Credential')).toContain(
      '/cn-north-1/sts/aws4_request',
    );
    expect(url.searchParams.get('X-Amz-Signature')).toBe(
      expectedSignature(
        url,
        'ml-prod',
        'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      ),
    );
  });
});
