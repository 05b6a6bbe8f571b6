/** The periodic rescan of the home site's publish root (a safety net under the watcher). */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { scanPublishRoot } from '@/lib/services/shots/scan-publish-root';

export const shotsRescanTask: Task = async (payload) => {
  const input = parsePayload('shots:rescan', payload ?? {});
  const report = await scanPublishRoot({ trustStat: !input.full });
  // A root that cannot be read at all is worth a retry with backoff; a clip that fails to parse is not
  // (it is recorded on its shot and read again when it changes).
  if (report.root === null || (report.clips === 0 && report.errors.length > 0)) throw new Error(`shots rescan: ${report.errors.join('; ')}`);
};
