import { expect, test } from '@playwright/test';

// Runs against the demo portal (scripts/start.sh): ml-prod's cluster is the
// sandbox's, with three g4dn.xlarge GPU nodes, one NotReady, one GPU in use
// and two training pods waiting for GPUs.
test('shows the GPU card of ml-prod on its ML Platform tab', async ({
  page,
}) => {
  await page.goto('/catalog/default/resource/ml-prod');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();

  // Entity page tabs are links in the content navigation.
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'ML Platform' })
    .click();

  await expect(page.getByTestId('gpu-totals')).toHaveText(
    '1 of 3 GPUs requested · 1 free',
  );
  await expect(page.getByText(/2\/3 GPU nodes ready/)).toBeVisible();
  await expect(page.getByText('2 pods waiting for GPUs')).toBeVisible();
  await expect(
    page.getByText(/demand-forecaster-train-8k2lp — asks for 2 GPUs/),
  ).toBeVisible();
  await expect(page.getByText('9/10 nodes ready')).toBeVisible();
});
