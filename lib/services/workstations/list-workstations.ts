/**
 * The admin's workstation table: filtered, sorted and paged in the database, priced from the price list.
 * Paged because a studio of 5,000 machines rendered as one table took seconds per request (bench/pages.ts).
 */
import { z } from 'zod';
import { priceMap } from '@/lib/db/launch-profiles';
import { countWorkstationTable, listWorkstationTable } from '@/lib/db/workstations';
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
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export const WORKSTATIONS_PER_PAGE = 50;
export type TWorkstationQuery = z.infer<typeof ZWorkstationQuery>;

export type WorkstationPage = { query: TWorkstationQuery; rows: WorkstationRowView[]; total: number; pageSize: number };

export async function listWorkstations(actor: Actor, query: z.input<typeof ZWorkstationQuery> = {}): Promise<WorkstationPage> {
  requireRole(actor, 'admin');
  const q = ZWorkstationQuery.parse(query);
  const filter = { siteId: q.siteId, state: q.state, artistId: q.artistId };
  const page = { skip: (q.page - 1) * WORKSTATIONS_PER_PAGE, take: WORKSTATIONS_PER_PAGE };
  const [rows, total, prices] = await Promise.all([listWorkstationTable(filter, q.sort, q.dir, page), countWorkstationTable(filter), priceMap()]);
  return { query: q, rows: rows.map((w) => rowView(w, prices)), total, pageSize: WORKSTATIONS_PER_PAGE };
}
