import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  COST_PERIODS,
  CostPeriod,
} from '@internal/backstage-plugin-ml-platform-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { mlPlatformApiRef } from '../../api';
import { isNotAllowed, NOT_ALLOWED_MESSAGE } from '../costFormat';
import { DemoDataBanner } from '../DemoDataBanner';
import { BudgetTable } from './BudgetTable';
import { DailySpendChart, TopServicesChart } from './CostCharts';
import { costsToCsv, downloadCsv } from './csv';

const PERIOD_LABELS: Record<CostPeriod, string> = {
  mtd: 'Month to date',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '6m': 'Last 6 months',
  '12m': 'Last 12 months',
};

const CostDashboardContent = () => {
  const api = useApi(mlPlatformApiRef);
  const [period, setPeriod] = useState<CostPeriod>('30d');
  const { value, loading, error } = useAsync(
    () => api.listCosts({ period, top: 8 }),
    [api, period],
  );

  if (isNotAllowed(error)) {
    return (
      <EmptyState
        missing="info"
        title="No access"
        description={NOT_ALLOWED_MESSAGE}
      />
    );
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }

  const items = value?.items ?? [];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} container spacing={2} alignItems="center">
        <Grid item>
          <TextField
            select
            label="Period"
            value={period}
            onChange={e => setPeriod(e.target.value as CostPeriod)}
            inputProps={{ 'data-testid': 'cost-period' }}
          >
            {COST_PERIODS.map(p => (
              <MenuItem key={p} value={p}>
                {PERIOD_LABELS[p]}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid item>
          <Button
            variant="outlined"
            disabled={!items.length}
            onClick={() =>
              downloadCsv(`ml-platform-costs-${period}.csv`, costsToCsv(items))
            }
          >
            Export CSV
          </Button>
        </Grid>
      </Grid>
      {loading && (
        <Grid item xs={12}>
          <Progress />
        </Grid>
      )}
      {!loading && !items.length && (
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title="No environment has a cost source"
            description="Add a cost block (tagKey, tagValue, monthlyBudget) to an environment in mlPlatform.environments."
          />
        </Grid>
      )}
      {!loading && items.length > 0 && (
        <>
          <Grid item xs={12}>
            <BudgetTable items={items} />
          </Grid>
          <Grid item xs={12} lg={8}>
            <InfoCard
              title="Daily spend per environment"
              subheader={PERIOD_LABELS[period]}
            >
              <DailySpendChart items={items} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} lg={4}>
            <InfoCard title="Top services" subheader={PERIOD_LABELS[period]}>
              <TopServicesChart items={items} />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <Typography variant="caption" color="textSecondary">
              Read from the portal's cost ledger; page views make no Cost
              Explorer requests. Cost Explorer requests so far:{' '}
              {value!.costExplorer.totalRequests}.
            </Typography>
          </Grid>
        </>
      )}
    </Grid>
  );
};

/** `/ml-platform/costs`: spend per environment against budget, for managers. */
export const CostDashboardPage = () => (
  <Page themeId="tool">
    <Header
      title="ML Costs"
      subtitle="Spend per environment, forecast and budget"
    />
    <Content>
      <ContentHeader title="Costs">
        <SupportButton>
          From AWS Cost Explorer, filtered by each environment's cost tag and
          refreshed on a schedule.
        </SupportButton>
      </ContentHeader>
      <Grid container spacing={3} direction="column">
        <Grid item>
          <DemoDataBanner />
        </Grid>
        <Grid item>
          <CostDashboardContent />
        </Grid>
      </Grid>
    </Content>
  </Page>
);
