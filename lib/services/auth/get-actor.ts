/**
 * Resolves the acting user from a session's user id, fresh from the database on every request: a role
 * removed or an account disabled takes effect at once, not when the session cookie expires.
 */
import { findUserById } from '@/lib/db/users';
import type { Actor, Role } from '@/lib/domain/auth/actor';

export async function getActor(userId: string | null | undefined): Promise<(Actor & { kind: 'user'; timeZone: string | null }) | null> {
  if (!userId) return null;
  const user = await findUserById(userId);
  if (!user || user.disabled) return null;
  return { kind: 'user', userId: user.id, email: user.email, name: user.name, roles: user.roles as Role[], timeZone: user.timeZone };
}
