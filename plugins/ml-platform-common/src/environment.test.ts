import {
  ENVIRONMENT_NAME_PATTERN,
  environmentNameOfEntity,
  isMlEnvironmentResource,
} from './environment';

const resource = (name: string, type: string, annotations = {}) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, annotations },
  spec: { type, owner: 'group:ml-platform' },
});

describe('environmentNameOfEntity', () => {
  it('uses the annotation of a component', () => {
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'fraud-api',
        annotations: { 'ml-platform/environment': 'ml-prod' },
      },
    };
    expect(environmentNameOfEntity(component)).toBe('ml-prod');
  });

  it('uses the name of an ml-environment Resource without annotation', () => {
    expect(environmentNameOfEntity(resource('ml-dev', 'ml-environment'))).toBe(
      'ml-dev',
    );
  });

  it('prefers the annotation over the Resource name', () => {
    const entity = resource('prod-environment', 'ml-environment', {
      'ml-platform/environment': 'ml-prod',
    });
    expect(environmentNameOfEntity(entity)).toBe('ml-prod');
  });

  it('ignores other resources and unannotated components', () => {
    expect(environmentNameOfEntity(resource('db', 'database'))).toBeUndefined();
    expect(isMlEnvironmentResource(resource('db', 'database'))).toBe(false);
  });
});

describe('ENVIRONMENT_NAME_PATTERN', () => {
  it.each(['ml-prod', 'dev', 'a1', 'x'])('accepts %s', name => {
    expect(ENVIRONMENT_NAME_PATTERN.test(name)).toBe(true);
  });
  it.each(['ML-Prod', '-dev', 'dev-', 'a_b', '../etc', 'a'.repeat(64), ''])(
    'rejects %j',
    name => {
      expect(ENVIRONMENT_NAME_PATTERN.test(name)).toBe(false);
    },
  );
});
