import { test, expect } from '@playwright/test';
import { openMlPlatformTab, signInAsGuest } from './helpers';

test('the ML Platform page lists the demo environments as demo data', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page
    .getByRole('link', { name: 'ML Platform', exact: true })
    .first()
    .click();
  await expect(page).toHaveURL(/\/ml-platform$/);

  await expect(page.getByText(/^Demo data:/)).toBeVisible();
  // the first table lists the environments; the promotion view follows it
  const table = page.getByRole('table').first();
  for (const [name, title] of [
    ['ml-local', 'Local (kind)'],
    ['ml-dev', 'Development'],
    ['ml-staging', 'Staging'],
    ['ml-prod', 'Production'],
  ]) {
    const row = table.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText(title);
  }
});

test('an environment entity has an ML Platform tab showing its overview', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openMlPlatformTab(page, 'resource/ml-prod');
  await expect(page.getByText('Environment ml-prod')).toBeVisible();
  await expect(page.getByText('Production').first()).toBeVisible();
});

test('a component annotated with an environment shows that environment', async ({
  page,
}) => {
  await signInAsGuest(page);
  await openMlPlatformTab(page, 'component/fraud-detection-api');
  await expect(page.getByText('Environment ml-prod')).toBeVisible();
});
