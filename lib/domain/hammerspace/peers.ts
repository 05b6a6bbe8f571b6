/**
 * Which of our sites an Anvil means by a site name. Participants and Prometheus labels name sites the
 * way the Anvils were named at install time, which need not be our names; the management address an
 * Anvil advertises for its peers is compared with the host:port of each site's Anvil URL first, and
 * the name only when no address matches.
 */
import type { TAnvilSite } from './types';

export type TOurSite = { id: string; name: string; anvilUrl: string | null };

export function hostPort(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return `${u.hostname.toLowerCase()}:${port}`;
  } catch {
    return null;
  }
}

function normalizeAddress(address: string | null): string | null {
  if (!address) return null;
  const a = address.trim().toLowerCase();
  if (a.includes('://')) return hostPort(a);
  return a.includes(':') ? a : `${a}:443`;
}

/** Anvil site name → our site id, for every Anvil site we can place. */
export function matchAnvilSites(anvilSites: TAnvilSite[], ours: TOurSite[]): Map<string, string> {
  const out = new Map<string, string>();
  const byAddress = new Map(ours.map((s) => [hostPort(s.anvilUrl), s.id] as const).filter(([k]) => k !== null));
  const byName = new Map(ours.map((s) => [s.name.trim().toLowerCase(), s.id]));
  for (const a of anvilSites) {
    const id = byAddress.get(normalizeAddress(a.mgmtAddress)) ?? byName.get(a.name.trim().toLowerCase());
    if (id) out.set(a.name, id);
  }
  return out;
}
