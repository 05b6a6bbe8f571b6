import { afterAll, describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../helpers/db';
import { ensureListening, onChange } from '@/lib/services/live/listen-changes';
import { publishChange, type LiveChange } from '@/lib/services/live/publish-change';

const t = setupTestDatabase();
const received: LiveChange[] = [];
let off = () => undefined as void;
afterAll(() => off());

describe('live updates through LISTEN/NOTIFY', () => {
  it('delivers a change only when its transaction commits', async () => {
    off = onChange((c) => received.push(c));
    await ensureListening();
    await t.db.$transaction(async (tx) => {
      await publishChange(tx, { topic: 'workstations', id: 'rolled-back' });
      throw new Error('abort');
    }).catch(() => undefined);
    await t.db.$transaction(async (tx) => publishChange(tx, { topic: 'workstations', id: 'ws-1' }));
    await expect.poll(() => received.map((c) => c.id), { timeout: 5000 }).toContain('ws-1');
    expect(received.map((c) => c.id)).not.toContain('rolled-back');
  });
});
