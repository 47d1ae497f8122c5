import { expect, Page } from '@playwright/test';

/** Signs in with the guest provider, as a first-time user would. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enterButton = page.getByRole('button', { name: 'Enter' });
  await expect(enterButton).toBeVisible();
  await enterButton.click();
  await expect(
    page.getByRole('link', { name: 'Catalog', exact: true }).first(),
  ).toBeVisible();
}

/** Opens the "ML Platform" tab of a catalog entity, e.g. 'resource/ml-prod'. */
export async function openMlPlatformTab(page: Page, entity: string) {
  await page.goto(`/catalog/default/${entity}`);
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'ML Platform' })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/${entity}/ml-platform$`),
  );
}
