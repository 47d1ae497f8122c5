import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterSummary,
  EnvironmentList,
  EnvironmentSummary,
  GpuSummary,
  ModelRegistrySummary,
  CostList,
  CostPeriod,
  EnvironmentCostData,
  SourceEnvelope,
} from '@internal/backstage-plugin-ml-platform-common';
import { MlPlatformApi } from './types';

/** Talks to /api/ml-platform with the signed-in user's token. @public */
export class MlPlatformClient implements MlPlatformApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listEnvironments(): Promise<EnvironmentList> {
    return this.get('/environments');
  }

  getEnvironment(name: string): Promise<EnvironmentSummary> {
    return this.get(`/environments/${encodeURIComponent(name)}`);
  }

  getCluster(name: string): Promise<SourceEnvelope<ClusterSummary>> {
    return this.get(`/environments/${encodeURIComponent(name)}/cluster`);
  }

  getGpus(name: string): Promise<SourceEnvelope<GpuSummary>> {
    return this.get(`/environments/${encodeURIComponent(name)}/gpus`);
  }

  getModels(name: string): Promise<SourceEnvelope<ModelRegistrySummary>> {
    return this.get(`/environments/${encodeURIComponent(name)}/models`);
  }

  getEnvironmentCost(
    name: string,
    options: { period?: CostPeriod; top?: number } = {},
  ): Promise<SourceEnvelope<EnvironmentCostData>> {
    return this.get(
      `/environments/${encodeURIComponent(name)}/cost${query(options)}`,
    );
  }

  listCosts(
    options: { period?: CostPeriod; top?: number } = {},
  ): Promise<CostList> {
    return this.get(`/costs${query(options)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ml-platform');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function query(options: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
