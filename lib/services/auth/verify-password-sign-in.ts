/**
 * Email + password sign-in for local and demo users. Failures are counted; after MAX_FAILURES in a row the
 * account is locked for LOCK_MINUTES, so a password cannot be guessed online. Every outcome is audited.
 */
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { findUserByEmail, recordFailedSignIn, recordSuccessfulSignIn } from '@/lib/db/users';
import { writeAudit } from '@/lib/db/audit';
import { env } from '@/lib/env';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export const ZPasswordSignIn = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address'),
  password: z.string().min(1, 'Enter your password').max(512),
});

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled' | 'password-sign-in-off' };

// Compared against when the email is unknown, so timing does not reveal which emails exist.
const DUMMY_HASH = '$2b$10$nAhZpLlLz43qlkl4tif4iOUtIAGRB.SDs092wezHVCIoKMRSjgYFK';

export async function verifyPasswordSignIn(input: unknown, now = new Date()): Promise<SignInOutcome> {
  if (!env().AUTH_PASSWORD_SIGNIN) return { ok: false, reason: 'password-sign-in-off' };
  const parsed = ZPasswordSignIn.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const user = await findUserByEmail(email);
  if (!user || !user.passwordHash) {
    await bcrypt.compare(password, DUMMY_HASH);
    return { ok: false, reason: 'invalid' };
  }
  if (user.disabled) return { ok: false, reason: 'disabled' };
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked' };

  const actor = { actorId: user.id, actorLabel: user.email, entityType: 'user', entityId: user.id };
  if (!(await bcrypt.compare(password, user.passwordHash))) {
    const failures = user.failedSignIns + 1;
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db().$transaction(async (tx) => {
      await recordFailedSignIn(user.id, lockedUntil, tx);
      await writeAudit(tx, { ...actor, action: lockedUntil ? 'user.locked' : 'user.sign-in-failed', summary: lockedUntil ? `Locked after ${failures} failed sign-ins` : 'Wrong password' });
    });
    return { ok: false, reason: lockedUntil ? 'locked' : 'invalid' };
  }
  await db().$transaction(async (tx) => {
    await recordSuccessfulSignIn(user.id, tx);
    await writeAudit(tx, { ...actor, action: 'user.sign-in', summary: 'Signed in with password' });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
