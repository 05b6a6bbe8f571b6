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
