import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { EnvironmentInfo } from '@internal/backstage-plugin-ml-platform-common';
import { ModelCountCell } from './ModelCountCell';
import { TierChip } from './TierChip';

const columns: TableColumn<EnvironmentInfo>[] = [
  {
    title: 'Environment',
    field: 'name',
    highlight: true,
    render: env => (
      <EntityRefLink
        entityRef={{ kind: 'resource', namespace: 'default', name: env.name }}
        title={env.name}
      />
    ),
  },
  { title: 'Title', field: 'title' },
  { title: 'Tier', field: 'tier', render: env => <TierChip tier={env.tier} /> },
  {
    title: 'Owner',
    field: 'owner',
    render: env => <EntityRefLink entityRef={env.owner} defaultKind="group" />,
  },
  {
    title: 'Models',
    field: 'name',
    sorting: false,
    render: env => <ModelCountCell environment={env.name} />,
  },
];

export const EnvironmentsTable = (props: {
  environments: EnvironmentInfo[];
}) => (
  <Table<EnvironmentInfo>
    title="ML environments"
    options={{ paging: false, search: true, padding: 'dense' }}
    columns={columns}
    data={props.environments}
  />
);
