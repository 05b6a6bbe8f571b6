import { expect, test, type Page } from '@playwright/test';
import { demoUser } from './support/fixtures';

// An admin writes an objective in the expression editor: a mistake is pointed at by line and column as
// it is typed, the fixed text is accepted by the home Anvil, the preview lists matching files; the
// objective is created, applied to the projects share at Studio West (the reconciler puts it on that
// Anvil), removed there after a confirmation, and deleted after typing its name. The seeded studio preset
// is already in place at the home site.
test.describe.configure({ mode: 'serial' });

async function signIn(page: Page, email: string): Promise<void> {
  const user = demoUser(email);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('current-user')).toHaveText(user.name);
}

const NAME = 'flame-clips-west';

test('write, validate, create, apply, remove and delete an objective', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin@studio.example');
  await page.goto('/objectives');
  await expect(page.getByTestId('preset-studio-open-clips-local').getByText('in place')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('objective-studio-open-clips-local')).toContainText('Studio East · projects · applied');

  await page.getByRole('link', { name: 'New objective' }).click();
  await page.getByLabel('Name').fill(NAME);
  const editor = page.getByLabel('Expression', { exact: true });
  await editor.fill('IF FNMATCH("*/flame/*.clip",PATH\n  THEN {SLO(\'place-on-local-volumes\')}');
  await expect(page.getByTestId('expression-problem').first()).toHaveText(/^Parser: line 2, column 3: expected \) to close the argument list of FNMATCH/);
  await expect(page.getByRole('button', { name: 'Create objective' })).toBeDisabled();

  await editor.fill('IF FNMATCH("*/flame/*.clip",PATH) THEN {SLO(\'no-such-objective\')}');
  await expect(page.getByTestId('expression-status')).toHaveText('Syntax OK');
  await expect(page.getByTestId('expression-problem')).toHaveText("Studio East's Anvil: line 1, column 45: Unknown objective 'no-such-objective' in SLO(...)");

  await editor.fill('IF FNMATCH("*/flame/*.clip",PATH) THEN {SLO(\'place-on-local-volumes\')}');
  await expect(page.getByTestId('anvil-verdict')).toHaveText("Studio East's Anvil accepts it.");
  await page.getByRole('button', { name: 'Preview matching files' }).click();
  await expect(page.getByRole('region', { name: 'Matching files' })).toContainText('FNMATCH("*/flame/*.clip", PATH)');

  await page.getByRole('button', { name: 'Create objective' }).click();
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();

  const apply = page.getByRole('form', { name: 'Apply to a share path' });
  await apply.getByLabel('Path inside the share').fill('/show');
  await apply.getByLabel(/Studio West/).check();
  await apply.getByRole('button', { name: 'Apply at the ticked sites' }).click();
  const west = page.getByTestId('application-us-west-2');
  await expect(west).toContainText('projects/show');
  await expect(west).toContainText('applied', { timeout: 30_000 });

  await west.getByRole('button', { name: 'Remove' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove from projects/show at Studio West?' });
  await expect(confirm).toContainText("unset from projects/show on Studio West's Anvil");
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(west).toBeHidden({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Delete objective' }).click();
  const del = page.getByRole('dialog', { name: `Delete ${NAME}?` });
  await expect(del.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await del.getByLabel('Confirmation').fill(NAME);
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/objectives$/);
  await expect(page.getByTestId(`objective-${NAME}`)).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('objective-studio-open-clips-local')).toBeVisible();
});
