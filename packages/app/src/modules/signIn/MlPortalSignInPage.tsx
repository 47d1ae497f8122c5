import { SignInPage } from '@backstage/core-components';
import {
  configApiRef,
  githubAuthApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';

const github = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/**
 * Guest sign-in for the embedded demo (auth.environment unset or
 * "development"), GitHub wherever the backend refuses guests
 * (app-config.production.yaml sets auth.environment: production).
 */
export const MlPortalSignInPage = (props: SignInPageProps) => {
  const config = useApi(configApiRef);
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  return (
    <SignInPage
      {...props}
      title="ML Platform Portal"
      align="center"
      providers={environment === 'development' ? ['guest'] : [github]}
    />
  );
};
