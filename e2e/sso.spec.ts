import { expect, test, type Page } from '@playwright/test';
import { SSO_USERS } from './support/oidc-provider';
import { query, studioInfo } from './support/studio-info';

/** Through the IdP's own pages: our sign-in button → its login form → its consent page → back to us. */
async function signInWithSso(page: Page, accountId: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Continue with Studio SSO' }).click();
  await expect(page).toHaveURL(new RegExp(`^${studioInfo().sso.AUTH_OIDC_ISSUER}/interaction/`));
  await page.locator('input[name="login"]').fill(accountId);
  await page.locator('input[name="password"]').fill('typed-at-the-idp');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click(); // consent: share profile and email
}

test.describe('single sign-on against a real OpenID provider', () => {
  test('an IdP user in the IT group lands on the admin home with the admin navigation', async ({ page }) => {
    await signInWithSso(page, 'it-lead');
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByTestId('current-user')).toHaveText(SSO_USERS['it-lead']!.name);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Audit' })).toBeVisible();
    const [user] = await query<{ roles: string }>('SELECT roles::text FROM users WHERE email = $1', [SSO_USERS['it-lead']!.email]);
    expect(user?.roles).toBe('{admin}');
  });

  test('an IdP user in the artists group lands on their own page and sees nothing else', async ({ page }) => {
    await signInWithSso(page, 'comp-artist');
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['My shots']);
    expect((await page.goto('/audit'))?.status()).toBe(403);
  });

  test('a producer keeps one account across sign-ins, linked to the IdP subject', async ({ page, context }) => {
    await signInWithSso(page, 'line-producer');
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Overview', 'Shots']);
    // Drop our session only: the IdP remembers the login and the consent, so it answers at once.
    await context.clearCookies({ name: /authjs/ });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Continue with Studio SSO' }).click();
    await expect(page).toHaveURL(/\/overview$/);
    const rows = await query<{ provider: string; provider_account_id: string }>(
      'SELECT a.provider, a.provider_account_id FROM accounts a JOIN users u ON u.id = a.user_id WHERE u.email = $1',
      [SSO_USERS['line-producer']!.email],
    );
    expect(rows).toEqual([{ provider: 'oidc', provider_account_id: 'line-producer' }]);
  });

  test('a user whose groups map to no role is refused, told why, and gets no account or session', async ({ page }) => {
    await signInWithSso(page, 'marketing-intern');
    await expect(page).toHaveURL(/\/sign-in\?error=SsoNoRole$/);
    await expect(page.getByTestId('sso-error')).toContainText('in no group that has access to this studio');
    await page.goto('/overview');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Foverview/);
    const email = SSO_USERS['marketing-intern']!.email;
    expect(await query('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
    const audit = await query<{ action: string }>('SELECT action FROM audit_log WHERE actor_label = $1', [email]);
    expect(audit.map((a) => a.action)).toContain('user.sign-in-refused');
  });
});
