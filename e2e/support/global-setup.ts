/**
 * Starts the local studio for the end-to-end run, in its own data folder, and tells the specs where the
 * simulators are (e2e/support/studio.ts reads it). Requires a production build (`next build`), which
 * `npm test` makes first. A real OpenID provider (e2e/support/oidc-provider.ts) runs beside it, and the
 * web app is configured to use it for single sign-on.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { startStudio } from '../../scripts/lib/studio';
import { SSO_ROLE_MAP, startOidcProvider } from './oidc-provider';

export const STUDIO_FILE = path.resolve('.data/e2e-studio.json');

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL ?? 'http://127.0.0.1:3137';
  const dataDir = path.resolve('.data', `e2e-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const idp = await startOidcProvider(baseURL);
  const sso = { AUTH_OIDC_ISSUER: idp.issuer, AUTH_OIDC_CLIENT_ID: idp.clientId, AUTH_OIDC_CLIENT_SECRET: idp.clientSecret, AUTH_OIDC_ROLE_MAP: SSO_ROLE_MAP };
  const studio = await startStudio({
    dataDir,
    webPort: Number(new URL(baseURL).port),
    webMode: 'start',
    quiet: !process.env.E2E_VERBOSE,
    extraEnv: { RECONCILE_INTERVAL_SECONDS: '5', LOG_LEVEL: 'warn', ...sso },
  }).catch(async (err: unknown) => {
    await idp.stop();
    throw err;
  });
  const info = JSON.stringify({ databaseUrl: studio.databaseUrl, sim: studio.sim, dataDir, sso });
  writeFileSync(STUDIO_FILE, info);
  // Two runs in one checkout overwrite STUDIO_FILE; this run's own copy is named in the environment,
  // which the worker processes inherit.
  const own = path.join(dataDir, 'studio.json');
  writeFileSync(own, info);
  process.env.E2E_STUDIO_FILE = own;
  return async () => {
    await studio.stop();
    await idp.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
