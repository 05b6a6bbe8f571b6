/** The workstation page's URL state (filters, sort, open drawer), so every view is a link. */
export type WorkstationQueryState = { siteId?: string; state?: string; artistId?: string; sort: string; dir: 'asc' | 'desc'; ws?: string; page?: number };

export function queryHref(q: WorkstationQueryState, change: Partial<WorkstationQueryState>): string {
  // Another filter or order starts again at the first page; opening a drawer keeps the page.
  const samePage = Object.keys(change).every((k) => k === 'ws' || k === 'page');
  const next = { ...q, ...change, page: samePage ? (change.page ?? q.page) : change.page };
  const params = new URLSearchParams();
  for (const key of ['siteId', 'state', 'artistId', 'sort', 'dir', 'page', 'ws'] as const) {
    const raw = next[key];
    const value = raw === undefined || raw === 1 ? undefined : String(raw);
    if (value && !(key === 'sort' && value === 'site') && !(key === 'dir' && value === 'asc')) params.set(key, value);
  }
  const s = params.toString();
  return s ? `/workstations?${s}` : '/workstations';
}
