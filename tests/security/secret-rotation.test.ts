import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '@/lib/domain/auth/actor';
import { resetEnvCache } from '@/lib/env';
import { openSecret, sealSecret } from '@/lib/services/secrets';
import { rotateSecretKey, sealedColumns } from '@/lib/services/secrets-rotation';
import { keyId, seal, sealedKeyId } from '@/lib/utils/secret-box';
import { setupTestDatabase } from '../helpers/db';

const t = setupTestDatabase();
const keyA = randomBytes(32);
const keyB = randomBytes(32);
const lost = randomBytes(32);
const robot = systemActor('rotate-secret-key');
const artist: Actor = { kind: 'user', userId: 'u1', email: 'ana@studio.example', name: 'Ana', roles: ['artist'] };
const PLAIN = Array.from({ length: 450 }, (_, i) => `anvil-password-${i}-${randomBytes(4).toString('hex')}`);

function useKeys(current: Buffer, old: Buffer[]) {
  process.env.STUDIO_SECRET_KEY = current.toString('base64');
  process.env.STUDIO_SECRET_KEYS_OLD = old.map((k) => k.toString('base64')).join(',');
  resetEnvCache();
}

async function sealedValues() {
  const sites = await t.db.site.findMany({ select: { name: true, anvilPasswordEnc: true }, orderBy: { name: 'asc' } });
  const hooks = await t.db.webhookSubscription.findMany({ select: { url: true, secretEnc: true } });
  return { sites, hooks };
}

beforeAll(async () => {
  useKeys(keyA, []);
  // More rows than one batch, so paging is exercised; one value under a key nobody has any more.
  await t.db.site.createMany({ data: PLAIN.map((p, i) => ({ region: `r-${String(i).padStart(3, '0')}`, name: `Site ${String(i).padStart(3, '0')}`, anvilPasswordEnc: sealSecret(p) })) });
  await t.db.site.create({ data: { region: 'zz-lost', name: 'Zz lost', anvilPasswordEnc: seal('unrecoverable', lost) } });
  await t.db.webhookSubscription.create({ data: { url: 'https://hooks.example/a', secretEnc: sealSecret('whsec-rotation-test'), events: ['assigned'] } });
});
afterAll(() => {
  delete process.env.STUDIO_SECRET_KEYS_OLD;
  resetEnvCache();
});

describe('secret key rotation', () => {
  it('finds every sealed column in the database by its *_enc name', async () => {
    const cols = (await sealedColumns()).map((c) => `${c.table}.${c.column}`);
    expect(cols).toEqual(expect.arrayContaining(['sites.anvil_password_enc', 'webhook_subscriptions.secret_enc']));
  });

  it('is refused to anyone but an admin or the rotation script', async () => {
    await expect(rotateSecretKey(artist, { apply: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('--check counts per key and changes nothing', async () => {
    useKeys(keyB, [keyA]);
    const before = await sealedValues();
    const reports = await rotateSecretKey(robot, { apply: false });
    const sites = reports.find((r) => r.column === 'anvil_password_enc')!;
    expect(sites.byKey).toEqual({ [keyId(keyA)]: PLAIN.length, [keyId(lost)]: 1 });
    expect(sites.resealed).toBe(PLAIN.length);
    expect(await sealedValues()).toEqual(before);
  });

  it('re-seals everything it can open under the new key, keeps every plaintext, and reports what it could not open', async () => {
    useKeys(keyB, [keyA]);
    const reports = await rotateSecretKey(robot, { apply: true });
    expect(reports.find((r) => r.column === 'anvil_password_enc')).toMatchObject({ resealed: PLAIN.length, unreadable: 1 });
    expect(reports.find((r) => r.column === 'secret_enc')).toMatchObject({ resealed: 1, unreadable: 0 });

    useKeys(keyB, []); // the retired key is gone: every rotated value must open with the new one alone
    const { sites, hooks } = await sealedValues();
    const readable = sites.filter((s) => s.name !== 'Zz lost');
    expect(readable.every((s) => sealedKeyId(s.anvilPasswordEnc!) === keyId(keyB))).toBe(true);
    expect(readable.map((s) => openSecret(s.anvilPasswordEnc!))).toEqual(PLAIN);
    expect(openSecret(hooks[0]!.secretEnc)).toBe('whsec-rotation-test');
    expect(sealedKeyId(sites.find((s) => s.name === 'Zz lost')!.anvilPasswordEnc!)).toBe(keyId(lost));
  });

  it('audits the rotation with counts and never a value', async () => {
    const row = await t.db.auditLog.findFirst({ where: { action: 'secrets.rotate' } });
    expect(row?.actorLabel).toBe('system:rotate-secret-key');
    const text = JSON.stringify({ ...row, id: String(row?.id) });
    expect(text).toContain('"resealed":450');
    expect(PLAIN.some((p) => text.includes(p)) || text.includes('whsec-rotation-test')).toBe(false);
  });

  it('is idempotent: a second run finds nothing left to re-seal', async () => {
    useKeys(keyB, [keyA]);
    const reports = await rotateSecretKey(robot, { apply: true });
    expect(reports.reduce((n, r) => n + r.resealed, 0)).toBe(0);
  });

  it('runs as scripts/rotate-secret-key.ts, printing counts per key and failing while a value cannot be opened', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/rotate-secret-key.ts', '--check'], {
      env: { ...process.env, DATABASE_URL: t.url, STUDIO_SECRET_KEY: keyB.toString('base64'), STUDIO_SECRET_KEYS_OLD: '', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('sites.anvil_password_enc'));
    expect(line).toContain(`${keyId(keyB)}:${PLAIN.length}`);
    expect(line).toContain(`${keyId(lost)}:1`);
    expect(line).toContain('would re-seal 0  unreadable 1');
    expect(run.stderr).toContain('1 values could not be opened');
    expect(run.status).toBe(1);
  });
});
