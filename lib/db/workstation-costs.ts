/**
 * The state history cost figures are computed from: every observed-state change this month, plus each
 * workstation's last known state before the month began (one DISTINCT ON over the (workstation, at) index).
 */
import { db, type Tx } from './client';

/** Event kinds that record what EC2 showed (requests and idle notices are intent, not state). */
export const OBSERVED_EVENT_KINDS = ['state', 'launch', 'lost', 'adopted'];

export type StateHistoryRow = { workstationId: string; at: Date; state: string | null; before: boolean };

export async function stateHistorySince(monthStart: Date, tx: Tx = db()): Promise<StateHistoryRow[]> {
  const rows = await tx.$queryRaw<Array<{ workstation_id: string; at: Date; state: string | null; before: boolean }>>`
    (SELECT DISTINCT ON (workstation_id) workstation_id, at, state, true AS before
       FROM workstation_events WHERE kind = ANY(${OBSERVED_EVENT_KINDS}::text[]) AND at < ${monthStart}
       ORDER BY workstation_id, at DESC)
    UNION ALL
    (SELECT workstation_id, at, state, false AS before
       FROM workstation_events WHERE kind = ANY(${OBSERVED_EVENT_KINDS}::text[]) AND at >= ${monthStart})`;
  return rows.map((r) => ({ workstationId: r.workstation_id, at: r.at, state: r.state, before: r.before }));
}

export function listWorkstationsForCost(tx: Tx = db()) {
  return tx.workstation.findMany({ select: { id: true, siteId: true, instanceType: true, observedState: true, lost: true } });
}
