/**
 * What the Regions page shows of a site, and which lifecycle actions it offers. Pure so the page and
 * the tests agree on when a button exists; the services enforce the same rules again on the server.
 */
import type { TBlocker } from './blockers';
import type { TStepStatus } from './checklists';
import { canApply, type TSiteState, type TWorkflow } from './lifecycle';

export type TStepView = { key: string; label: string; hint: string; status: TStepStatus; detail: string | null; attempts: number; startedAt: string | null; finishedAt: string | null };

export type TSiteActions = { edit: boolean; bringUp: boolean; drain: boolean; cancelDrain: boolean; retry: boolean; forceStop: boolean };

export type TSiteView = {
  id: string;
  name: string;
  region: string;
  city: string | null;
  place: { lat: number; lon: number } | null;
  state: TSiteState;
  isHome: boolean;
  failureReason: string | null;
  launchesAllowed: boolean;
  anvilUrl: string | null;
  anvilUsername: string | null;
  anvilTrustSelfSigned: boolean;
  anvilHealthy: boolean | null;
  anvilUnreachableAt: string | null;
  lastReconciledAt: string | null;
  lastReconcileError: string | null;
  workstationCount: number;
  running: number;
  usdPerHour: number;
  unpricedTypes: string[];
  lagInSeconds: number | null;
  lagOutSeconds: number | null;
  shares: string[];
  workflow: TWorkflow | null;
  steps: TStepView[];
  actions: TSiteActions;
};

export type TDrainCheckView = { siteId: string; site: string; state: string; canDrain: boolean; blockers: TBlocker[]; workstations: string[] };

export function siteActions(s: { state: TSiteState; isHome: boolean; hasFailedStep: boolean; leftShares: boolean }): TSiteActions {
  return {
    edit: s.state === 'planned' || s.state === 'failed' || s.state === 'stopped',
    bringUp: canApply(s.state, 'bring-up'),
    drain: canApply(s.state, 'drain') && !s.isHome,
    cancelDrain: canApply(s.state, 'cancel-drain') && !s.leftShares,
    retry: canApply(s.state, 'retry') && s.hasFailedStep,
    forceStop: canApply(s.state, 'force-stop') && !s.isHome,
  };
}

/** The checklist to show: the running one, else the one that failed, else the last one run. */
export function shownWorkflow(state: TSiteState, failedWorkflow: TWorkflow | null, hasRows: Record<TWorkflow, boolean>): TWorkflow | null {
  if (state === 'provisioning') return 'bring-up';
  if (state === 'draining') return 'drain';
  if (state === 'failed' && failedWorkflow) return failedWorkflow;
  if (state === 'stopped' && hasRows.drain) return 'drain';
  if (hasRows['bring-up']) return 'bring-up';
  return null;
}

// ───── the map ─────

/**
 * Where AWS regions are, for the Regions page's map: the city of each region's data centres and an
 * equirectangular projection onto a box. Coordinates are the cities', rounded; enough to place a dot.
 */
export type TRegionPlace = { city: string; lat: number; lon: number };

export const AWS_REGION_PLACES: Record<string, TRegionPlace> = {
  'us-east-1': { city: 'N. Virginia', lat: 38.9, lon: -77.4 },
  'us-east-2': { city: 'Ohio', lat: 40.0, lon: -83.0 },
  'us-west-1': { city: 'N. California', lat: 37.4, lon: -122.0 },
  'us-west-2': { city: 'Oregon', lat: 45.8, lon: -119.7 },
  'ca-central-1': { city: 'Montréal', lat: 45.5, lon: -73.6 },
  'sa-east-1': { city: 'São Paulo', lat: -23.5, lon: -46.6 },
  'eu-west-1': { city: 'Ireland', lat: 53.3, lon: -6.3 },
  'eu-west-2': { city: 'London', lat: 51.5, lon: -0.1 },
  'eu-west-3': { city: 'Paris', lat: 48.9, lon: 2.4 },
  'eu-central-1': { city: 'Frankfurt', lat: 50.1, lon: 8.7 },
  'eu-north-1': { city: 'Stockholm', lat: 59.3, lon: 18.1 },
  'eu-south-1': { city: 'Milan', lat: 45.5, lon: 9.2 },
  'me-south-1': { city: 'Bahrain', lat: 26.1, lon: 50.6 },
  'af-south-1': { city: 'Cape Town', lat: -33.9, lon: 18.4 },
  'ap-south-1': { city: 'Mumbai', lat: 19.1, lon: 72.9 },
  'ap-northeast-1': { city: 'Tokyo', lat: 35.7, lon: 139.7 },
  'ap-northeast-2': { city: 'Seoul', lat: 37.6, lon: 127.0 },
  'ap-northeast-3': { city: 'Osaka', lat: 34.7, lon: 135.5 },
  'ap-southeast-1': { city: 'Singapore', lat: 1.3, lon: 103.8 },
  'ap-southeast-2': { city: 'Sydney', lat: -33.9, lon: 151.2 },
  'ap-east-1': { city: 'Hong Kong', lat: 22.3, lon: 114.2 },
};

export function placeOf(region: string): TRegionPlace | null {
  return AWS_REGION_PLACES[region] ?? null;
}

/** x, y in a `width` × `height` box (longitude −180…180 left to right, latitude 90…−90 top to bottom). */
export function project(p: { lat: number; lon: number }, width: number, height: number): { x: number; y: number } {
  const lon = Math.max(-180, Math.min(180, p.lon));
  const lat = Math.max(-90, Math.min(90, p.lat));
  return { x: Math.round(((lon + 180) / 360) * width * 10) / 10, y: Math.round(((90 - lat) / 180) * height * 10) / 10 };
}
