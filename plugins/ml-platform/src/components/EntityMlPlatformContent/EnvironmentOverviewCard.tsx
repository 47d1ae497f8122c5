import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api';
import { TierChip } from '../EnvironmentsTable';

/** Who owns an environment and what tier it is. */
export const EnvironmentOverviewCard = ({ name }: { name: string }) => {
  const api = useApi(mlPlatformApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEnvironment(name),
    [api, name],
  );

  return (
    <InfoCard title={`Environment ${name}`} subheader="Overview">
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <StructuredMetadataTable
          metadata={{
            name: value.name,
            title: value.title,
            tier: <TierChip tier={value.tier} />,
            owner: (
              <EntityRefLink entityRef={value.owner} defaultKind="group" />
            ),
          }}
        />
      )}
    </InfoCard>
  );
};
