import { test, expect, Page } from '@playwright/test';

async function openTemplate(page: Page) {
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
    .getByText('ML environment', { exact: true })
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
  await openTemplate(page);
  await page.getByLabel('Environment name').fill('Fraud_E2E ${var.x}');
  await page.getByLabel('Project').fill('fraud');
  await fillOwner(page);
  await next(page);
  await expect(page.getByText(/match pattern/i).first()).toBeVisible();
});

test('a team fills the EKS template and reaches the review step', async ({
  page,
}) => {
  await openTemplate(page);

  // EKS is the default shape; its tier and GPU sizing join the first page.
  await expect(page.getByLabel(/^EKS:/)).toBeChecked();
  await expect(page.getByLabel('GPU nodes desired')).toBeVisible();
  await page.getByLabel('Environment name').fill('fraud-e2e');
  await page.getByLabel('Project').fill('fraud');
  await fillOwner(page);
  await page.getByLabel('Description').fill('Fraud detection e2e');
  await page.getByLabel('GPU nodes desired').fill('1');
  await next(page);

  await page.getByLabel('AWS account id').fill('123456789012');
  await page.getByLabel('Terraform state bucket').fill('acme-terraform-state');
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

test('choosing k3s swaps the EKS tier for a size and asks for the admin range', async ({
  page,
}) => {
  await openTemplate(page);
  await page.getByLabel(/^k3s on one EC2 host/).check();
  await expect(page.getByLabel('GPU nodes desired')).toHaveCount(0);
  // The size select shows its default, small.
  await expect(
    page.getByRole('button', { name: /^Size small: k3s t3\.medium/ }),
  ).toBeVisible();
  await page.getByLabel('Environment name').fill('fraud-k3s');
  await page.getByLabel('Project').fill('fraud');
  await fillOwner(page);
  await next(page);

  await page.getByLabel('AWS account id').fill('123456789012');
  await page.getByLabel('Terraform state bucket').fill('acme-terraform-state');
  await expect(page.getByLabel('Domain name')).toHaveCount(0);
  // k3s needs the admin range: the field is required and the browser keeps
  // the form on this page ("Please fill out this field") until it is given.
  const admin = page.getByLabel('Admin CIDR');
  await expect(admin).toHaveAttribute('required', '');
  await next(page);
  expect(
    await admin.evaluate(el => (el as HTMLInputElement).validity.valueMissing),
  ).toBe(true);
  await expect(page.getByLabel('Repository')).toHaveCount(0);
  await page.getByLabel('Admin CIDR').fill('203.0.113.0/24');
  await next(page);
  await expect(page.getByLabel('Repository')).toBeVisible();
});
