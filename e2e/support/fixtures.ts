/** Shared helpers for the specs: sign in as a demo user through the real sign-in form. */
import { expect, type Page } from '@playwright/test';
import { DEMO_USERS } from '../../scripts/seed/demo-users';

export function demoUser(email: string) {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  return user;
}

export async function signIn(page: Page, email: string): Promise<void> {
  const user = demoUser(email);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.name);
}
