/** The admin's workstation table: filtered and sorted in the database, priced from the price list. */
import { z } from 'zod';
import { priceMap } from '@/lib/db/launch-profiles';
import { listWorkstationTable } from '@/lib/db/workstations';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import type { WorkstationRowView } from '@/lib/domain/workstations/views';
import { rowView } from './workstation-views';

export const WORKSTATION_SORTS = ['name', 'site', 'state', 'artist', 'type', 'updated'] as const;
export const WORKSTATION_STATE_FILTERS = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated', 'lost', 'not-launched'] as const;

export const ZWorkstationQuery = z.object({
  siteId: z.string().optional().catch(undefined),
  state: z.enum(WORKSTATION_STATE_FILTERS).optional().catch(undefined),
  artistId: z.string().optional().catch(undefined),
  sort: z.enum(WORKSTATION_SORTS).default('site').catch('site'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
});
export type TWorkstationQuery = z.infer<typeof ZWorkstationQuery>;

export async function listWorkstations(actor: Actor, query: z.input<typeof ZWorkstationQuery> = {}): Promise<{ query: TWorkstationQuery; rows: WorkstationRowView[] }> {
  requireRole(actor, 'admin');
  const q = ZWorkstationQuery.parse(query);
  const [rows, prices] = await Promise.all([listWorkstationTable({ siteId: q.siteId, state: q.state, artistId: q.artistId }, q.sort, q.dir), priceMap()]);
  return { query: q, rows: rows.map((w) => rowView(w, prices)) };
}
