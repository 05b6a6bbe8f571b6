import bcrypt from 'bcryptjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_EMAIL_FAILURES, MAX_IP_FAILURES, WINDOW_MINUTES } from '@/lib/services/auth/sign-in-limits';
import { verifyPasswordSignIn } from '@/lib/services/auth/verify-password-sign-in';
import { setupTestDatabase } from '../helpers/db';

const t = setupTestDatabase();
const PASSWORD = 'correct horse battery staple';
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

async function createUser(email: string) {
  await t.db.user.create({ data: { email, name: email, roles: ['artist'], passwordHash: bcrypt.hashSync(PASSWORD, 4) } });
}

async function answers(email: string, ip: string, count: number, now: Date) {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await verifyPasswordSignIn({ email, password: `guess-${i}` }, { ip, now });
    out.push(r.ok ? 'ok' : r.reason);
  }
  return out;
}

describe('password sign-in limits (per email and per client address, in PostgreSQL)', () => {
  beforeAll(async () => {
    await createUser('real@studio.example');
    await createUser('victim@studio.example');
    await createUser('sprayed@studio.example');
  });

  it('answers a real and an unknown email identically, locking both after the same number of failures', async () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const real = await answers('real@studio.example', '10.0.0.1', MAX_EMAIL_FAILURES + 1, now);
    const unknown = await answers('nobody@studio.example', '10.0.0.2', MAX_EMAIL_FAILURES + 1, now);
    expect(real).toEqual([...Array(MAX_EMAIL_FAILURES - 1).fill('invalid'), 'locked', 'locked']);
    expect(unknown).toEqual(real);
  });

  it('refuses even the right password while locked, and accepts it once the window has passed', async () => {
    const now = new Date('2026-11-25T11:00:00Z');
    await answers('victim@studio.example', '10.0.0.3', MAX_EMAIL_FAILURES, now);
    const during = await verifyPasswordSignIn({ email: 'victim@studio.example', password: PASSWORD }, { ip: '10.0.0.4', now: minutes(now, 1) });
    expect(during).toEqual({ ok: false, reason: 'locked' });
    // The account lock (users.locked_until) and the attempt window both last WINDOW_MINUTES.
    const after = await verifyPasswordSignIn({ email: 'victim@studio.example', password: PASSWORD }, { ip: '10.0.0.4', now: minutes(now, WINDOW_MINUTES + 1) });
    expect(after.ok).toBe(true);
  });

  it('stops one address that sprays many accounts, without stopping anyone else', async () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const hash = bcrypt.hashSync('not-a-guess', 4); // cheap hashes: the limit is under test, not bcrypt
    await t.db.user.createMany({ data: Array.from({ length: MAX_IP_FAILURES }, (_, i) => ({ email: `spray-${i}@studio.example`, name: `S${i}`, roles: ['artist' as const], passwordHash: hash })) });
    for (let i = 0; i < MAX_IP_FAILURES; i++) {
      await verifyPasswordSignIn({ email: `spray-${i}@studio.example`, password: 'Winter2026!' }, { ip: '203.0.113.9', now });
    }
    const fromAttacker = await verifyPasswordSignIn({ email: 'sprayed@studio.example', password: PASSWORD }, { ip: '203.0.113.9', now });
    expect(fromAttacker).toEqual({ ok: false, reason: 'rate-limited' });
    const fromOffice = await verifyPasswordSignIn({ email: 'sprayed@studio.example', password: PASSWORD }, { ip: '198.51.100.7', now });
    expect(fromOffice.ok).toBe(true);
  }, 60_000);

  it('lets no more than the limit of parallel guesses reach the password check', async () => {
    await createUser('burst@studio.example');
    const now = new Date('2026-11-25T13:00:00Z');
    const burst = await Promise.all(
      Array.from({ length: 25 }, (_, i) => verifyPasswordSignIn({ email: 'burst@studio.example', password: `parallel-${i}` }, { ip: `192.0.2.${i}`, now })),
    );
    const checked = await t.db.signInAttempt.count({ where: { email: 'burst@studio.example', outcome: 'failed' } });
    expect(checked).toBe(MAX_EMAIL_FAILURES);
    expect(burst.every((r) => !r.ok)).toBe(true);
  });

  it('audits a wrong password on a real account with the client address', async () => {
    await createUser('audited@studio.example');
    await verifyPasswordSignIn({ email: 'audited@studio.example', password: 'nope' }, { ip: '10.9.8.7' });
    const row = await t.db.auditLog.findFirst({ where: { actorLabel: 'audited@studio.example', action: 'user.sign-in-failed' } });
    expect(row?.data).toEqual({ ip: '10.9.8.7' });
  });
});
