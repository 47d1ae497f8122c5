import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api';
import { DemoDataBanner } from '../DemoDataBanner';
import { EnvironmentsTable } from '../EnvironmentsTable';
import { PromotionView } from '../PromotionView';

const EnvironmentsContent = () => {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error } = useAsync(
    () => api.listEnvironments(),
    [api],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value?.items.length) {
    return (
      <EmptyState
        missing="data"
        title="No ML environments configured"
        description="Add environments under mlPlatform.environments in app-config.yaml to see them here."
      />
    );
  }
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <EnvironmentsTable environments={value.items} />
      </Grid>
      <Grid item>
        <PromotionView environments={value.items} />
      </Grid>
    </Grid>
  );
};

/** `/ml-platform`: every environment the portal knows, at a glance. */
export const EnvironmentsPage = () => (
  <Page themeId="tool">
    <Header
      title="ML Platform"
      subtitle="Environments, clusters, GPUs, models and spend"
    />
    <Content>
      <ContentHeader title="Environments">
        <Link to="/ml-platform/costs" data-testid="ml-platform-costs-link">
          Cost dashboard
        </Link>
        <SupportButton>
          Every environment configured under mlPlatform.environments.
        </SupportButton>
      </ContentHeader>
      <Grid container spacing={3} direction="column">
        <Grid item>
          <DemoDataBanner />
        </Grid>
        <Grid item>
          <EnvironmentsContent />
        </Grid>
      </Grid>
    </Content>
  </Page>
);
