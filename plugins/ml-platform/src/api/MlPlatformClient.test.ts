import { MlPlatformClient } from './MlPlatformClient';

const discoveryApi = {
  getBaseUrl: jest.fn(async () => 'http://backend/api/ml-platform'),
};

function clientAnswering(status: number, body: unknown) {
  const fetch = jest.fn(
    async (_url: RequestInfo | URL) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  return {
    fetch,
    client: new MlPlatformClient({ discoveryApi, fetchApi: { fetch } }),
  };
}

describe('MlPlatformClient', () => {
  it('lists environments from the plugin base URL', async () => {
    const items = [
      { name: 'ml-dev', title: 'Dev', tier: 'dev', owner: 'group:a' },
    ];
    const { fetch, client } = clientAnswering(200, { items });
    await expect(client.listEnvironments()).resolves.toEqual({ items });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ml-platform/environments',
    );
  });

  it('encodes the environment name into the path', async () => {
    const { fetch, client } = clientAnswering(200, { name: 'a b' });
    await client.getEnvironment('a b');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ml-platform/environments/a%20b',
    );
  });

  it('reads the cluster and GPU views of an environment', async () => {
    const envelope = { environment: 'ml-prod', source: 'kubernetes' };
    const { fetch, client } = clientAnswering(200, envelope);
    await expect(client.getCluster('ml-prod')).resolves.toEqual(envelope);
    await client.getGpus('ml-prod');
    expect(fetch.mock.calls.map(c => c[0])).toEqual([
      'http://backend/api/ml-platform/environments/ml-prod/cluster',
      'http://backend/api/ml-platform/environments/ml-prod/gpus',
    ]);
  });

  it('reads the models envelope of an environment', async () => {
    const envelope = {
      environment: 'ml-prod',
      source: 'mlflow',
      fetchedAt: '2026-11-23T10:00:00.000Z',
      stale: false,
      data: { configured: true, models: [] },
    };
    const { fetch, client } = clientAnswering(200, envelope);
    await expect(client.getModels('ml-prod')).resolves.toEqual(envelope);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ml-platform/environments/ml-prod/models',
    );
  });

  it('turns a backend error into a ResponseError with its message', async () => {
    const { client } = clientAnswering(404, {
      error: { name: 'NotFoundError', message: "No ML environment named 'x'" },
      response: { statusCode: 404 },
    });
    await expect(client.getEnvironment('x')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { message: "No ML environment named 'x'" } },
    });
  });
});
