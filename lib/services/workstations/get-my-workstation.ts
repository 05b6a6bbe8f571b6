/**
 * The artist's own workstations for the "My workstation" card: state, region, uptime, DCV links (only
 * their own, only while running) and whether they may start/stop it. Nobody else's machine is ever read.
 */
import { findArtistWorkstations } from '@/lib/db/workstations';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { plannedStopAt } from '@/lib/domain/workstations/idle';
import { displayState, type MyWorkstationView } from '@/lib/domain/workstations/views';
import { AppError } from '@/lib/errors';
import { linksFor } from './workstation-views';

export async function getMyWorkstations(actor: Actor): Promise<MyWorkstationView[]> {
  requireRole(actor, 'artist');
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in artist has workstations.');
  const rows = await findArtistWorkstations(actor.userId);
  return rows.map((w) => {
    const stop = w.site.idleStopMinutes ? plannedStopAt(w.idleWarnedAt, w.idleSince, { stopMinutes: w.site.idleStopMinutes, warnMinutes: w.site.idleWarnMinutes }) : null;
    return {
      id: w.id,
      name: w.name,
      site: w.site.name,
      region: w.site.region,
      instanceType: w.instanceType,
      state: displayState(w),
      desiredState: w.desiredState,
      runningSince: !w.lost && w.observedState === 'running' ? (w.observedAt?.toISOString() ?? null) : null,
      links: linksFor(w, w.site.dcvGatewayHost),
      canStartStop: w.site.artistsMayStartStop && !w.lost,
      idleStopAt: stop?.toISOString() ?? null,
      lastError: w.lastError,
    };
  });
}
