/** The workstation page's URL state (filters, sort, open drawer), so every view is a link. */
export type WorkstationQueryState = { siteId?: string; state?: string; artistId?: string; sort: string; dir: 'asc' | 'desc'; ws?: string };

export function queryHref(q: WorkstationQueryState, change: Partial<WorkstationQueryState>): string {
  const next = { ...q, ...change };
  const params = new URLSearchParams();
  for (const key of ['siteId', 'state', 'artistId', 'sort', 'dir', 'ws'] as const) {
    const value = next[key];
    if (value && !(key === 'sort' && value === 'site') && !(key === 'dir' && value === 'asc')) params.set(key, value);
  }
  const s = params.toString();
  return s ? `/workstations?${s}` : '/workstations';
}
