'use client';

/**
 * Data locality per shot ("Studio East ✓", "Studio West 7 s behind"). Fetched apart from the page (each
 * site's Anvil is asked, which takes longer than reading the database), for every shot on the page at
 * once, again every few seconds (a "behind" badge ages), and at once when the page's data changes: the
 * server page passes a `stamp` of what it showed, and its live refresh brings a new one.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { Badge, type Tone } from '@/components/ui/badge';
import type { TLocalityBadge, TLocalityState } from '@/lib/domain/shots/locality';

type TResult = { shots: Array<{ shotId: string; checkedAt: string; badges: TLocalityBadge[] }> };
type TState = { data: Map<string, TLocalityBadge[]>; error: string | null; loading: boolean };

const LocalityContext = createContext<TState>({ data: new Map(), error: null, loading: true });
const REFRESH_MS = 5_000;

export function LocalityProvider({ shotIds, stamp, children }: { shotIds: string[]; stamp: string; children: React.ReactNode }) {
  const query = useQuery({
    queryKey: ['shots-locality', shotIds.join(','), stamp],
    placeholderData: (previous) => previous,
    enabled: shotIds.length > 0,
    refetchInterval: REFRESH_MS,
    queryFn: async (): Promise<TResult> => {
      const res = await fetch(`/api/shots/locality?ids=${encodeURIComponent(shotIds.join(','))}&stamp=${encodeURIComponent(stamp)}`);
      const body = (await res.json()) as TResult & { error?: { userMessage?: string } };
      if (!res.ok) throw new Error(body.error?.userMessage ?? `locality check failed (${res.status})`);
      return body;
    },
  });
  const data = new Map((query.data?.shots ?? []).map((s) => [s.shotId, s.badges]));
  return <LocalityContext.Provider value={{ data, error: query.error ? query.error.message : null, loading: query.isPending }}>{children}</LocalityContext.Provider>;
}

const TONE: Record<TLocalityState, Tone> = { local: 'ok', behind: 'warn', remote: 'info', empty: 'muted', unknown: 'bad' };

/** The badges of one shot, from the nearest LocalityProvider. */
export function LocalityBadges({ shotId }: { shotId: string }) {
  const { data, error, loading } = useContext(LocalityContext);
  const badges = data.get(shotId);
  if (!badges) {
    if (error) return <span className="text-xs text-bad" title={error}>locality unavailable</span>;
    return <span className="text-xs text-faint">{loading ? 'checking…' : '—'}</span>;
  }
  if (badges.length === 0) return <span className="text-xs text-faint" title="The shot’s folder is not on a Hammerspace share">—</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid={`locality-${shotId}`}>
      {badges.map((b) => (
        <Badge key={b.siteId} tone={TONE[b.state]} title={b.detail}>
          {b.label}
        </Badge>
      ))}
    </span>
  );
}
