/**
 * Starts the local studio for the end-to-end run, in its own data folder, and tells the specs where the
 * simulators are (e2e/support/studio.ts reads it). Requires a production build (`next build`), which
 * `npm test` makes first.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { startStudio } from '../../scripts/lib/studio';

export const STUDIO_FILE = path.resolve('.data/e2e-studio.json');

export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL ?? 'http://127.0.0.1:3137';
  const dataDir = path.resolve('.data', `e2e-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const studio = await startStudio({
    dataDir,
    webPort: Number(new URL(baseURL).port),
    webMode: 'start',
    quiet: !process.env.E2E_VERBOSE,
    extraEnv: { RECONCILE_INTERVAL_SECONDS: '5', LOG_LEVEL: 'warn' },
  });
  writeFileSync(STUDIO_FILE, JSON.stringify({ databaseUrl: studio.databaseUrl, sim: studio.sim, dataDir }));
  return async () => {
    await studio.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
