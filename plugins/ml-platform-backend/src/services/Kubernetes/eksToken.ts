import { Sha256 } from '@aws-crypto/sha256-js';
import {
  fromNodeProviderChain,
  fromTemporaryCredentials,
} from '@aws-sdk/credential-providers';
import { SignatureV4 } from '@smithy/signature-v4';

/** Resolves AWS credentials; what the SDK's credential providers return. */
export type AwsCredentialIdentityProvider = ReturnType<
  typeof fromNodeProviderChain
>;

/** Tokens live 15 minutes on the EKS side; reuse one for 10. */
const TOKEN_REUSE_MS = 10 * 60_000;
const TOKEN_PREFIX = 'k8s-aws-v1.';

export interface EksTokenOptions {
  clusterName: string;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  now?: () => Date;
}

/**
 * An EKS bearer token, as aws-iam-authenticator makes it: a presigned STS
 * GetCallerIdentity URL bound to the cluster by the x-k8s-aws-id header,
 * base64url-encoded without padding.
 */
export async function createEksToken(
  options: EksTokenOptions,
): Promise<string> {
  const hostname = `sts.${options.region}.amazonaws.com`;
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: 'sts',
    sha256: Sha256,
  });
  const signed = await signer.presign(
    {
      method: 'GET',
      protocol: 'https:',
      hostname,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: hostname, 'x-k8s-aws-id': options.clusterName },
    },
    { expiresIn: 60, signingDate: options.now?.() },
  );
  const query = Object.entries(signed.query ?? {})
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`,
    )
    .join('&');
  const url = `https://${hostname}/?${query}`;
  return TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url');
}

/** The SDK's default credential chain, or a role assumed from it. */
export function eksCredentials(aws: {
  region: string;
  assumeRoleArn?: string;
}): AwsCredentialIdentityProvider {
  if (aws.assumeRoleArn) {
    return fromTemporaryCredentials({
      params: {
        RoleArn: aws.assumeRoleArn,
        RoleSessionName: 'ml-platform-portal',
      },
      clientConfig: { region: aws.region },
    });
  }
  return fromNodeProviderChain();
}

/** Makes tokens on demand and reuses each for ten minutes. */
export function cachedEksTokenProvider(
  options: EksTokenOptions,
): () => Promise<string> {
  let cached: { token: Promise<string>; until: number } | undefined;
  const now = () => (options.now?.() ?? new Date()).getTime();
  return () => {
    if (!cached || now() >= cached.until) {
      const token = createEksToken(options);
      cached = { token, until: now() + TOKEN_REUSE_MS };
      // A failed signing must not be reused.
      token.catch(() => {
        cached = undefined;
      });
    }
    return cached.token;
  };
}
