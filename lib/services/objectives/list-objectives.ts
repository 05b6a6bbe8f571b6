import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';

/** Objectives with where each is applied (share path × site) and the state of that application. */
export async function listObjectives(actor: Actor) {
  requireRole(actor, 'admin');
  const rows = await db().objective.findMany({
    orderBy: { name: 'asc' },
    include: { applications: { include: { site: { select: { name: true } }, share: { select: { name: true } } } } },
  });
  return rows.map((o) => ({
    id: o.id, name: o.name, expression: o.expression, description: o.description, preset: o.preset,
    applications: o.applications.map((a) => ({ id: a.id, site: a.site.name, share: a.share.name, path: a.path, state: a.state, lastError: a.lastError })),
  }));
}
