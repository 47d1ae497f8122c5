import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readEnvironments } from './readEnvironments';

const prod = {
  name: 'ml-prod',
  title: 'Production',
  tier: 'prod',
  owner: 'group:default/ml-platform',
  kubernetes: {
    url: 'https://api.prod.example:6443',
    authProvider: 'serviceAccount',
    serviceAccountToken: 'secret-token',
    namespaces: ['mlops-system'],
  },
  mlflow: { url: 'https://mlflow.example', token: 'mlflow-secret' },
  cost: {
    tagKey: 'Environment',
    tagValue: 'prod',
    monthlyBudget: 12000,
  },
};

const read = (environments: JsonValue) =>
  readEnvironments(new ConfigReader({ mlPlatform: { environments } }));

describe('readEnvironments', () => {
  it('reads a full environment into a typed object with defaults', () => {
    const [env] = read([prod]);
    expect(env).toMatchObject({
      name: 'ml-prod',
      title: 'Production',
      tier: 'prod',
      kubernetes: { skipTLSVerify: false, namespaces: ['mlops-system'] },
      cost: { region: 'us-east-1', monthlyBudget: 12000 },
    });
  });

  it('defaults the title to the name and allows no upstream blocks', () => {
    const [env] = read([{ name: 'ml-dev', tier: 'dev', owner: 'group:a' }]);
    expect(env).toEqual({
      name: 'ml-dev',
      title: 'ml-dev',
      tier: 'dev',
      owner: 'group:a',
    });
  });

  it('treats a missing mlPlatform block as no environments', () => {
    expect(readEnvironments(new ConfigReader({}))).toEqual([]);
  });

  it('rejects duplicate names, naming both entries', () => {
    expect(() => read([prod, { ...prod, title: 'Again' }])).toThrow(
      "Invalid config for environment 'ml-prod' (mlPlatform.environments[1]): key 'name' duplicates mlPlatform.environments[0]",
    );
  });

  it('rejects an unknown tier, naming the environment and key', () => {
    expect(() => read([{ ...prod, tier: 'qa' }])).toThrow(
      /environment 'ml-prod' \(mlPlatform\.environments\[0\]\): key 'tier'/,
    );
  });

  it('rejects a malformed URL, naming the nested key', () => {
    expect(() =>
      read([{ ...prod, kubernetes: { ...prod.kubernetes, url: 'not a url' } }]),
    ).toThrow(
      "environment 'ml-prod' (mlPlatform.environments[0]): key 'kubernetes.url' must be an absolute http(s) URL",
    );
    expect(() =>
      read([{ ...prod, mlflow: { url: 'ftp://mlflow.example' } }]),
    ).toThrow("key 'mlflow.url' must be an absolute http(s) URL");
  });

  it('rejects names that are not DNS labels', () => {
    expect(() => read([{ ...prod, name: '../Prod' }])).toThrow(
      "environment '../Prod' (mlPlatform.environments[0]): key 'name' must be a DNS label",
    );
  });

  it('requires a token for service-account auth without echoing secrets', () => {
    const broken = {
      ...prod,
      kubernetes: {
        url: 'https://k8s.example',
        authProvider: 'serviceAccount',
      },
      mlflow: { url: 'https://mlflow.example', token: 'mlflow-secret' },
    };
    let message = '';
    try {
      read([broken]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("key 'kubernetes.serviceAccountToken'");
    expect(message).not.toContain('mlflow-secret');
  });

  it('names an entry without a name by its index', () => {
    expect(() => read([prod, { tier: 'dev', owner: 'x' }])).toThrow(
      "environment at mlPlatform.environments[1]: key 'name'",
    );
  });
});
