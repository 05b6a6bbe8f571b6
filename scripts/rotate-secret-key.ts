/**
 * `npx tsx scripts/rotate-secret-key.ts [--check]`: re-seals every secret at rest under STUDIO_SECRET_KEY.
 *
 * Rotation, start to finish:
 *   1. make a new key (`openssl rand -base64 32`); set it as STUDIO_SECRET_KEY and move the old one into
 *      STUDIO_SECRET_KEYS_OLD, on the web app and the workers; restart them. New secrets are sealed with
 *      the new key, old ones still open.
 *   2. run this script with the same environment. It prints, per sealed column, how many values each key
 *      sealed and how many it re-sealed, and exits 1 if any value could not be opened.
 *   3. when `--check` shows every value under the new key, remove the old key from STUDIO_SECRET_KEYS_OLD.
 */
import { systemActor } from '../lib/domain/auth/actor';
import { disconnectDb } from '../lib/db/client';
import { rotateSecretKey } from '../lib/services/secrets-rotation';

const check = process.argv.includes('--check');
if (!process.env.DATABASE_URL || !process.env.STUDIO_SECRET_KEY) {
  console.error('Set DATABASE_URL, STUDIO_SECRET_KEY (the new key) and STUDIO_SECRET_KEYS_OLD (the keys being retired).');
  process.exit(2);
}
try {
  const reports = await rotateSecretKey(systemActor('rotate-secret-key'), { apply: !check });
  for (const r of reports) {
    const keys = Object.entries(r.byKey).map(([id, n]) => `${id}:${n}`).join(' ') || 'empty';
    console.log(`${r.table}.${r.column}  keys ${keys}  ${check ? 'would re-seal' : 're-sealed'} ${r.resealed}  unreadable ${r.unreadable}`);
  }
  const unreadable = reports.reduce((n, r) => n + r.unreadable, 0);
  if (unreadable > 0) console.error(`${unreadable} values could not be opened with any configured key: keep their key in STUDIO_SECRET_KEYS_OLD.`);
  process.exitCode = unreadable > 0 ? 1 : 0;
} finally {
  await disconnectDb();
}
