/**
 * The reconciler's writes, built for passes over thousands of rows: one statement per batch, and every
 * update is a compare-and-set on the values the pass read. Two passes racing over the same site (a
 * scheduled one and an on-demand one) cannot both record the same change, so an event is written once.
 */
import type { ObservedSnapshot, WorkstationEventDraft } from '@/lib/domain/workstations/types';
import { db, type Tx } from './client';
import { insertEvents } from './workstations';

export type ObservationWrite = { workstationId: string; expected: ObservedSnapshot; next: ObservedSnapshot; event: WorkstationEventDraft | null };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Applies observation updates whose expectation still holds; returns the rows that changed. */
export async function applyObservations(writes: ObservationWrite[], now: Date, tx: Tx = db()): Promise<{ rows: number; events: number; changed: Set<string> }> {
  if (!writes.length) return { rows: 0, events: 0, changed: new Set() };
  const col = <T>(f: (w: ObservationWrite) => T) => writes.map(f);
  const updated = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE workstations AS w SET
      observed_state = v.observed_state, instance_id = v.instance_id, private_ip = v.private_ip, dcv_host = v.dcv_host,
      launched_at = v.launched_at, observed_at = v.observed_at, lost = v.lost,
      last_error_code = v.last_error_code, last_error = v.last_error, updated_at = now()
    FROM unnest(
      ${col((w) => w.workstationId)}::text[], ${col((w) => w.next.observedState)}::text[], ${col((w) => w.next.instanceId)}::text[],
      ${col((w) => w.next.privateIp)}::text[], ${col((w) => w.next.dcvHost)}::text[], ${col((w) => iso(w.next.launchedAt))}::timestamptz[],
      ${col((w) => iso(w.next.observedAt))}::timestamptz[], ${col((w) => w.next.lost)}::boolean[], ${col((w) => w.next.lastErrorCode)}::text[],
      ${col((w) => w.next.lastError)}::text[], ${col((w) => w.expected.observedState)}::text[], ${col((w) => w.expected.instanceId)}::text[],
      ${col((w) => w.expected.lost)}::boolean[]
    ) AS v(id, observed_state, instance_id, private_ip, dcv_host, launched_at, observed_at, lost, last_error_code, last_error, prev_state, prev_instance, prev_lost)
    WHERE w.id = v.id
      AND w.observed_state IS NOT DISTINCT FROM v.prev_state
      AND w.instance_id IS NOT DISTINCT FROM v.prev_instance
      AND w.lost = v.prev_lost
    RETURNING w.id`;
  const changed = new Set(updated.map((u) => u.id));
  const events = writes.filter((w) => w.event && changed.has(w.workstationId)).map((w) => ({ workstationId: w.workstationId, at: now, ...w.event! }));
  await insertEvents(events, tx);
  return { rows: changed.size, events: events.length, changed };
}

/**
 * Records the instance RunInstances returned. Only a row that has no instance yet takes it (a racing pass
 * may have recorded the same one first); the state is kept if a Describe already saw something newer.
 */
export async function recordLaunched(
  w: { workstationId: string; instanceId: string; state: string; privateIp: string | null; dcvHost: string | null; launchedAt: Date | null },
  now: Date,
  tx: Tx = db(),
): Promise<boolean> {
  const n = await tx.$executeRaw`
    UPDATE workstations SET instance_id = ${w.instanceId}, observed_state = COALESCE(observed_state, ${w.state}),
      private_ip = ${w.privateIp}, dcv_host = ${w.dcvHost}, launched_at = ${w.launchedAt ?? now}, observed_at = ${now},
      last_error_code = NULL, last_error = NULL, lost = false, updated_at = now()
    WHERE id = ${w.workstationId} AND instance_id IS NULL`;
  if (n) await insertEvents([{ workstationId: w.workstationId, at: now, kind: 'launch', state: w.state, message: `RunInstances started ${w.instanceId}.` }], tx);
  return n > 0;
}

/** Records the states EC2 reported back from start/stop/terminate calls (e.g. running → stopping); returns rows + events written. */
export async function recordStateChanges(changes: Array<{ workstationId: string; instanceId: string; state: string; verb: string }>, now: Date, tx: Tx = db()): Promise<number> {
  if (!changes.length) return 0;
  const updated = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE workstations AS w SET observed_state = v.state, observed_at = ${now}, last_error_code = NULL, last_error = NULL, updated_at = now()
    FROM unnest(${changes.map((c) => c.workstationId)}::text[], ${changes.map((c) => c.instanceId)}::text[], ${changes.map((c) => c.state)}::text[]) AS v(id, instance_id, state)
    WHERE w.id = v.id AND w.instance_id = v.instance_id AND w.observed_state IS DISTINCT FROM v.state
    RETURNING w.id`;
  const byId = new Map(changes.map((c) => [c.workstationId, c]));
  await insertEvents(
    updated.map((u) => {
      const c = byId.get(u.id)!;
      return { workstationId: u.id, at: now, kind: 'state', state: c.state, message: `${c.verb} accepted by EC2: ${c.state}.` };
    }),
    tx,
  );
  return updated.length * 2;
}

/**
 * Keeps the AWS error on the row. The same error code again writes nothing (and adds no event): EC2's
 * wording varies between retries (a capacity error names a different zone each time), its code does not.
 * Returns rows + events written.
 */
export async function recordRowErrors(errors: Array<{ workstationId: string; code: string; message: string }>, now: Date, tx: Tx = db()): Promise<number> {
  if (!errors.length) return 0;
  const updated = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE workstations AS w SET last_error_code = v.code, last_error = v.message, updated_at = now()
    FROM unnest(${errors.map((e) => e.workstationId)}::text[], ${errors.map((e) => e.code)}::text[], ${errors.map((e) => e.message)}::text[]) AS v(id, code, message)
    WHERE w.id = v.id AND w.last_error_code IS DISTINCT FROM v.code
    RETURNING w.id`;
  const changed = new Set(updated.map((u) => u.id));
  await insertEvents(errors.filter((e) => changed.has(e.workstationId)).map((e) => ({ workstationId: e.workstationId, at: now, kind: 'error', state: null, message: `${e.code}: ${e.message}` })), tx);
  return changed.size * 2;
}
