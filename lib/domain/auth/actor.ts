/**
 * Who is acting, and the one authorization check every service uses. Pure: the caller resolves the actor
 * (from the session, or a worker's system identity) and passes it in.
 */
import { AppError } from '@/lib/errors';

export const ROLES = ['admin', 'producer', 'artist'] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { kind: 'user'; userId: string; email: string; name: string; roles: Role[] }
  | { kind: 'system'; label: string; roles: Role[] };

export function systemActor(label: string): Actor {
  return { kind: 'system', label: `system:${label}`, roles: ['admin'] };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? actor.email : actor.label;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function hasRole(actor: Actor | null | undefined, ...roles: Role[]): boolean {
  return !!actor && actor.roles.some((r) => roles.includes(r));
}

/** Throws FORBIDDEN unless the actor holds one of the roles; UNAUTHENTICATED when there is no actor. */
export function requireRole(actor: Actor | null | undefined, ...roles: Role[]): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  if (!hasRole(actor, ...roles)) {
    throw new AppError('FORBIDDEN', `This needs the ${roles.join(' or ')} role.`);
  }
  return actor;
}

/** Where each role starts: admins and producers the Overview, artists their own page. */
export function homePath(roles: readonly Role[]): string {
  if (roles.includes('admin') || roles.includes('producer')) return '/overview';
  return '/me';
}
