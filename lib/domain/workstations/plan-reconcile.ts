/**
 * The EC2 reconcile planner: desired rows + observed instances (+ recorded orphans) → actions. Pure and
 * total: the service applies the actions idempotently, and a pass in which nothing changed plans no
 * writes at all (only lifecycle calls that are still needed).
 *
 * Matching an instance to a row, in order: the instance id the row already holds; then, for a row that
 * never learned its id (a crash between RunInstances and the write), its ClientToken or its
 * `studio:workstation-id` tag. Instances no row claims are orphans.
 */
import { claimsTag, planRow } from './plan-row';
import type { DesiredRow, KnownOrphan, ObservedInstance, ReconcileAction } from './types';

export type ReconcileInput = {
  region: string;
  rows: DesiredRow[];
  observed: ObservedInstance[];
  orphans: KnownOrphan[];
  now: Date;
};

function indexBy(instances: ObservedInstance[], key: (i: ObservedInstance) => string | null | undefined): Map<string, ObservedInstance> {
  const map = new Map<string, ObservedInstance>();
  for (const inst of instances) {
    const k = key(inst);
    // The oldest instance wins a tie, so a duplicate (should one ever exist) is the one shown as orphan.
    if (k && !map.has(k)) map.set(k, inst);
  }
  return map;
}

export function planReconcile(input: ReconcileInput): ReconcileAction[] {
  const observed = [...input.observed].sort((a, b) => (a.launchTime?.getTime() ?? 0) - (b.launchTime?.getTime() ?? 0));
  const byId = new Map(observed.map((i) => [i.instanceId, i]));
  const byToken = indexBy(observed, (i) => i.clientToken);
  const byTag = indexBy(observed, claimsTag);
  const claimed = new Set<string>();
  const matches = new Map<string, ObservedInstance | undefined>();

  // Rows that know their instance claim first, so a stray tagged copy can never steal it.
  for (const row of input.rows) {
    const id = row.observed.instanceId;
    const inst = id ? byId.get(id) : undefined;
    if (inst) claimed.add(inst.instanceId);
    matches.set(row.id, inst);
  }
  for (const row of input.rows) {
    if (row.observed.instanceId) continue;
    const candidates = [byToken.get(row.clientToken), byTag.get(row.id)];
    const inst = candidates.find((c) => c && !claimed.has(c.instanceId));
    if (inst) claimed.add(inst.instanceId);
    matches.set(row.id, inst);
  }

  const actions: ReconcileAction[] = [];
  for (const row of input.rows) actions.push(...planRow(row, matches.get(row.id), input.now, input.region));

  const known = new Map(input.orphans.map((o) => [o.instanceId, o]));
  for (const inst of observed) {
    if (claimed.has(inst.instanceId)) continue;
    const prior = known.get(inst.instanceId);
    if (prior && prior.state === inst.state && prior.instanceType === inst.instanceType) continue;
    actions.push({ kind: 'record-orphan', instance: inst, isNew: !prior });
  }
  for (const o of input.orphans) {
    if (!byId.has(o.instanceId) || claimed.has(o.instanceId)) actions.push({ kind: 'forget-orphan', instanceId: o.instanceId });
  }
  return actions;
}

/** Counts per action kind, for logs, the bench and the reconcile summary. */
export function summarizeActions(actions: ReconcileAction[]): Record<ReconcileAction['kind'], number> {
  const out = { launch: 0, start: 0, stop: 0, terminate: 0, observe: 0, 'mark-lost': 0, 'record-orphan': 0, 'forget-orphan': 0 };
  for (const a of actions) out[a.kind]++;
  return out;
}
