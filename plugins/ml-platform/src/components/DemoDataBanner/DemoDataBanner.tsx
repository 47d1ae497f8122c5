import { configApiRef, useApi } from '@backstage/core-plugin-api';
import Alert from '@material-ui/lab/Alert';

/** Says plainly that what the page shows comes from the local sandbox. */
export const DemoDataBanner = () => {
  const config = useApi(configApiRef);
  if (!config.getOptionalBoolean('mlPlatform.demoMode')) {
    return null;
  }
  return (
    <Alert severity="info" data-testid="ml-platform-demo-banner">
      Demo data: these environments are served by the local sandbox upstreams,
      not by real clusters, MLflow servers or AWS accounts.
    </Alert>
  );
};
