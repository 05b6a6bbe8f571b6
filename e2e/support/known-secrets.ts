/**
 * Every secret value the running e2e studio holds, by label: what must never reach a browser. Plain
 * values (simulator passwords and keys, the app's own keys, the SSO client secret, webhook signing
 * secrets, demo passwords) and their stored forms (sealed ciphertexts, password hashes).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_USERS } from '../../scripts/seed/demo-users';
import { decodeKey, open } from '../../lib/utils/secret-box';
import { query, studioInfo } from './studio-info';

export type Secret = { label: string; value: string };

export function appKeys(): { AUTH_SECRET: string; STUDIO_SECRET_KEY: string } {
  return JSON.parse(readFileSync(path.join(studioInfo().dataDir, 'dev-secrets.json'), 'utf8')) as { AUTH_SECRET: string; STUDIO_SECRET_KEY: string };
}

/** Plaintext secrets only: these must not be stored unsealed either. */
export async function plaintextSecrets(): Promise<Secret[]> {
  const info = studioInfo();
  const keys = appKeys();
  const out: Secret[] = [
    { label: 'AWS secret access key', value: info.sim.aws.secretAccessKey },
    { label: 'AUTH_SECRET', value: keys.AUTH_SECRET },
    { label: 'STUDIO_SECRET_KEY', value: keys.STUDIO_SECRET_KEY },
    { label: 'OIDC client secret', value: info.sso.AUTH_OIDC_CLIENT_SECRET },
  ];
  for (const [region, anvil] of Object.entries(info.sim.anvils) as [string, { password: string; viewerPassword?: string }][]) {
    out.push({ label: `Anvil password (${region})`, value: anvil.password });
    if (anvil.viewerPassword) out.push({ label: `Anvil viewer password (${region})`, value: anvil.viewerPassword });
  }
  const key = decodeKey(keys.STUDIO_SECRET_KEY);
  for (const hook of await query<{ id: string; secret_enc: string }>('SELECT id, secret_enc FROM webhook_subscriptions')) {
    out.push({ label: `webhook secret ${hook.id}`, value: open(hook.secret_enc, [key]) });
  }
  return out;
}

export async function allSecrets(): Promise<Secret[]> {
  const out = await plaintextSecrets();
  for (const u of DEMO_USERS) out.push({ label: `demo password of ${u.email}`, value: u.password });
  for (const s of await query<{ region: string; anvil_password_enc: string }>('SELECT region, anvil_password_enc FROM sites WHERE anvil_password_enc IS NOT NULL')) {
    out.push({ label: `sealed Anvil password (${s.region})`, value: s.anvil_password_enc });
  }
  for (const u of await query<{ email: string; password_hash: string }>('SELECT email, password_hash FROM users WHERE password_hash IS NOT NULL')) {
    out.push({ label: `password hash of ${u.email}`, value: u.password_hash });
  }
  return out.filter((s) => s.value && s.value.length >= 8);
}

/** The labels of the secrets found in `text` (empty: none leaked). */
export function leaks(text: string, secrets: Secret[]): string[] {
  return secrets.filter((s) => text.includes(s.value)).map((s) => s.label);
}
