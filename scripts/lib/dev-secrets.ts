/** Development secrets, made once per checkout and kept in .data/ (never committed, never used in production). */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function devSecrets(dataDir: string): { AUTH_SECRET: string; STUDIO_SECRET_KEY: string } {
  const file = path.join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const secrets = { AUTH_SECRET: randomBytes(32).toString('base64url'), STUDIO_SECRET_KEY: randomBytes(32).toString('base64') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
