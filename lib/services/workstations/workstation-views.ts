/** Turns workstation rows into the console's views (shared by the list, detail and artist reads). */
import { dcvBrowserUrl, dcvNativeUri, resolveDcvEndpoint } from '@/lib/domain/workstations/dcv';
import { displayState, type DcvLinks, type WorkstationRowView } from '@/lib/domain/workstations/views';

type RowLike = {
  id: string; name: string; instanceType: string; desiredState: string; observedState: string | null; lost: boolean;
  observedAt: Date | null; lastErrorCode: string | null; lastError: string | null; idleWarnedAt: Date | null;
  site: { name: string; region: string }; artist?: { name: string } | null;
};

export function rowView(w: RowLike, prices: ReadonlyMap<string, number>): WorkstationRowView {
  const running = !w.lost && w.observedState === 'running';
  return {
    id: w.id, name: w.name, site: w.site.name, region: w.site.region, instanceType: w.instanceType, desiredState: w.desiredState,
    state: displayState(w), artist: w.artist?.name ?? null, stateSince: w.observedAt?.toISOString() ?? null,
    lastErrorCode: w.lastErrorCode, lastError: w.lastError, usdPerHour: running ? (prices.get(w.instanceType) ?? null) : null, idleWarnedAt: w.idleWarnedAt?.toISOString() ?? null,
  };
}

/** DCV links for a running workstation; the file URL is the authorized download route. */
export function linksFor(w: { id: string; observedState: string | null; lost: boolean; dcvHost: string | null; dcvPort: number; dcvSessionId: string }, gatewayHost: string | null): DcvLinks | null {
  if (w.lost) return null;
  const e = resolveDcvEndpoint({ observedState: w.observedState, dcvHost: w.dcvHost, dcvPort: w.dcvPort, dcvSessionId: w.dcvSessionId, gatewayHost });
  if (!e) return null;
  return { browserUrl: dcvBrowserUrl(e), nativeUri: dcvNativeUri(e), fileUrl: `/api/workstations/${encodeURIComponent(w.id)}/dcv`, host: e.host, port: e.port, sessionId: e.sessionId };
}
