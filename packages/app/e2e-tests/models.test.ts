import { test, expect } from '@playwright/test';
import { openMlPlatformTab, signInAsGuest } from './helpers';

test('the Models card shows the registry, the live version and drift of an environment', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openMlPlatformTab(page, 'resource/ml-prod');

  const card = page.getByTestId('ml-platform-models-card');
  const fraud = card.getByTestId('model-row-fraud-detector');
  await expect(fraud).toContainText('champion: v4');
  await expect(fraud.getByTestId('model-deployed')).toHaveText('v4');
  await expect(fraud).toContainText('in sync');
  await expect(fraud).toContainText(/accuracy 0\.922/);

  const forecaster = card.getByTestId('model-row-demand-forecaster');
  await expect(forecaster.getByTestId('model-deployed')).toHaveText('v1');
  await expect(forecaster).toContainText('not deployed');
  await expect(forecaster).toContainText(
    "Alias 'champion' is version 2 but mlops-system/demand-forecaster-inference serves 1",
  );
});

test('the ML Platform page counts models and shows promotion across environments', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/ml-platform');

  await expect(page.getByTestId('model-count-ml-prod')).toHaveText(
    '3 (1 drifting)',
  );
  await expect(page.getByTestId('model-count-ml-local')).toHaveText('1');

  const promotion = page.getByRole('table', { name: 'Model promotion' });
  await expect(promotion.getByRole('columnheader')).toHaveText([
    'Model',
    'ml-local · local',
    'ml-dev · dev',
    'ml-staging · staging',
    'ml-prod · prod',
  ]);
  const prodForecaster = promotion.getByTestId(
    'promotion-demand-forecaster-ml-prod',
  );
  await expect(prodForecaster).toContainText('v1');
  await expect(prodForecaster).toContainText('should run v2');
  await expect(prodForecaster).toHaveAttribute('data-drift', 'true');
  await expect(
    promotion.getByTestId('promotion-fraud-detector-ml-prod'),
  ).toHaveAttribute('data-drift', 'false');
  // staging runs an Archived churn-predictor
  await expect(
    promotion.getByTestId('promotion-churn-predictor-ml-staging'),
  ).toHaveAttribute('data-drift', 'true');
});
