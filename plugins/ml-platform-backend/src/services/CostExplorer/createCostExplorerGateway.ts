import {
  CostExplorerClient,
  Expression,
  GetCostAndUsageCommand,
  GetCostAndUsageCommandOutput,
  GetCostForecastCommand,
} from '@aws-sdk/client-cost-explorer';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { CostSource } from '../../config/types';
import { CostExplorerGateway, DailyCost } from './types';

export const EC2_COMPUTE_SERVICE = 'Amazon Elastic Compute Cloud - Compute';
const METRIC = 'UnblendedCost';

export interface CostExplorerGatewayOptions {
  /**
   * Attempts per request, throttling included; the SDK backs off
   * exponentially with jitter between them.
   */
  maxAttempts?: number;
  /** Bound on one HTTP attempt; a timed-out attempt is retried like any other. Default 30 000. */
  requestTimeoutMs?: number;
  /** Overrides the default credential chain (tests). */
  credentials?: AwsCredentialIdentity;
}

/**
 * Cost Explorer through the AWS SDK: the default credential chain, an
 * optional role per environment, and the region and endpoint from config.
 */
export function createCostExplorerGateway(
  options: CostExplorerGatewayOptions = {},
): CostExplorerGateway {
  const clients = new Map<string, CostExplorerClient>();
  let requests = 0;

  function clientFor(source: CostSource): CostExplorerClient {
    const key = `${source.region}|${source.endpoint ?? ''}|${
      source.assumeRoleArn ?? ''
    }`;
    let client = clients.get(key);
    if (!client) {
      client = new CostExplorerClient({
        region: source.region,
        endpoint: source.endpoint,
        maxAttempts: options.maxAttempts ?? 5,
        requestHandler: {
          requestTimeout: options.requestTimeoutMs ?? 30_000,
          throwOnRequestTimeout: true,
          connectionTimeout: Math.min(
            options.requestTimeoutMs ?? 30_000,
            5_000,
          ),
        },
        credentials: source.assumeRoleArn
          ? fromTemporaryCredentials({
              params: {
                RoleArn: source.assumeRoleArn,
                RoleSessionName: 'backstage-ml-platform-cost',
              },
              clientConfig: { region: source.region },
            })
          : options.credentials,
      });
      // Below the retry middleware, so every attempt is counted.
      client.middlewareStack.add(
        next => async args => {
          requests += 1;
          return next(args);
        },
        { step: 'deserialize', name: 'mlPlatformCostExplorerRequestCounter' },
      );
      clients.set(key, client);
    }
    return client;
  }

  const tagFilter = (source: CostSource): Expression => ({
    Tags: { Key: source.tagKey, Values: [source.tagValue] },
  });

  async function dailyCosts(
    source: CostSource,
    start: string,
    end: string,
    groupKey: 'SERVICE' | 'INSTANCE_TYPE',
    filter: Expression,
  ): Promise<DailyCost[]> {
    const client = clientFor(source);
    const costs: DailyCost[] = [];
    let token: string | undefined;
    do {
      const page: GetCostAndUsageCommandOutput = await client.send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: start, End: end },
          Granularity: 'DAILY',
          Metrics: [METRIC],
          GroupBy: [{ Type: 'DIMENSION', Key: groupKey }],
          Filter: filter,
          NextPageToken: token,
        }),
      );
      for (const result of page.ResultsByTime ?? []) {
        const date = result.TimePeriod?.Start;
        if (!date) {
          continue;
        }
        for (const group of result.Groups ?? []) {
          const metric = group.Metrics?.[METRIC];
          const key = group.Keys?.[0];
          if (!metric?.Amount || !key) {
            continue;
          }
          costs.push({
            date,
            key,
            amount: Number(metric.Amount),
            currency: metric.Unit ?? 'USD',
            estimated: result.Estimated ?? false,
          });
        }
      }
      token = page.NextPageToken;
    } while (token);
    return costs;
  }

  return {
    dailyCostByService: (source, start, end) =>
      dailyCosts(source, start, end, 'SERVICE', tagFilter(source)),
    dailyEc2CostByInstanceType: (source, start, end) =>
      dailyCosts(source, start, end, 'INSTANCE_TYPE', {
        And: [
          tagFilter(source),
          { Dimensions: { Key: 'SERVICE', Values: [EC2_COMPUTE_SERVICE] } },
        ],
      }),
    async forecast(source, start, end) {
      const out = await clientFor(source).send(
        new GetCostForecastCommand({
          TimePeriod: { Start: start, End: end },
          Metric: 'UNBLENDED_COST',
          Granularity: 'MONTHLY',
          PredictionIntervalLevel: 80,
          Filter: tagFilter(source),
        }),
      );
      const mean = Number(out.Total?.Amount);
      if (!Number.isFinite(mean)) {
        return undefined;
      }
      const periods = out.ForecastResultsByTime ?? [];
      const sum = (pick: (p: (typeof periods)[number]) => string | undefined) =>
        periods.reduce((total, p) => total + Number(pick(p) ?? 0), 0);
      return {
        start,
        end,
        mean,
        lower: periods.length ? sum(p => p.PredictionIntervalLowerBound) : mean,
        upper: periods.length ? sum(p => p.PredictionIntervalUpperBound) : mean,
        currency: out.Total?.Unit ?? 'USD',
      };
    },
    requestCount: () => requests,
  };
}
