import { test, expect, Page } from '@playwright/test';

async function openEksTemplate(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // Navigate inside the app: a full page load would ask for sign-in again.
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: /create/i }).first().click();
  const card = page
    .locator('.MuiCard-root, article')
    .filter({ hasText: 'ML environment on EKS' })
    .first();
  await expect(card).toBeVisible();
  await card
    .getByRole('button', { name: /choose/i })
    .or(card.getByRole('link', { name: /choose/i }))
    .first()
    .click();
  await expect(page.getByLabel('Environment name')).toBeVisible();
}

const next = (page: Page) =>
  page.getByRole('button', { name: /^next/i }).click();

test('the EKS template shows a validation message for a name that is not a DNS label', async ({
  page,
}) => {
  await openEksTemplate(page);
  await page.getByLabel('Environment name').fill('Fraud_E2E ${var.x}');
  await page.getByLabel('Project').fill('fraud');
  await next(page);
  await expect(page.getByText(/match pattern/i).first()).toBeVisible();
});

test('a team fills the EKS template and reaches the review step', async ({
  page,
}) => {
  await openEksTemplate(page);

  await page.getByLabel('Environment name').fill('fraud-e2e');
  await page.getByLabel('Project').fill('fraud');
  const owner = page.getByLabel('Owner');
  await owner.fill('ml-platform');
  const option = page.getByRole('option', { name: /ml-platform/i }).first();
  if (await option.isVisible().catch(() => false)) await option.click();
  else await owner.fill('group:default/ml-platform');
  await page.getByLabel('Description').fill('Fraud detection e2e');
  await next(page);

  await page.getByLabel('AWS account id').fill('123456789012');
  await page.getByLabel('Terraform state bucket').fill('acme-terraform-state');
  await next(page);

  await expect(page.getByLabel('Desired')).toBeVisible();
  await next(page);

  await page.getByLabel('Owner').fill('acme');
  await page.getByLabel('Repository').fill('fraud-e2e');
  await page.getByRole('button', { name: /^(review|next)/i }).click();

  await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  await expect(page.getByText('fraud-e2e').first()).toBeVisible();
  await expect(page.getByText('10.40.0.0/16').first()).toBeVisible();
});
