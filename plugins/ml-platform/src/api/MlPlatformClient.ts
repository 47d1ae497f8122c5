import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ClusterSummary,
  EnvironmentList,
  EnvironmentSummary,
  GpuSummary,
  ModelRegistrySummary,
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

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ml-platform');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
