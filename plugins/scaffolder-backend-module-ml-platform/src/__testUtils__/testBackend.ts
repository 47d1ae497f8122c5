import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import request from 'supertest';
import { scaffolderModule } from '../module';
import { TemplateDocument, directoryContentsOf } from './templateFiles';

export interface DryRunResult {
  status: number;
  body: {
    output?: Record<string, any>;
    log?: { body: { message: string; stepId?: string; status?: string } }[];
    directoryContents?: { path: string; base64Content: string }[];
    errors?: unknown[];
    error?: { message: string };
  };
}

/**
 * The real scaffolder backend with this module and the GitHub module, a
 * mocked catalog holding `entities`, and a function that dry-runs a template
 * through `POST /api/scaffolder/v2/dry-run`.
 */
export async function startScaffolder(entities: Entity[] = []) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      scaffolderModule,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { backend: { baseUrl: 'http://localhost:7007' } },
      }),
    ],
  });
  const contents = new Map<
    string,
    Awaited<ReturnType<typeof directoryContentsOf>>
  >();
  const dryRun = async (
    folder: string,
    template: TemplateDocument,
    values: Record<string, unknown>,
  ): Promise<DryRunResult> => {
    if (!contents.has(folder))
      contents.set(folder, await directoryContentsOf(folder));
    const res = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({ template, values, directoryContents: contents.get(folder) });
    return { status: res.status, body: res.body };
  };
  // Under jest, startTestBackend also stops the backend after the test file.
  return { dryRun, stop: () => backend.stop() };
}
