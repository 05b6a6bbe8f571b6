/**
 * Maps the identity provider's groups (or any claims) to our roles at every single sign-on, so that a
 * studio manages access in one place, its IdP.
 *
 * - AUTH_OIDC_GROUPS_CLAIM names the claims whose values are matched: one or more comma-separated claim
 *   paths, dotted for nested claims (`groups`, `realm_access.roles`, `groups,department`). A claim may
 *   hold a list or a space/comma-separated string.
 * - AUTH_OIDC_ROLE_MAP reads "value=role,value=role"; a value may grant several roles.
 *
 * Someone whose claims map to no role is refused at the callback (auth-config.ts sends them back to the
 * sign-in page with an explanation): no account is created for them, and an existing SSO account loses
 * its roles at once, so its open sessions see nothing from the next request on.
 */
import { db } from '@/lib/db/client';
import { writeAudit } from '@/lib/db/audit';
import { ROLES, type Role } from '@/lib/domain/auth/actor';
import { env } from '@/lib/env';

export function parseRoleMap(spec: string): Map<string, Role[]> {
  const map = new Map<string, Role[]>();
  for (const pair of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const value = pair.slice(0, at).trim();
    const role = pair.slice(at + 1).trim();
    if (at > 0 && value && (ROLES as readonly string[]).includes(role)) map.set(value, [...(map.get(value) ?? []), role as Role]);
  }
  return map;
}

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), claims);
}

export function claimValues(claims: Record<string, unknown>, claimPaths: string): string[] {
  return claimPaths.split(',').map((p) => p.trim()).filter(Boolean).flatMap((path) => {
    const raw = claimAt(claims, path);
    if (Array.isArray(raw)) return raw.map(String);
    return typeof raw === 'string' ? raw.split(/[\s,]+/).filter(Boolean) : [];
  });
}

export function rolesFromClaims(claims: Record<string, unknown>, claimPaths: string, map: Map<string, Role[]>): Role[] {
  return [...new Set(claimValues(claims, claimPaths).flatMap((v) => map.get(v) ?? []))].sort();
}

/** The roles the configured mapping gives these claims (empty: refuse the sign-in). */
export function rolesForClaims(claims: Record<string, unknown>): Role[] {
  const e = env();
  return rolesFromClaims(claims, e.AUTH_OIDC_GROUPS_CLAIM, parseRoleMap(e.AUTH_OIDC_ROLE_MAP));
}

export async function syncOidcRoles(userId: string, claims: Record<string, unknown>): Promise<Role[]> {
  const roles = rolesForClaims(claims);
  await db().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { roles } });
    await writeAudit(tx, { actorId: user.id, actorLabel: user.email, action: 'user.sign-in', entityType: 'user', entityId: user.id, summary: `Signed in with single sign-on; roles ${roles.join(', ') || 'none'}`, data: { roles, via: 'oidc' } });
  });
  return roles;
}

/**
 * A single sign-on with no mapped role: audited, and an existing account linked to this IdP identity
 * (found by the caller through the Auth.js adapter) loses its roles.
 */
export async function refuseUnmappedSignIn(claims: Record<string, unknown>, existingUserId: string | null): Promise<void> {
  const label = typeof claims.email === 'string' ? claims.email : `sso:${String(claims.sub ?? 'unknown')}`;
  const groups = claimValues(claims, env().AUTH_OIDC_GROUPS_CLAIM).slice(0, 50);
  await db().$transaction(async (tx) => {
    const user = existingUserId ? await tx.user.findUnique({ where: { id: existingUserId }, select: { id: true } }) : null;
    if (user) await tx.user.update({ where: { id: user.id }, data: { roles: [] } });
    await writeAudit(tx, { actorId: user?.id ?? null, actorLabel: label, action: 'user.sign-in-refused', entityType: 'user', entityId: user?.id ?? null, summary: 'Single sign-on refused: no group maps to a role here', data: { groups } });
  });
}
