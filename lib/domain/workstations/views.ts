/**
 * The shapes the console shows (plain JSON: ISO strings, no Dates), shared by the read services that
 * build them and the components that render them.
 */
export type DcvLinks = { browserUrl: string; nativeUri: string; fileUrl: string; host: string; port: number; sessionId: string };

/** One row of the admin's table: only what it shows (the rows are serialised into the page). */
export type WorkstationRowView = {
  id: string;
  name: string;
  site: string;
  region: string;
  instanceType: string;
  desiredState: string;
  /** what to show: EC2's state, `lost`, or `not launched`. */
  state: string;
  artist: string | null;
  stateSince: string | null;
  lastErrorCode: string | null;
  lastError: string | null;
  usdPerHour: number | null;
  idleWarnedAt: string | null;
};

export type WorkstationEventView = { id: string; at: string; kind: string; state: string | null; message: string };

export type WorkstationDetailView = WorkstationRowView & {
  siteId: string;
  instanceId: string | null;
  artistId: string | null;
  privateIp: string | null;
  dcvHost: string | null;
  launchedAt: string | null;
  profile: string | null;
  clientToken: string;
  launchGeneration: number;
  lost: boolean;
  links: DcvLinks | null;
  events: WorkstationEventView[];
};

export type MyWorkstationView = {
  id: string;
  name: string;
  site: string;
  region: string;
  instanceType: string;
  state: string;
  desiredState: string;
  runningSince: string | null;
  links: DcvLinks | null;
  canStartStop: boolean;
  idleStopAt: string | null;
  lastError: string | null;
};

export type SiteCostView = { siteId: string; site: string; region: string; running: number; usdPerHour: number; monthToDateUsd: number };
export type CostView = { usdPerHour: number; monthToDateUsd: number; monthStart: string; sites: SiteCostView[]; unpricedTypes: string[] };

export type OrphanView = { id: string; instanceId: string; site: string; region: string; instanceType: string; state: string; name: string | null; claimedBy: string | null; firstSeenAt: string; lastSeenAt: string };

export type LaunchOptionsView = {
  sites: Array<{ id: string; name: string; region: string; launchable: boolean; reason: string | null; profiles: Array<{ id: string; name: string; kind: string; instanceTypes: string[] }> }>;
  artists: Array<{ id: string; name: string; email: string }>;
  prices: Record<string, number>;
};

/** The word the console shows for a row's state. */
export function displayState(w: { lost: boolean; observedState: string | null }): string {
  if (w.lost) return 'lost';
  return w.observedState ?? 'not launched';
}
