/** The periodic rescan of the home site's publish root (a safety net under the watcher). */
import type { Task } from 'graphile-worker';
import { parsePayload } from '@/lib/jobs';
import { logger } from '@/lib/logger';
import { scanPublishRoot } from '@/lib/services/shots/scan-publish-root';

export const shotsRescanTask: Task = async (payload) => {
  const input = parsePayload('shots:rescan', payload ?? {});
  const report = await scanPublishRoot({ trustStat: !input.full });
  // A studio with no home site or publish root yet has nothing to scan: said in the log, not a failed
  // job every five minutes. A root that cannot be read is worth a retry with backoff; a clip that fails
  // to parse is not (it is recorded on its shot and read again when it changes).
  if (report.root === null) {
    logger.info({ reason: report.errors[0] }, 'shots rescan: nothing to scan');
    return;
  }
  if (report.clips === 0 && report.errors.length > 0) throw new Error(`shots rescan: ${report.errors.join('; ')}`);
};
