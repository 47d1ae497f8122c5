import { test, expect, Page } from '@playwright/test';

async function openEksTemplate(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // Navigate inside the app: a full page load would ask for sign-in again.
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav
    .getByRole('link', { name: /create/i })
    .first()
    .click();
  // The nearest card around the title, not a container of all cards.
  const card = page
    .getByText('ML environment on EKS', { exact: true })
    .first()
    .locator('xpath=ancestor::*[contains(@class, "MuiCard-root")][1]');
  await expect(card).toBeVisible();
  await card
    .getByRole('button', { name: /choose/i })
    .or(card.getByRole('link', { name: /choose/i }))
    .first()
    .click();
  await expect(page.getByLabel('Environment name')).toBeVisible();
}

async function fillOwner(page: Page) {
  // OwnerPicker accepts a typed entity reference.
  await page.getByLabel('Owner').fill('group:default/ml-platform');
  await page.getByLabel('Owner').press('Tab');
}

const next = (page: Page) =>
  page.getByRole('button', { name: /^next/i }).click();

test('the EKS template shows a validation message for a name that is not a DNS label', async ({
  page,
}) => {
  await openEksTemplate(page);
  await page.getByLabel('Environment name').fill('Fraud_E2E ${var.x}');
  await page.getByLabel('Project').fill('fraud');
  await fillOwner(page);
  await next(page);
  await expect(page.getByText(/match pattern/i).first()).toBeVisible();
});

test('a team fills the EKS template and reaches the review step', async ({
  page,
}) => {
  await openEksTemplate(page);

  await page.getByLabel('Environment name').fill('fraud-e2e');
  await page.getByLabel('Project').fill('fraud');
  await fillOwner(page);
  await page.getByLabel('Description').fill('Fraud detection e2e');
  await next(page);

  await page.getByLabel('AWS account id').fill('123456789012');
  await page.getByLabel('Terraform state bucket').fill('acme-terraform-state');
  await next(page);

  await expect(page.getByLabel('Desired')).toBeVisible();
  await next(page);

  // RepoUrlPicker's fields are autocompletes: type, then leave the field so the value is kept.
  const repoOwner = page.getByLabel('Owner');
  await repoOwner.pressSequentially('acme');
  await repoOwner.press('Tab');
  const repository = page.getByLabel('Repository');
  await repository.pressSequentially('fraud-e2e');
  await repository.press('Tab');
  await page.getByRole('button', { name: /^(review|next)/i }).click();

  await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  await expect(page.getByText('fraud-e2e').first()).toBeVisible();
  await expect(page.getByText('10.40.0.0/16').first()).toBeVisible();
});
