import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code (lib/**, sim/**); integration tests live in tests/.
// Playwright specs (e2e/) are run by Playwright, never by vitest.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'sim/**/*.test.ts', 'workers/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.data/**', '.next/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
