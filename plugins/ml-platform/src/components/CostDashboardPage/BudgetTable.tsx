import { Table, TableColumn } from '@backstage/core-components';
import { CostList } from '@internal/backstage-plugin-ml-platform-common';
import Chip from '@material-ui/core/Chip';
import { formatMoney, formatPercent } from '../costFormat';

type Row = CostList['items'][number];

const money = (row: Row, n: number | undefined | null) =>
  n === undefined || n === null ? '—' : formatMoney(n, row.currency);

const columns: TableColumn<Row>[] = [
  { title: 'Environment', field: 'title' },
  {
    title: 'Month to date',
    render: row => (
      <span data-testid={`mtd-${row.environment}`}>
        {money(row, row.monthToDate)}{' '}
        {row.overBudget && (
          <Chip size="small" color="secondary" label="Over budget" />
        )}
      </span>
    ),
  },
  {
    title: 'Same days last month',
    render: row => money(row, row.lastMonthSamePeriod),
  },
  {
    title: 'Forecast',
    render: row =>
      row.forecast ? (
        <span>
          {money(row, row.forecast.mean)}
          <br />
          <small>
            {money(row, row.forecast.lower)} – {money(row, row.forecast.upper)}
          </small>{' '}
          {!row.overBudget && row.forecastOverBudget && (
            <Chip size="small" label="Forecast over budget" />
          )}
        </span>
      ) : (
        '—'
      ),
  },
  {
    title: 'Budget',
    render: row =>
      row.monthlyBudget === null
        ? 'none'
        : `${money(row, row.monthlyBudget)} · ${formatPercent(
            row.budgetUsedRatio ?? 0,
          )}`,
  },
  { title: 'Budget runs out', render: row => row.budgetExhaustedOn ?? '—' },
  {
    title: 'GPU share',
    render: row => (row.gpu ? formatPercent(row.gpu.share) : '—'),
  },
  {
    title: 'Idle GPU cost',
    render: row =>
      row.idleGpu
        ? `${money(row, row.idleGpu.cost)} (${row.idleGpu.gpuHours} GPU-h)`
        : '—',
  },
  {
    title: 'Estimate vs forecast',
    render: row =>
      row.estimate ? (
        <span>
          {money(row, row.estimate.monthly)} ·{' '}
          {row.estimate.drift >= 0 ? '+' : ''}
          {formatPercent(row.estimate.drift)}{' '}
          {row.estimate.flagged && (
            <Chip size="small" color="secondary" label="Drift over 20%" />
          )}
        </span>
      ) : (
        '—'
      ),
  },
  {
    title: 'Data',
    render: row => {
      if (row.error) {
        return `error: ${row.error.message}`;
      }
      return row.stale ? 'stale' : 'fresh';
    },
  },
];

/** Month to date against budget, per environment. */
export const BudgetTable = ({ items }: { items: Row[] }) => (
  <Table<Row>
    title="Month to date vs budget"
    options={{ paging: false, search: false, padding: 'dense' }}
    columns={columns}
    data={items}
  />
);
