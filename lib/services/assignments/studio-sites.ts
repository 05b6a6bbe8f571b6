/**
 * The sites and shares the assignment use cases need to map shot paths and to ask Hammerspace where a
 * shot's data is. Read once per request; a handful of rows.
 */
import { db, type Tx } from '@/lib/db/client';
import type { TSiteRootRef } from '@/lib/domain/assignments/shot-paths';

export type TStudioSite = {
  id: string;
  name: string;
  region: string;
  isHome: boolean;
  state: string;
  publishRoot: string | null;
  anvilUrl: string | null;
  anvilUsername: string | null;
  anvilPasswordEnc: string | null;
  anvilTrustSelfSigned: boolean;
};
export type TStudioShare = { id: string; name: string; path: string };
export type TStudioSites = { sites: TStudioSite[]; shares: TStudioShare[]; roots: TSiteRootRef[] };

export async function loadStudioSites(tx: Tx = db()): Promise<TStudioSites> {
  const [sites, shares] = await Promise.all([
    tx.site.findMany({
      select: { id: true, name: true, region: true, isHome: true, state: true, publishRoot: true, anvilUrl: true, anvilUsername: true, anvilPasswordEnc: true, anvilTrustSelfSigned: true },
      orderBy: [{ isHome: 'desc' }, { name: 'asc' }],
    }),
    tx.share.findMany({ select: { id: true, name: true, path: true }, orderBy: { name: 'asc' } }),
  ]);
  return { sites, shares, roots: sites.map((s) => ({ siteId: s.id, publishRoot: s.publishRoot })) };
}
