import { expect, test } from '@playwright/test';

// Needs the portal on its demo default (scripts/start.sh): the sandbox Cost
// Explorer behind the cost ledger, guest sign-in, the demo permission policy.
test('a manager sees spend per environment against budget on /ml-platform/costs', async ({
  page,
}) => {
  await page.goto('/');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'ML Costs' }).click();
  await expect(page).toHaveURL(/\/ml-platform\/costs$/);

  await expect(page.getByText('Month to date vs budget')).toBeVisible();
  // Demo prod spends more than its 5,000 USD budget by month end.
  await expect(page.getByTestId('mtd-ml-prod')).toContainText('$');
  await expect(page.getByTestId('mtd-ml-dev')).toBeVisible();
  await expect(page.getByTestId('mtd-ml-staging')).toBeVisible();
  await expect(page.getByText('Daily spend per environment')).toBeVisible();
  await expect(page.getByText('Top services')).toBeVisible();
  await expect(
    page.getByText('Amazon Elastic Compute Cloud - Compute').first(),
  ).toBeVisible();

  // The period selector asks the backend again and still renders.
  await page.getByTestId('cost-period').locator('..').click();
  await page.getByRole('option', { name: 'Month to date' }).click();
  await expect(page.getByTestId('mtd-ml-prod')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toBe(
    'ml-platform-costs-mtd.csv',
  );
});

test('the environments page links to the cost dashboard', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // A full page load would sign the guest out again, so navigate in the app.
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'ML Platform', exact: true }).click();
  await page.getByTestId('ml-platform-costs-link').click();
  await expect(page).toHaveURL(/\/ml-platform\/costs$/);
  await expect(page.getByText('Month to date vs budget')).toBeVisible();
});
