import { describe, expect, it } from 'vitest';
import { planReconcile, summarizeActions } from './plan-reconcile';
import { LOST_GRACE_MS } from './plan-row';
import type { DesiredRow, ObservedInstance, ObservedSnapshot, ReconcileAction } from './types';

const now = new Date('2026-11-25T12:00:00Z');
const earlier = new Date('2026-11-25T11:00:00Z');
const empty: ObservedSnapshot = { observedState: null, instanceId: null, privateIp: null, dcvHost: null, launchedAt: null, observedAt: null, lost: false, lastErrorCode: null, lastError: null };
const profile = { amiId: 'ami-0123456789abcdef0', subnetId: null, securityGroupIds: ['sg-0123456789abcdef0'], volumeSizeGb: 500 };

function row(id: string, over: Partial<DesiredRow> = {}, observed: Partial<ObservedSnapshot> = {}): DesiredRow {
  return { id, name: `name-${id}`, desiredState: 'running', instanceType: 'g5.4xlarge', clientToken: `${id}-g1`, artistEmail: null, profile, observed: { ...empty, ...observed }, ...over };
}

function inst(instanceId: string, state: ObservedInstance['state'], over: Partial<ObservedInstance> = {}): ObservedInstance {
  return { instanceId, state, instanceType: 'g5.4xlarge', privateIp: '10.0.0.5', publicIp: null, publicDns: null, launchTime: earlier, clientToken: null, tags: { 'studio:managed': 'true' }, ...over };
}

/** The snapshot a matched, steady row already holds (what the previous pass wrote). */
function steady(i: ObservedInstance): Partial<ObservedSnapshot> {
  return { observedState: i.state, instanceId: i.instanceId, privateIp: i.privateIp, dcvHost: i.privateIp, launchedAt: i.launchTime, observedAt: earlier };
}

const plan = (rows: DesiredRow[], observed: ObservedInstance[], orphans: { instanceId: string; state: string; instanceType: string }[] = []) =>
  planReconcile({ region: 'us-west-2', rows, observed, orphans, now });
const kinds = (actions: ReconcileAction[]) => actions.map((a) => a.kind);

describe('planReconcile: launching', () => {
  it('launches a new row with its ClientToken and every studio tag', () => {
    const actions = plan([row('ws1', { artistEmail: 'ana@studio.example' })], []);
    expect(actions).toEqual([
      {
        kind: 'launch',
        workstationId: 'ws1',
        request: {
          clientToken: 'ws1-g1', imageId: profile.amiId, instanceType: 'g5.4xlarge', subnetId: null, securityGroupIds: profile.securityGroupIds, volumeSizeGb: 500,
          tags: [['Name', 'name-ws1'], ['studio:managed', 'true'], ['studio:workstation-id', 'ws1'], ['studio:site', 'us-west-2'], ['studio:artist', 'ana@studio.example']],
        },
      },
    ]);
  });

  it('finds the instance of a crashed launch by its token instead of launching twice', () => {
    const i = inst('i-0aaaaaaaaaaaaaaaa', 'pending', { clientToken: 'ws1-g1' });
    const actions = plan([row('ws1')], [i]);
    expect(kinds(actions)).toEqual(['observe']);
    const a = actions[0] as Extract<ReconcileAction, { kind: 'observe' }>;
    expect(a.next).toMatchObject({ instanceId: i.instanceId, observedState: 'pending', observedAt: now, privateIp: '10.0.0.5' });
    expect(a.event?.message).toContain('Instance i-0aaaaaaaaaaaaaaaa found');
  });

  it('finds it by the workstation tag when the token is not visible', () => {
    const i = inst('i-0bbbbbbbbbbbbbbbb', 'running', { tags: { 'studio:managed': 'true', 'studio:workstation-id': 'ws1' } });
    expect(kinds(plan([row('ws1')], [i]))).toEqual(['observe']);
  });

  it('does not launch a row whose desired state is stopped, and records a missing profile once', () => {
    expect(plan([row('ws1', { desiredState: 'stopped' })], [])).toEqual([]);
    const actions = plan([row('ws2', { profile: null })], []);
    expect(actions).toMatchObject([{ kind: 'observe', next: { lastErrorCode: 'LaunchProfileMissing' } }]);
    const recorded = row('ws2', { profile: null }, { lastErrorCode: 'LaunchProfileMissing', lastError: (actions[0] as { next: ObservedSnapshot }).next.lastError });
    expect(plan([recorded], [])).toEqual([]);
  });
});

describe('planReconcile: lifecycle', () => {
  it.each([
    ['running', 'stopped', 'start'],
    ['stopped', 'running', 'stop'],
    ['terminated', 'running', 'terminate'],
    ['terminated', 'stopped', 'terminate'],
    ['terminated', 'pending', 'terminate'],
  ] as const)('desired %s with EC2 %s → %s', (desired, state, call) => {
    const i = inst('i-0cccccccccccccccc', state);
    const actions = plan([row('ws1', { desiredState: desired }, steady(i))], [i]);
    expect(actions).toEqual([{ kind: call, workstationId: 'ws1', instanceId: i.instanceId }]);
  });

  it.each([
    ['running', 'pending'],
    ['running', 'stopping'],
    ['stopped', 'pending'],
    ['stopped', 'stopping'],
    ['terminated', 'shutting-down'],
  ] as const)('waits out a transition: desired %s, EC2 %s', (desired, state) => {
    const i = inst('i-0dddddddddddddddd', state);
    expect(plan([row('ws1', { desiredState: desired }, steady(i))], [i])).toEqual([]);
  });

  it('records a state change with an event and clears the last error once converged', () => {
    const i = inst('i-0eeeeeeeeeeeeeeee', 'running');
    const r = row('ws1', {}, { ...steady(i), observedState: 'pending', lastErrorCode: 'RequestLimitExceeded', lastError: 'slow down' });
    const [a] = plan([r], [i]);
    expect(a).toMatchObject({ kind: 'observe', next: { observedState: 'running', observedAt: now, lastErrorCode: null, lastError: null }, event: { kind: 'state', state: 'running' } });
  });

  it('marks a terminated row done when its instance is gone, and never launches it', () => {
    const r = row('ws1', { desiredState: 'terminated' }, { observedState: 'shutting-down', instanceId: 'i-0fffffffffffffff0' });
    expect(plan([r], [])).toMatchObject([{ kind: 'observe', next: { observedState: 'terminated', lost: false } }]);
    expect(plan([row('ws2', { desiredState: 'terminated' })], [])).toMatchObject([{ kind: 'observe', next: { observedState: 'terminated' } }]);
  });
});

describe('planReconcile: drift', () => {
  it('marks a row lost when its instance vanished, once, after the grace period', () => {
    const r = row('ws1', {}, { observedState: 'running', instanceId: 'i-0123456789abcdef1', launchedAt: earlier });
    const actions = plan([r], []);
    expect(actions).toMatchObject([{ kind: 'mark-lost', next: { lost: true, observedState: 'terminated' }, event: { kind: 'lost' } }]);
    expect(plan([row('ws1', {}, { ...r.observed, lost: true, observedState: 'terminated' })], [])).toEqual([]);
    const young = row('ws2', {}, { observedState: 'pending', instanceId: 'i-0123456789abcdef2', launchedAt: new Date(now.getTime() - LOST_GRACE_MS / 2) });
    expect(plan([young], [])).toEqual([]);
  });

  it('un-loses a row whose instance shows up again', () => {
    const i = inst('i-0123456789abcdef3', 'running');
    const r = row('ws1', {}, { ...steady(i), lost: true, observedState: 'terminated' });
    expect(plan([r], [i])).toMatchObject([{ kind: 'observe', next: { lost: false, observedState: 'running' } }]);
  });

  it('records an unclaimed tagged instance as an orphan once, and forgets it when it is gone', () => {
    const stray = inst('i-0123456789abcdef4', 'running', { tags: { 'studio:managed': 'true', 'studio:workstation-id': 'ws_unknown' } });
    expect(plan([], [stray])).toEqual([{ kind: 'record-orphan', instance: stray, isNew: true }]);
    const known = [{ instanceId: stray.instanceId, state: 'running', instanceType: 'g5.4xlarge' }];
    expect(plan([], [stray], known)).toEqual([]);
    expect(plan([], [{ ...stray, state: 'stopped' }], known)).toMatchObject([{ kind: 'record-orphan', isNew: false }]);
    expect(plan([], [], known)).toEqual([{ kind: 'forget-orphan', instanceId: stray.instanceId }]);
  });

  it('shows a duplicate tagged copy as an orphan instead of letting it replace the row’s instance', () => {
    const mine = inst('i-0123456789abcdef5', 'running', { tags: { 'studio:workstation-id': 'ws1' } });
    const copy = inst('i-0123456789abcdef6', 'running', { tags: { 'studio:workstation-id': 'ws1' }, launchTime: now });
    const actions = plan([row('ws1', {}, steady(mine))], [copy, mine]);
    expect(actions).toEqual([{ kind: 'record-orphan', instance: copy, isNew: true }]);
  });
});

describe('planReconcile: a steady world', () => {
  it('plans nothing at all for 1,000 converged rows', () => {
    const instances = Array.from({ length: 1000 }, (_, n) => inst(`i-${n.toString(16).padStart(17, '0')}`, n % 2 ? 'running' : 'stopped'));
    const rows = instances.map((i, n) => row(`ws${n}`, { desiredState: i.state === 'running' ? 'running' : 'stopped' }, steady(i)));
    const actions = plan(rows, instances);
    expect(summarizeActions(actions)).toEqual({ launch: 0, start: 0, stop: 0, terminate: 0, observe: 0, 'mark-lost': 0, 'record-orphan': 0, 'forget-orphan': 0 });
  });
});
