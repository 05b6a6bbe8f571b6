/**
 * Data locality badges of some shots (`?ids=a,b,c`), for the Shots pages: each site's Anvil is asked
 * where the shot folder's files are, so this is read apart from the page and refreshed on its own.
 */
import { route } from '@/lib/auth/guards';
import { getShotLocality } from '@/lib/services/shots/get-shot-locality';

export const dynamic = 'force-dynamic';

export const GET = route(['admin', 'producer'], async (actor, req) => {
  const params = new URL(req.url).searchParams;
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean);
  const shots = await getShotLocality(actor, { shotIds: ids, stamp: params.get('stamp') ?? undefined });
  return Response.json({ shots }, { headers: { 'cache-control': 'private, no-store' } });
});
