/**
 * Generates the Prisma client into lib/db/generated. Prisma's CLI insists on locating its native schema
 * engine even for `generate`, which never runs it; that binary is only downloadable from Prisma's host, so
 * we point the CLI at an existing file (it is not executed) when none is configured.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync('/bin/false') ? '/bin/false' : process.execPath;

const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
