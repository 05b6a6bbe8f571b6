import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnvilClient, control, until } from '@/sim/hammerspace/client';
import { DEFAULT_SITES, startAnvilCluster, type AnvilCluster } from '@/sim/hammerspace/cluster';

const DELAY = 300;
let cluster: AnvilCluster;
let dataDir: string;
let ctl: string;
let east: AnvilClient;
let west: AnvilClient;

function refused(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(port), hostname);
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anvil-outage-'));
  cluster = await startAnvilCluster({ sites: DEFAULT_SITES, basePort: 0, dataDir, linkDelayMs: DELAY, config: { taskStepMs: 30 } });
  east = new AnvilClient(cluster.describe()['us-east-1']!);
  west = new AnvilClient(cluster.describe()['us-west-2']!);
  ctl = cluster.controlUrl;
});

afterAll(async () => {
  await cluster?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Anvil outage', () => {
  it('refuses connections while down and comes back on the same port with its state intact', async () => {
    const created = await west.post('/shares', { name: 'west-only' });
    expect((await west.waitTask(created.headers.get('location')!)).status).toBe('COMPLETED');
    await west.post('/objectives', { name: 'keep-me', basic: true });
    const { cookie } = await west.login();
    const urlBefore = cluster.describe()['us-west-2']!.url;

    const down = await control<{ up: boolean }>(ctl, 'POST', '/sites/us-west-2/down');
    expect(down.body.up).toBe(false);
    expect(await refused(urlBefore)).toBe('ECONNREFUSED');
    const err = await fetch(`${urlBefore}/sites/local`).then(
      () => undefined,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code,
    );
    expect(err).toBe('ECONNREFUSED');

    // East keeps writing; West's participant turns SUSPECTED and the backlog grows.
    fs.writeFileSync(path.join(cluster.describe()['us-east-1']!.shareRoot, 'projects', 'during-outage.txt'), 'x');
    const suspected = await until(async () => {
      const parts = await east.get<{ name: string; operState: string }[]>('/share-participants?spec=name=eq=Studio West');
      return parts.body[0]?.operState === 'SUSPECTED' ? parts.body[0] : undefined;
    }, 2000);
    expect(suspected.operState).toBe('SUSPECTED');
    await new Promise((r) => setTimeout(r, DELAY + 300));
    const links = await control<{ from: string; to: string; pending: number }[]>(ctl, 'GET', '/links');
    expect(links.body.find((l) => l.from === 'us-east-1' && l.to === 'us-west-2')?.pending).toBeGreaterThan(0);

    const up = await control<{ up: boolean; url: string }>(ctl, 'POST', '/sites/us-west-2/up');
    expect(up.body.up).toBe(true);
    expect(cluster.describe()['us-west-2']!.url).toBe(urlBefore);
    expect(await refused(urlBefore)).toBe('connected');
    expect((await west.get<{ name: string }>('/shares/west-only')).body.name).toBe('west-only');
    expect((await west.get('/objectives/keep-me')).status).toBe(200);
    expect((await west.withCookie(cookie!).get('/cntl/state')).status).toBe(200);
    await until(async () => ((await west.get('/files/projects/during-outage.txt')).status === 200 ? true : undefined), DELAY + 1500);
    const back = await east.get<{ operState: string }[]>('/share-participants?spec=name=eq=Studio West');
    expect(back.body[0]?.operState).toBe('UP');
  });

  it('fails a participant removal for an unreachable site unless told to ignore it', async () => {
    await control(ctl, 'POST', '/sites/eu-west-2/down');
    const r = await east.delete('/share-participants/projects/London');
    expect(r.status).toBe(202);
    const task = await east.waitTask(r.headers.get('location')!);
    expect(task.status).toBe('FAILED');
    expect(task.statusMessage).toMatch(/ignoreRemoveFailures/);
    await control(ctl, 'POST', '/sites/eu-west-2/up');
  });

  it('brings every site back and clears faults on reset', async () => {
    await control(ctl, 'POST', '/sites/us-west-2/down');
    await control(ctl, 'POST', '/links/*/*/pause');
    const reset = await control(ctl, 'POST', '/reset');
    expect(reset.status).toBe(200);
    const state = await control<{ sites: { up: boolean }[]; links: { paused: boolean }[] }>(ctl, 'GET', '');
    expect(state.body.sites.every((s) => s.up)).toBe(true);
    expect(state.body.links.some((l) => l.paused)).toBe(false);
    expect((await west.get('/cntl/state')).status).toBe(200);
  });
});
