// Lint, including the layer boundaries of docs/architecture.md. A boundary broken here is a
// design bug, not a style nit: the rule names the layer that may not be imported.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';

// Aliased, absolute and relative spellings of a layer (`@/lib/db`, `../db/client`, `../../lib/db`).
const layer = (names) =>
  names.flatMap((n) => {
    const short = n.startsWith('lib/') ? n.slice(4) : null;
    const relative = short ? ['..', '../..', '../../..'].flatMap((up) => [`${up}/${short}`, `${up}/${short}/*`]) : [];
    return [`@/${n}`, `@/${n}/*`, `**/${n}`, `**/${n}/*`, ...relative];
  });

const restrict = (entries) => ({
  'no-restricted-imports': [
    'error',
    { patterns: entries.map(([names, message]) => ({ group: layer(names), message })) },
  ],
});

const SIM = [['sim'], 'sim/ is a standalone simulator: product code talks to it over HTTP only.'];
const DB = [['lib/db'], 'Only lib/services (and lib/db itself) may touch the database.'];
const ADAPTERS = [['lib/adapters'], 'Only lib/services talk to vendors (lib/adapters).'];
const SERVICES = [['lib/services'], 'This layer may not call use cases (lib/services).'];
const JOBS = [['lib/jobs'], 'Only lib/services and workers enqueue jobs (lib/jobs).'];
const APP = [['app'], 'Nothing imports app/.'];
const WORKERS = [['workers'], 'Nothing imports workers/.'];
const ENV = [['lib/env'], 'lib/env is server-only configuration; pure code takes values as arguments.'];

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', '.data/**', 'lib/db/generated/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['app/**'], rules: restrict([SIM, DB, ADAPTERS, JOBS, WORKERS]) },
  { files: ['components/**'], rules: restrict([SIM, DB, ADAPTERS, JOBS, SERVICES, APP, WORKERS, ENV]) },
  { files: ['lib/domain/**'], rules: restrict([SIM, DB, ADAPTERS, JOBS, SERVICES, APP, WORKERS, ENV]) },
  { files: ['lib/db/**'], rules: restrict([SIM, ADAPTERS, SERVICES, APP, WORKERS]) },
  { files: ['lib/adapters/**'], rules: restrict([SIM, DB, SERVICES, JOBS, APP, WORKERS]) },
  { files: ['lib/services/**', 'lib/jobs/**'], rules: restrict([SIM, APP, WORKERS]) },
  { files: ['lib/errors/**', 'lib/utils/**', 'lib/logger/**', 'lib/schemas/**'], rules: restrict([SIM, DB, ADAPTERS, JOBS, SERVICES, APP, WORKERS]) },
  { files: ['workers/**'], rules: restrict([SIM, APP]) },
  { files: ['sim/**'], rules: { ...restrict([[['lib'], 'sim/ stands alone: it imports nothing from lib/.'], [['app'], 'sim/ stands alone.'], [['workers'], 'sim/ stands alone.']]), 'no-console': 'off' } },
  { files: ['scripts/**', 'bench/**', 'tests/**', 'e2e/**'], rules: { 'no-console': 'off' } },
);
