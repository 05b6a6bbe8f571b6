/**
 * One workstation with its event history and DCV links, for the detail drawer. Admins see any; an artist
 * only their own (anyone else's is "not found", so its existence is not revealed).
 */
import { z } from 'zod';
import { priceMap } from '@/lib/db/launch-profiles';
import { findWorkstationDetail } from '@/lib/db/workstations';
import { hasRole, requireRole, type Actor } from '@/lib/domain/auth/actor';
import type { WorkstationDetailView } from '@/lib/domain/workstations/views';
import { AppError } from '@/lib/errors';
import { linksFor, rowView } from './workstation-views';

export const ZWorkstationId = z.object({ id: z.string().min(1).max(100) });

export async function getWorkstationDetail(actor: Actor, input: z.infer<typeof ZWorkstationId>): Promise<WorkstationDetailView> {
  requireRole(actor, 'admin', 'artist');
  const { id } = ZWorkstationId.parse(input);
  const w = await findWorkstationDetail(id);
  const mine = actor.kind === 'user' && w?.artistId === actor.userId;
  if (!w || (!hasRole(actor, 'admin') && !mine)) throw new AppError('NOT_FOUND', 'That workstation does not exist.');
  const prices = await priceMap();
  return {
    ...rowView(w, prices),
    siteId: w.siteId,
    instanceId: w.instanceId,
    artistId: w.artistId,
    privateIp: w.privateIp,
    dcvHost: w.dcvHost,
    launchedAt: w.launchedAt?.toISOString() ?? null,
    profile: w.profile?.name ?? null,
    clientToken: w.clientToken,
    launchGeneration: w.launchGeneration,
    lost: w.lost,
    links: linksFor(w, w.site.dcvGatewayHost),
    events: w.events.map((e) => ({ id: e.id.toString(), at: e.at.toISOString(), kind: e.kind, state: e.state, message: e.message })),
  };
}
