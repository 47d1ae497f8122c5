import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { EnvironmentInfo } from '@internal/backstage-plugin-ml-platform-common';
import { useMemo } from 'react';
import { GpuCell, HealthCell } from './SummaryCells';
import { ModelCountCell } from './ModelCountCell';
import { SpendCell } from './SpendCell';
import { TierChip } from './TierChip';
import {
  SummaryState,
  useEnvironmentSummaries,
} from './useEnvironmentSummaries';

type Row = EnvironmentInfo & { summary?: SummaryState };

const columns: TableColumn<Row>[] = [
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
    title: 'Cluster health',
    sorting: false,
    render: env => <HealthCell state={env.summary} />,
  },
  {
    title: 'GPUs',
    sorting: false,
    render: env => <GpuCell state={env.summary} />,
  },
  {
    title: 'Models',
    field: 'name',
    sorting: false,
    render: env => (
      <ModelCountCell environment={env.name} state={env.summary} />
    ),
  },
  {
    title: 'Spend (MTD)',
    sorting: false,
    render: env => <SpendCell state={env.summary} />,
  },
];

/** Every environment; health and GPU columns fill in row by row as summaries arrive. */
export const EnvironmentsTable = (props: {
  environments: EnvironmentInfo[];
}) => {
  const summaries = useEnvironmentSummaries(
    props.environments.map(e => e.name),
  );
  const rows = useMemo(
    () =>
      props.environments.map(env => ({ ...env, summary: summaries[env.name] })),
    [props.environments, summaries],
  );
  return (
    <Table<Row>
      title="ML environments"
      options={{ paging: false, search: true, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
};
