/**
 * Sign-in rate limits, kept in PostgreSQL (sign_in_attempts) so that every web instance behind the load
 * balancer counts the same attempts:
 *
 * - per email (known or not): MAX_EMAIL_FAILURES failures since its last success within WINDOW_MINUTES
 *   lock it; an unknown email locks exactly like a real one, so the answers never reveal which exist;
 * - per client address: MAX_IP_FAILURES failures within WINDOW_MINUTES refuse every further attempt from
 *   it, whatever the account (password spraying across many accounts).
 *
 * An attempt is recorded BEFORE the password is compared and counts as a failure until settled, so a
 * burst of parallel guesses cannot all pass the check before the first failure is written.
 */
import { db } from '@/lib/db/client';

export const WINDOW_MINUTES = 15;
export const MAX_EMAIL_FAILURES = 5;
export const MAX_IP_FAILURES = 30;
const PRUNE_AFTER_MS = 24 * 60 * 60_000;

/** 'checking' and 'failed' count against the limits; the others do not. */
export type AttemptOutcome = 'checking' | 'failed' | 'ok' | 'refused' | 'disabled';
const COUNTED: AttemptOutcome[] = ['checking', 'failed'];

export type AttemptGate =
  | { id: bigint; refused: null; emailFailures: number }
  | { id: bigint; refused: 'locked' | 'rate-limited'; emailFailures: number };

/** The client's address: the right-most X-Forwarded-For entry, the one our own load balancer (or Next) added. */
export function clientAddress(headers: Headers | undefined): string {
  const forwarded = headers?.get('x-forwarded-for') ?? '';
  const last = forwarded.split(',').map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? headers?.get('x-real-ip') ?? 'unknown').replace(/^::ffff:/, '').slice(0, 64);
}

export async function beginAttempt(email: string, ip: string, now = new Date()): Promise<AttemptGate> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  await db().signInAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - PRUNE_AFTER_MS) } } });
  // Record-then-count under per-email and per-address locks (always in this order, so no deadlock):
  // parallel attempts see each other; only this short gate is serialised, never the bcrypt compare.
  const gate = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:email:${email}`}))::text`;
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`sign-in:ip:${ip}`}))::text`;
    const own = await tx.signInAttempt.create({ data: { email, ip, at: now }, select: { id: true } });
    const lastSuccess = await tx.signInAttempt.findFirst({
      where: { email, outcome: 'ok', at: { gte: since }, id: { lt: own.id } },
      orderBy: { id: 'desc' },
      select: { id: true },
    });
    const counted = { outcome: { in: COUNTED }, at: { gte: since } };
    const emailFailures = await tx.signInAttempt.count({ where: { ...counted, email, id: { lt: own.id, gt: lastSuccess?.id ?? 0n } } });
    const ipFailures = await tx.signInAttempt.count({ where: { ...counted, ip, id: { lt: own.id } } });
    const refused = ipFailures >= MAX_IP_FAILURES ? 'rate-limited' : emailFailures >= MAX_EMAIL_FAILURES ? 'locked' : null;
    if (refused) await tx.signInAttempt.update({ where: { id: own.id }, data: { outcome: 'refused' } });
    return { id: own.id, refused, emailFailures };
  });
  return gate as AttemptGate;
}

export async function settleAttempt(id: bigint, outcome: Exclude<AttemptOutcome, 'checking'>): Promise<void> {
  await db().signInAttempt.update({ where: { id }, data: { outcome } });
}
