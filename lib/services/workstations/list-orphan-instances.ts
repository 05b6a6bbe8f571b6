/** Orphan instances (tagged as ours, claimed by no workstation), for the admin to adopt or terminate. */
import { listOrphans } from '@/lib/db/orphans';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { TAG_WORKSTATION_ID } from '@/lib/domain/workstations/tags';
import type { OrphanView } from '@/lib/domain/workstations/views';

export async function listOrphanInstances(actor: Actor, siteId?: string): Promise<OrphanView[]> {
  requireRole(actor, 'admin');
  const rows = await listOrphans(siteId);
  return rows.map((o) => {
    const tags = (o.tags ?? {}) as Record<string, string>;
    return {
      id: o.id, instanceId: o.instanceId, site: o.site.name, region: o.site.region, instanceType: o.instanceType, state: o.state,
      name: tags.Name ?? null, claimedBy: tags[TAG_WORKSTATION_ID] ?? null, firstSeenAt: o.firstSeenAt.toISOString(), lastSeenAt: o.lastSeenAt.toISOString(),
    };
  });
}
