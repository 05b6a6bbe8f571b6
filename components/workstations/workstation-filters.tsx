'use client';

import { useRouter } from 'next/navigation';
import { queryHref, type WorkstationQueryState } from './query-href';

const STATES = [
  ['pending', 'Pending'], ['running', 'Running'], ['stopping', 'Stopping'], ['stopped', 'Stopped'], ['shutting-down', 'Shutting down'],
  ['terminated', 'Terminated'], ['lost', 'Lost'], ['not-launched', 'Not launched'],
] as const;

const selectClass = 'rounded-md border border-line bg-canvas px-2 py-1.5 text-sm outline-none focus:border-accent';

/** Filters by site, state and artist; each change is a URL change, so filtered views can be shared. */
export function WorkstationFilters({ query, sites, artists, count }: {
  query: WorkstationQueryState;
  sites: Array<{ id: string; name: string }>;
  artists: Array<{ id: string; name: string }>;
  count: number;
}) {
  const router = useRouter();
  const set = (change: Partial<WorkstationQueryState>) => router.replace(queryHref(query, { ...change, ws: undefined }), { scroll: false });
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3" role="search" aria-label="Filter workstations">
      <label className="flex items-center gap-2 text-sm text-muted">
        Site
        <select className={selectClass} value={query.siteId ?? ''} onChange={(e) => set({ siteId: e.target.value || undefined })}>
          <option value="">All sites</option>
          {sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm text-muted">
        State
        <select className={selectClass} value={query.state ?? ''} onChange={(e) => set({ state: e.target.value || undefined })}>
          <option value="">Any state</option>
          {STATES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm text-muted">
        Artist
        <select className={selectClass} value={query.artistId ?? ''} onChange={(e) => set({ artistId: e.target.value || undefined })}>
          <option value="">Anyone</option>
          {artists.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </label>
      <span className="ml-auto text-xs text-faint" aria-live="polite">{count} workstation{count === 1 ? '' : 's'}</span>
    </div>
  );
}
