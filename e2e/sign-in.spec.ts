import { expect, test } from '@playwright/test';
import { signIn } from './support/fixtures';

test.describe('signing in lands each role on its home with its navigation', () => {
  test('admin sees every console section', async ({ page }) => {
    await signIn(page, 'admin@studio.example');
    await expect(page).toHaveURL(/\/overview$/);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Overview', 'Regions', 'Workstations', 'Shots', 'Objectives', 'Replication', 'Audit']) {
      await expect(nav.getByRole('link', { name: label })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: 'Studio East', exact: true })).toBeVisible();
  });

  test('producer sees Overview and Shots only', async ({ page }) => {
    await signIn(page, 'producer@studio.example');
    await expect(page).toHaveURL(/\/overview$/);
    const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    await expect(links).toHaveText(['Overview', 'Shots']);
  });

  test('artist lands on their own page and sees nothing else', async ({ page }) => {
    await signIn(page, 'ana@studio.example');
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['My shots']);
    await expect(page.getByRole('heading', { name: 'Hello, Ana' })).toBeVisible();
  });

  test('an artist gets 403 on an admin page', async ({ page }) => {
    await signIn(page, 'ana@studio.example');
    const response = await page.goto('/workstations');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  });

  test('a wrong password is refused with a clear message and nothing else happens', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('producer@studio.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText('That email and password do not match an account.');
    await expect(page.getByLabel('Email')).toHaveValue('producer@studio.example');
  });

  test('an anonymous visitor is sent to sign in', async ({ page }) => {
    await page.goto('/regions');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fregions/);
  });
});
