/**
 * Maps the identity provider's groups to our roles at every single sign-on, so that a studio manages
 * access in one place. AUTH_OIDC_ROLE_MAP reads "group=role,group=role"; unmapped users get no role and
 * see nothing until an admin grants one.
 */
import { db } from '@/lib/db/client';
import { writeAudit } from '@/lib/db/audit';
import { ROLES, type Role } from '@/lib/domain/auth/actor';
import { env } from '@/lib/env';

export function parseRoleMap(spec: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [group, role] = pair.split('=').map((s) => s.trim());
    if (group && role && (ROLES as readonly string[]).includes(role)) map.set(group, role as Role);
  }
  return map;
}

export function rolesFromClaims(claims: Record<string, unknown>, claimName: string, map: Map<string, Role>): Role[] {
  const raw = claims[claimName];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  return [...new Set(groups.map((g) => map.get(g)).filter((r): r is Role => !!r))].sort();
}

export async function syncOidcRoles(userId: string, claims: Record<string, unknown>): Promise<Role[]> {
  const e = env();
  const roles = rolesFromClaims(claims, e.AUTH_OIDC_GROUPS_CLAIM, parseRoleMap(e.AUTH_OIDC_ROLE_MAP));
  await db().$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { roles } });
    await writeAudit(tx, { actorId: user.id, actorLabel: user.email, action: 'user.sign-in', entityType: 'user', entityId: user.id, summary: `Signed in with single sign-on; roles ${roles.join(', ') || 'none'}`, data: { roles } });
  });
  return roles;
}
