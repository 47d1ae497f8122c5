import request from 'supertest';
import { demoScenario } from '../scenarios/demo';
import { Scenario } from '../scenarios/types';
import { createSandboxApp } from '../server';
import { runIdOf } from './registry';

const api = (env: string, endpoint: string) =>
  `/mlflow/${env}/api/2.0/mlflow/${endpoint}`;

const app = createSandboxApp(demoScenario);

describe('sandbox MLflow model registry', () => {
  it('pages the versions of one model, newest first', async () => {
    const versions: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await request(app)
        .get(api('ml-dev', 'model-versions/search'))
        .query({
          filter: "name='fraud-detector'",
          max_results: 10,
          ...(token && { page_token: token }),
        })
        .expect(200);
      versions.push(...res.body.model_versions.map((v: any) => v.version));
      token = res.body.next_page_token;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(versions).toHaveLength(24);
    expect(versions[0]).toBe('24');
    expect(versions[23]).toBe('1');
  });

  it('marks the failed registration and the aliases on versions', async () => {
    const res = await request(app)
      .get(api('ml-dev', 'model-versions/search'))
      .query({ filter: "name='fraud-detector'", max_results: 3 })
      .expect(200);
    const [v24, v23, v22] = res.body.model_versions;
    expect(v24.aliases).toEqual(['challenger']);
    expect(v23.status).toBe('FAILED_REGISTRATION');
    expect(v23.status_message).toMatch(/AccessDenied/);
    expect(v22.aliases).toEqual([]);
    expect(v22.status).toBe('READY');
  });

  it('serves a stage-based registry in staging', async () => {
    const res = await request(app)
      .get(api('ml-staging', 'model-versions/search'))
      .query({ filter: "name='fraud-detector'" })
      .expect(200);
    const stages = Object.fromEntries(
      res.body.model_versions.map((v: any) => [v.version, v.current_stage]),
    );
    expect(stages).toMatchObject({
      '6': 'Staging',
      '5': 'Production',
      '4': 'Archived',
    });
  });

  it('resolves aliases and answers RESOURCE_DOES_NOT_EXIST for unknown ones', async () => {
    const champion = await request(app)
      .get(api('ml-prod', 'registered-models/alias'))
      .query({ name: 'churn-predictor', alias: 'champion' })
      .expect(200);
    expect(champion.body.model_version.version).toBe('2');
    const missing = await request(app)
      .get(api('ml-prod', 'registered-models/alias'))
      .query({ name: 'churn-predictor', alias: 'nope' })
      .expect(404);
    expect(missing.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('serves the source run with metrics, and 404s deleted runs', async () => {
    const res = await request(app)
      .get(api('ml-prod', 'runs/get'))
      .query({ run_id: runIdOf('ml-prod', 'fraud-detector', 4) })
      .expect(200);
    const metrics = Object.fromEntries(
      res.body.run.data.metrics.map((m: any) => [m.key, m.value]),
    );
    expect(metrics).toEqual({ accuracy: 0.922, f1: 0.795 });
    const deleted = await request(app)
      .get(api('ml-dev', 'runs/get'))
      .query({ run_id: runIdOf('ml-dev', 'fraud-detector', 3) })
      .expect(404);
    expect(deleted.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('demands the configured credentials and fails models marked failing', async () => {
    const scenario: Scenario = {
      environments: [
        {
          name: 'locked',
          mlflowAuth: {
            token: 't0ken',
            basic: { username: 'ml', password: 'pw' },
          },
          models: [{ name: 'broken', versions: 2, failing: true }],
        },
      ],
    };
    const locked = createSandboxApp(scenario);
    const anonymous = await request(locked)
      .get(api('locked', 'registered-models/search'))
      .expect(401);
    expect(anonymous.body.error_code).toBe('UNAUTHENTICATED');
    await request(locked)
      .get(api('locked', 'registered-models/search'))
      .set('Authorization', 'Bearer wrong')
      .expect(401);
    await request(locked)
      .get(api('locked', 'registered-models/search'))
      .auth('ml', 'pw')
      .expect(200);
    const failing = await request(locked)
      .get(api('locked', 'model-versions/search'))
      .query({ filter: "name='broken'" })
      .set('Authorization', 'Bearer t0ken')
      .expect(500);
    expect(failing.body.error_code).toBe('INTERNAL_ERROR');
  });
});
