'use client';

import Link from 'next/link';
import { Badge, stateTone } from '@/components/ui/badge';

type Site = { id: string; name: string; region: string; state: string; isHome: boolean; running: number; total: number };

/**
 * The Overview's list of sites. A client component on purpose: the page then carries each site once as
 * data instead of its whole server-rendered tree, which cost render time per request (bench/pages.ts).
 */
export function OverviewSites({ sites, linkToRegions }: { sites: Site[]; linkToRegions: boolean }) {
  return (
    <ul className="divide-y divide-line/60">
      {sites.map((s) => (
        <li key={s.id} className="flex items-center justify-between py-2 text-sm">
          <span>
            {linkToRegions ? <Link href="/regions" className="hover:underline">{s.name}</Link> : s.name}{' '}
            <span className="font-mono text-xs text-faint">{s.region}</span> {s.isHome ? <Badge tone="info">home</Badge> : null}
          </span>
          <span className="flex items-center gap-3">
            <span className="tabular-nums text-muted">{s.running}/{s.total} running</span>
            <Badge tone={stateTone(s.state)}>{s.state}</Badge>
          </span>
        </li>
      ))}
    </ul>
  );
}
