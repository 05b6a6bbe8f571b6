/**
 * Downloads a workstation's `.dcv` connection file. For its artist and for admins; anyone else gets
 * 404 (the service never confirms that someone else's machine exists).
 */
import { route } from '@/lib/auth/guards';
import { getDcvFile } from '@/lib/services/workstations/get-dcv-file';

export const dynamic = 'force-dynamic';

export const GET = route(['admin', 'artist'], async (actor, _req, ctx) => {
  const { id } = await ctx.params;
  const file = await getDcvFile(actor, { id: id ?? '' });
  return new Response(file.content, {
    headers: {
      'content-type': 'application/x-dcv; charset=utf-8',
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'private, no-store',
    },
  });
});
