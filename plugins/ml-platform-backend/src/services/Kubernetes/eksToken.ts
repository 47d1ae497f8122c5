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
  const hostname = stsHostname(options.region);
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

/**
 * The regional STS endpoint that EKS checks the token against: China regions
 * are in the aws-cn partition (amazonaws.com.cn); GovCloud and the commercial
 * regions share amazonaws.com.
 */
export function stsHostname(region: string): string {
  const suffix = region.startsWith('cn-')
    ? 'amazonaws.com.cn'
    : 'amazonaws.com';
  return `sts.${region}.${suffix}`;
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

/** A token source whose token the cluster may reject before it expires. */
export interface RenewableTokenProvider {
  (): Promise<string>;
  /**
   * The cluster answered 401 to `rejected` (revoked credentials, a clock
   * ahead of EKS's): forget it if it is still the one in use, so that the
   * next call signs a new one.
   */
  renew(rejected: string): void;
}

/** Makes tokens on demand and reuses each for ten minutes, unless rejected. */
export function cachedEksTokenProvider(
  options: EksTokenOptions,
): RenewableTokenProvider {
  let cached:
    | { token: Promise<string>; until: number; value?: string }
    | undefined;
  const now = () => (options.now?.() ?? new Date()).getTime();
  const provider = () => {
    if (!cached || now() >= cached.until) {
      const entry: NonNullable<typeof cached> = {
        token: createEksToken(options),
        until: now() + TOKEN_REUSE_MS,
      };
      cached = entry;
      entry.token.then(
        value => {
          entry.value = value;
        },
        () => {
          // A failed signing must not be reused.
          if (cached === entry) cached = undefined;
        },
      );
    }
    return cached.token;
  };
  return Object.assign(provider, {
    renew(rejected: string) {
      if (cached?.value === rejected) {
        cached = undefined;
      }
    },
  });
}
