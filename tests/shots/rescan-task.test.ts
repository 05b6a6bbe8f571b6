import { describe, expect, it } from 'vitest';
import { shotsRescanTask } from '@/workers/tasks/shots-rescan';
import { setupTestDatabase } from '../helpers/db';

// The periodic rescan job: a studio with nothing to scan yet is not a failure (no failed job piling up
// every five minutes); a publish root that cannot be read is, so graphile-worker retries it with backoff.
const t = setupTestDatabase();
const run = () => shotsRescanTask({}, {} as never);

describe('the periodic rescan job', () => {
  it('succeeds with nothing to scan while no site is the home site, or the home site has no publish root', async () => {
    await expect(run()).resolves.toBeUndefined();
    await t.db.site.create({ data: { region: 'us-east-1', name: 'Studio East', isHome: true, state: 'active' } });
    await expect(run()).resolves.toBeUndefined();
  });

  it('fails, to be retried, when the home site’s publish root cannot be read', async () => {
    await t.db.site.update({ where: { region: 'us-east-1' }, data: { publishRoot: '/nonexistent/studio/projects' } });
    await expect(run()).rejects.toThrow(/publish root \/nonexistent\/studio\/projects of Studio East cannot be read/);
  });
});
