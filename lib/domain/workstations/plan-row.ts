/**
 * The per-row half of the reconcile planner: given one workstation row and the instance that belongs to
 * it (if EC2 shows one), what the row should now say and which call, if any, moves EC2 toward the intent.
 */
import { TAG_WORKSTATION_ID, workstationTags } from './tags';
import type { DesiredRow, DesiredState, InstanceState, ObservedInstance, ObservedSnapshot, ReconcileAction, WorkstationEventDraft } from './types';

/**
 * DescribeInstances is eventually consistent on AWS: an instance RunInstances just returned may be
 * missing from a Describe for a little while. A row is declared lost only after this grace.
 */
export const LOST_GRACE_MS = 90_000;

/** The host an artist's DCV client connects to when no gateway is configured for the site. */
export function dcvHostOf(inst: ObservedInstance): string | null {
  return inst.publicDns || inst.publicIp || inst.privateIp || null;
}

export function isConverged(desired: DesiredState, observed: string | null): boolean {
  return desired === observed;
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

export function sameSnapshot(a: ObservedSnapshot, b: ObservedSnapshot): boolean {
  return (
    a.observedState === b.observedState && a.instanceId === b.instanceId && a.privateIp === b.privateIp && a.dcvHost === b.dcvHost &&
    sameTime(a.launchedAt, b.launchedAt) && sameTime(a.observedAt, b.observedAt) && a.lost === b.lost &&
    a.lastErrorCode === b.lastErrorCode && a.lastError === b.lastError
  );
}

/** Which call moves an instance in `state` toward `desired`; transitional states are waited out. */
export function lifecycleCall(desired: DesiredState, state: InstanceState): 'start' | 'stop' | 'terminate' | null {
  if (desired === 'running') return state === 'stopped' ? 'start' : null;
  if (desired === 'stopped') return state === 'running' ? 'stop' : null;
  return state === 'shutting-down' || state === 'terminated' ? null : 'terminate';
}

function withState(prev: ObservedSnapshot, state: string | null, now: Date): ObservedSnapshot {
  return { ...prev, observedState: state, observedAt: state === prev.observedState ? prev.observedAt : now };
}

function clearErrorIfConverged(desired: DesiredState, s: ObservedSnapshot): ObservedSnapshot {
  return isConverged(desired, s.observedState) ? { ...s, lastErrorCode: null, lastError: null } : s;
}

function eventFor(prev: ObservedSnapshot, next: ObservedSnapshot): WorkstationEventDraft | null {
  if (prev.observedState === next.observedState && prev.instanceId === next.instanceId) return null;
  const found = prev.instanceId !== next.instanceId && next.instanceId ? `Instance ${next.instanceId} found. ` : '';
  const was = prev.observedState ? ` (was ${prev.observedState})` : '';
  return { kind: 'state', state: next.observedState, message: `${found}EC2 reports ${next.observedState ?? 'nothing'}${was}.` };
}

function observe(row: DesiredRow, next: ObservedSnapshot): ReconcileAction[] {
  if (sameSnapshot(row.observed, next)) return [];
  return [{ kind: 'observe', workstationId: row.id, expected: row.observed, next, event: eventFor(row.observed, next) }];
}

/** A row whose instance EC2 shows: record what it shows, then ask for the next step toward the intent. */
function planMatched(row: DesiredRow, inst: ObservedInstance, now: Date): ReconcileAction[] {
  const prev = row.observed;
  let next: ObservedSnapshot = {
    ...withState(prev, inst.state, now),
    instanceId: inst.instanceId,
    privateIp: inst.privateIp,
    dcvHost: dcvHostOf(inst),
    launchedAt: inst.launchTime ?? prev.launchedAt,
    lost: false,
  };
  next = clearErrorIfConverged(row.desiredState, next);
  const actions = observe(row, next);
  const call = lifecycleCall(row.desiredState, inst.state);
  if (call) actions.push({ kind: call, workstationId: row.id, instanceId: inst.instanceId });
  return actions;
}

/** A row with no instance in EC2's answer: launch it, call it terminated, or declare it lost. */
function planUnmatched(row: DesiredRow, now: Date, region: string): ReconcileAction[] {
  const prev = row.observed;
  if (row.desiredState === 'terminated') {
    const next = clearErrorIfConverged(row.desiredState, { ...withState(prev, 'terminated', now), privateIp: null, dcvHost: null, lost: false });
    return observe(row, next);
  }
  if (prev.instanceId) {
    if (prev.lost) return [];
    const launchedRecently = prev.launchedAt && now.getTime() - prev.launchedAt.getTime() < LOST_GRACE_MS;
    if (launchedRecently) return [];
    const next = { ...withState(prev, 'terminated', now), privateIp: null, dcvHost: null, lost: true };
    const message = `Instance ${prev.instanceId} is gone: it was terminated or removed outside the control plane.`;
    return [{ kind: 'mark-lost', workstationId: row.id, expected: prev, next, event: { kind: 'lost', state: 'terminated', message } }];
  }
  if (row.desiredState !== 'running') return [];
  if (!row.profile) {
    const next = { ...prev, lastErrorCode: 'LaunchProfileMissing', lastError: 'The launch profile of this workstation was deleted; it cannot be launched.' };
    return observe(row, next);
  }
  const p = row.profile;
  const tags = workstationTags({ id: row.id, name: row.name, region, artistEmail: row.artistEmail });
  return [{
    kind: 'launch',
    workstationId: row.id,
    request: { clientToken: row.clientToken, imageId: p.amiId, instanceType: row.instanceType, subnetId: p.subnetId, securityGroupIds: p.securityGroupIds, volumeSizeGb: p.volumeSizeGb, tags },
  }];
}

export function planRow(row: DesiredRow, inst: ObservedInstance | undefined, now: Date, region: string): ReconcileAction[] {
  return inst ? planMatched(row, inst, now) : planUnmatched(row, now, region);
}

export function claimsTag(inst: ObservedInstance): string | undefined {
  return inst.tags[TAG_WORKSTATION_ID];
}
