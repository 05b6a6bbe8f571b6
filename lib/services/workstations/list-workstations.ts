import { z } from 'zod';
import { db } from '@/lib/db/client';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';

export const ZWorkstationFilter = z.object({
  siteId: z.string().optional(),
  state: z.string().optional(),
  artistId: z.string().optional(),
  includeTerminated: z.boolean().default(false),
});

/** The admin's workstation table, filtered server-side. */
export async function listWorkstations(actor: Actor, filter: z.input<typeof ZWorkstationFilter> = {}) {
  requireRole(actor, 'admin');
  const f = ZWorkstationFilter.parse(filter);
  const rows = await db().workstation.findMany({
    where: {
      siteId: f.siteId || undefined,
      observedState: f.state || undefined,
      artistId: f.artistId || undefined,
      desiredState: f.includeTerminated ? undefined : { not: 'terminated' },
    },
    orderBy: [{ site: { name: 'asc' } }, { name: 'asc' }],
    include: { site: { select: { name: true, region: true } }, artist: { select: { name: true, email: true } } },
  });
  return rows.map((w) => ({
    id: w.id, name: w.name, site: w.site.name, region: w.site.region, instanceType: w.instanceType, desiredState: w.desiredState,
    observedState: w.lost ? 'lost' : w.observedState, instanceId: w.instanceId, artist: w.artist?.name ?? null,
    lastError: w.lastError, lastErrorCode: w.lastErrorCode, updatedAt: w.updatedAt.toISOString(),
  }));
}
