import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { configApiRef, githubAuthApiRef } from '@backstage/core-plugin-api';
import { screen } from '@testing-library/react';
import { MlPortalSignInPage } from './MlPortalSignInPage';

async function renderWith(auth: Record<string, string>) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          configApiRef,
          mockApis.config({
            data: { app: { title: 'ML Platform Portal' }, auth },
          }),
        ],
        [githubAuthApiRef, {} as any],
      ]}
    >
      <MlPortalSignInPage onSignInSuccess={() => {}} />
    </TestApiProvider>,
  );
}

describe('MlPortalSignInPage', () => {
  it('offers guest sign-in on the embedded demo (no auth.environment)', async () => {
    await renderWith({});
    expect(await screen.findByText('Guest')).toBeInTheDocument();
    expect(screen.queryByText('GitHub')).not.toBeInTheDocument();
  });

  it('offers GitHub, and no guest, where the backend refuses guests', async () => {
    await renderWith({ environment: 'production' });
    expect(await screen.findByText('GitHub')).toBeInTheDocument();
    expect(
      screen.getByText('Sign in with your GitHub account'),
    ).toBeInTheDocument();
    expect(screen.queryByText('Guest')).not.toBeInTheDocument();
  });
});
