import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  environmentNameOfEntity,
  ML_PLATFORM_ENVIRONMENT_ANNOTATION,
} from '@internal/backstage-plugin-ml-platform-common';
import Grid from '@material-ui/core/Grid';
import { ClusterCard } from '../ClusterCard';
import { CostCard } from '../CostCard';
import { DemoDataBanner } from '../DemoDataBanner';
import { GpuCard } from '../GpuCard';
import { ModelsCard } from '../ModelsCard';
import { EnvironmentOverviewCard } from './EnvironmentOverviewCard';

/**
 * The "ML Platform" tab of an ml-environment Resource, or of a component
 * annotated with the environment it runs in.
 */
export const EntityMlPlatformContent = () => {
  const { entity } = useEntity();
  const environment = environmentNameOfEntity(entity);

  if (!environment) {
    return (
      <EmptyState
        missing="field"
        title="Not linked to an ML environment"
        description={`Add the annotation ${ML_PLATFORM_ENVIRONMENT_ANNOTATION}: <environment name> to this entity.`}
      />
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <DemoDataBanner />
      </Grid>
      <Grid item xs={12} md={6}>
        <EnvironmentOverviewCard name={environment} />
      </Grid>
      <Grid item xs={12} md={6}>
        <GpuCard name={environment} />
      </Grid>
      <Grid item xs={12}>
        <ClusterCard name={environment} />
      </Grid>
      <Grid item xs={12}>
        <ModelsCard environment={environment} />
      </Grid>
      <Grid item xs={12}>
        <CostCard name={environment} />
      </Grid>
    </Grid>
  );
};
