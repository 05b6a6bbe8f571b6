/**
 * Email + password sign-in for local and demo users. Three limits apply, all across web instances:
 * per-client-address and per-email rate limits (sign-in-limits.ts, which also covers unknown emails),
 * and the account lock: after MAX_FAILURES in a row the account is locked for LOCK_MINUTES. Every outcome
 * on a real account is audited. The answers never reveal whether an email exists.
 */
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findUserByEmail, recordFailedSignIn, recordSuccessfulSignIn } from '@/lib/db/users';
import { writeAudit } from '@/lib/db/audit';
import { env } from '@/lib/env';
import { beginAttempt, MAX_EMAIL_FAILURES, settleAttempt } from './sign-in-limits';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export const ZPasswordSignIn = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address').max(320),
  password: z.string().min(1, 'Enter your password').max(512),
});

export type SignInRefusal = 'invalid' | 'locked' | 'rate-limited' | 'disabled' | 'password-sign-in-off';
export type SignInOutcome = { ok: true; user: { id: string; email: string; name: string } } | { ok: false; reason: SignInRefusal };

// Compared against when the email is unknown, so timing does not reveal which emails exist.
const DUMMY_HASH = '$2b$10$nAhZpLlLz43qlkl4tif4iOUtIAGRB.SDs092wezHVCIoKMRSjgYFK';

export async function verifyPasswordSignIn(input: unknown, opts: { ip?: string; now?: Date } = {}): Promise<SignInOutcome> {
  if (!env().AUTH_PASSWORD_SIGNIN) return { ok: false, reason: 'password-sign-in-off' };
  const parsed = ZPasswordSignIn.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const now = opts.now ?? new Date();
  const gate = await beginAttempt(email, opts.ip ?? 'unknown', now);
  if (gate.refused) return { ok: false, reason: gate.refused };
  // The failure being recorded now is the one that reaches the limit: say "locked" at once, for any email.
  const failed = async (): Promise<SignInOutcome> => {
    await settleAttempt(gate.id, 'failed');
    return { ok: false, reason: gate.emailFailures + 1 >= MAX_EMAIL_FAILURES ? 'locked' : 'invalid' };
  };

  const user = await findUserByEmail(email);
  if (!user || !user.passwordHash) {
    await bcrypt.compare(password, DUMMY_HASH);
    return failed();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await settleAttempt(gate.id, 'refused');
    return { ok: false, reason: 'locked' };
  }

  const actor = { actorId: user.id, actorLabel: user.email, entityType: 'user', entityId: user.id };
  if (!(await bcrypt.compare(password, user.passwordHash))) {
    const failures = user.failedSignIns + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db().$transaction(async (tx) => {
      await recordFailedSignIn(user.id, lockedUntil, tx);
      await writeAudit(tx, { ...actor, action: lockedUntil ? 'user.locked' : 'user.sign-in-failed', summary: lockedUntil ? `Locked after ${failures} failed sign-ins` : 'Wrong password', data: { ip: opts.ip ?? 'unknown' } });
    });
    const outcome = await failed();
    return lockedUntil ? { ok: false, reason: 'locked' } : outcome;
  }
  // Only someone who knows the password learns that the account is disabled.
  if (user.disabled) {
    await settleAttempt(gate.id, 'disabled');
    return { ok: false, reason: 'disabled' };
  }
  await db().$transaction(async (tx) => {
    await recordSuccessfulSignIn(user.id, tx);
    await writeAudit(tx, { ...actor, action: 'user.sign-in', summary: 'Signed in with password', data: { ip: opts.ip ?? 'unknown' } });
  });
  await settleAttempt(gate.id, 'ok');
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
