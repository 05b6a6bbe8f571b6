import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnvilClient, control, until } from '@/sim/hammerspace/client';
import { DEFAULT_SITES, startAnvilCluster, type AnvilCluster } from '@/sim/hammerspace/cluster';

const DELAY = 600;

type FileNode = {
  path: string;
  size: number;
  remote?: boolean;
  children: { name: string; isDirectory: boolean }[];
  replicationDetails?: { siteName: string; cachedCopy: boolean; accessDependency: string; dataPresentAt: string[] };
};
type Participant = { name: string; operState: string; latency: { sendLatencySecs: number; receiveLatencySecs: number; participantId: number } };

let cluster: AnvilCluster;
let dataDir: string;
let ctl: string;
const c: Record<'east' | 'west' | 'london', AnvilClient> = {} as never;
const root: Record<'east' | 'west' | 'london', string> = {} as never;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function write(site: keyof typeof root, rel: string, content: string): void {
  const abs = path.join(root[site], 'projects', rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

const onDisk = (site: keyof typeof root, rel: string) => fs.existsSync(path.join(root[site], 'projects', rel));

async function listed(site: keyof typeof c, rel: string): Promise<FileNode | undefined> {
  const r = await c[site].get<FileNode>(`/files/projects${rel}?includeReplicationDetails=true`);
  return r.status === 200 ? r.body : undefined;
}

async function sendBehind(site: keyof typeof c, to: string): Promise<number> {
  const text = (await c[site].get<string>(cluster.describe()[site === 'east' ? 'us-east-1' : site === 'west' ? 'us-west-2' : 'eu-west-2']!.metricsUrl)).body;
  const line = text.split('\n').find((l) => l.startsWith('hammerspace_filesystem_replication_send_behind{') && l.includes(`to_site="${to}"`) && l.includes('share="projects"'));
  if (!line) throw new Error(`no send_behind line for ${to}`);
  return Number(line.split(' ').pop());
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anvil-repl-'));
  cluster = await startAnvilCluster({ sites: DEFAULT_SITES, basePort: 0, dataDir, linkDelayMs: DELAY, config: { taskStepMs: 40 } });
  const d = cluster.describe();
  for (const [k, region] of [['east', 'us-east-1'], ['west', 'us-west-2'], ['london', 'eu-west-2']] as const) {
    c[k] = new AnvilClient(d[region]!);
    root[k] = d[region]!.shareRoot;
  }
  ctl = cluster.controlUrl;
});

afterAll(async () => {
  await cluster?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('replication bus', () => {
  it("lists a file written into East's folder at West after the link delay, metadata only", async () => {
    const t0 = Date.now();
    write('east', '/show/shot010/flame/comp_v001.clip', '<clip version="1"/>');
    write('east', '/show/shot010/notes.txt', 'notes');
    await sleep(DELAY / 3);
    expect(await listed('west', '/show/shot010/flame/comp_v001.clip')).toBeUndefined();
    expect(await listed('east', '/show/shot010/flame/comp_v001.clip')).toBeDefined();
    const node = await until(() => listed('west', '/show/shot010/flame/comp_v001.clip'), 5000, 10);
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(DELAY - 50);
    expect(elapsed).toBeLessThanOrEqual(DELAY + 1000);
    expect(node).toMatchObject({ path: '/projects/show/shot010/flame/comp_v001.clip', size: 19, remote: true });
    expect(node.replicationDetails).toMatchObject({ siteName: 'Studio East', accessDependency: 'REMOTE', cachedCopy: false, dataPresentAt: ['Studio East'] });
    expect(onDisk('west', '/show/shot010/flame/comp_v001.clip')).toBe(false);
    await until(() => listed('london', '/show/shot010/notes.txt'), 3000);
    const dir = await c.west.get<FileNode>('/files?path=/projects/show/shot010');
    expect(dir.body.children.map((x) => [x.name, x.isDirectory])).toEqual([['notes.txt', false], ['flame', true]]);
    const missing = await c.west.get('/files/projects/nothing-here');
    expect(missing.status).toBe(500);
  });

  it('copies data into West only once an objective at West asks for it', async () => {
    await sleep(300);
    expect(onDisk('west', '/show/shot010/flame/comp_v001.clip')).toBe(false);
    const obj = await c.west.post('/objectives', {
      name: 'flame-clips-local', basic: false, expression: `IF FNMATCH("*/flame/*.clip",PATH) THEN {SLO('place-on-local-volumes')}`,
    });
    expect(obj.status).toBe(200);
    const set = await c.west.post('/shares/projects/objective-set?objective-identifier=flame-clips-local');
    expect(set.status).toBe(200);
    await until(async () => (onDisk('west', '/show/shot010/flame/comp_v001.clip') ? true : undefined), 3000);
    expect(fs.readFileSync(path.join(root.west, 'projects/show/shot010/flame/comp_v001.clip'), 'utf8')).toBe('<clip version="1"/>');
    const node = await until(async () => {
      const n = await listed('west', '/show/shot010/flame/comp_v001.clip');
      return n?.replicationDetails?.accessDependency === 'LOCAL' ? n : undefined;
    }, 2000);
    expect(node.replicationDetails).toMatchObject({ cachedCopy: true });
    expect(node.replicationDetails?.dataPresentAt.sort()).toEqual(['Studio East', 'Studio West']);
    expect(onDisk('west', '/show/shot010/notes.txt')).toBe(false);
    expect(onDisk('london', '/show/shot010/flame/comp_v001.clip')).toBe(false);
    const log = await control<{ from: string; to: string; path: string }[]>(ctl, 'GET', '/log?kind=data-copied');
    expect(log.body).toEqual([expect.objectContaining({ from: 'us-east-1', to: 'us-west-2', path: '/show/shot010/flame/comp_v001.clip' })]);

    write('east', '/show/shot020/flame/grade_v001.clip', '<clip version="2"/>');
    await until(async () => (onDisk('west', '/show/shot020/flame/grade_v001.clip') ? true : undefined), DELAY + 2000);
    expect(onDisk('london', '/show/shot020/flame/grade_v001.clip')).toBe(false);
  });

  it('fetches data on demand when a client reads the file at a site', async () => {
    const r = await fetch(`${cluster.describe()['eu-west-2']!.controlUrl}/read?share=projects&path=/show/shot010/notes.txt`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('notes');
    expect(onDisk('london', '/show/shot010/notes.txt')).toBe(true);
    const node = await listed('london', '/show/shot010/notes.txt');
    expect(node?.replicationDetails?.dataPresentAt.sort()).toEqual(['London', 'Studio East']);
  });

  it('propagates edits to existing instances and deletes everywhere', async () => {
    write('east', '/show/shot010/flame/comp_v001.clip', '<clip version="1" edited="yes"/>');
    await until(async () => {
      const abs = path.join(root.west, 'projects/show/shot010/flame/comp_v001.clip');
      return fs.readFileSync(abs, 'utf8').includes('edited') ? true : undefined;
    }, DELAY + 2000);
    fs.rmSync(path.join(root.east, 'projects/show/shot010/notes.txt'));
    await until(async () => ((await listed('london', '/show/shot010/notes.txt')) ? undefined : true), DELAY + 2000);
    await until(async () => (onDisk('london', '/show/shot010/notes.txt') ? undefined : true), 1000);
    expect(await listed('west', '/show/shot010/notes.txt')).toBeUndefined();
  });

  it('replicates from West to East too, and attributes as well as files', async () => {
    write('west', '/show/shot030/plate.exr', 'pixels');
    await c.west.post('/shares/projects/attribute?path=/.hs-canary', { name: 'canary_ts', value: '42' });
    await until(() => listed('east', '/show/shot030/plate.exr'), DELAY + 2000);
    const attrs = await until(async () => {
      const r = await c.east.get<{ name: string; value: string }[]>('/shares/projects/attribute?path=/.hs-canary');
      return r.body.length ? r.body : undefined;
    }, DELAY + 2000);
    expect(attrs).toEqual([{ name: 'canary_ts', type: 'STRING', value: '42' }]);
  });

  it('grows send_behind while a link is paused and brings it back to 0 after resume', async () => {
    await control(ctl, 'PUT', '/config', { participantMaxSuspectedSec: 1 });
    const paused = await control(ctl, 'POST', '/links/us-east-1/us-west-2/pause');
    expect(paused.status).toBe(200);
    write('east', '/show/shot040/flame/light_v001.clip', 'light');
    await sleep(1400);
    const b1 = await sendBehind('east', 'Studio West');
    await sleep(500);
    const b2 = await sendBehind('east', 'Studio West');
    expect(b1).toBeGreaterThanOrEqual(1);
    expect(b2).toBeGreaterThan(b1);
    expect(await sendBehind('east', 'London')).toBe(0);
    expect(await listed('west', '/show/shot040/flame/light_v001.clip')).toBeUndefined();
    expect(await listed('london', '/show/shot040/flame/light_v001.clip')).toBeDefined();

    const parts = await c.east.get<Participant[]>('/share-participants');
    const westP = parts.body.find((p) => p.name === 'Studio West')!;
    expect(westP.operState).toBe('DOWN');
    expect(westP.latency.sendLatencySecs).toBeGreaterThanOrEqual(1);
    expect(parts.body.find((p) => p.name === 'London')?.operState).toBe('UP');
    const events = await c.east.get<{ type: string; params: string[] }[]>('/events?spec=type=eq=GFS_PARTICIPANT_OPER_STATE_CHANGED');
    expect(events.body.map((e) => e.params.slice(2))).toEqual(expect.arrayContaining([['UP', 'SUSPECTED'], ['SUSPECTED', 'DOWN']]));
    const report = await c.east.get<{ tags: { siteName: string }; columns: string[]; points: number[][] }[]>(
      `/reports/replication/share-latencies/${(await c.east.get<{ uoid: { uuid: string } }>('/shares/projects')).body.uoid.uuid}?precedingDurationMillis=60000`,
    );
    const serie = report.body.find((s) => s.tags.siteName === 'Studio West')!;
    expect(serie.columns).toEqual(['time', 'sendLatencySecs', 'receiveLatencySecs']);
    expect(Math.max(...serie.points.map((p) => p[1]!))).toBeGreaterThanOrEqual(1);

    await control(ctl, 'POST', '/links/us-east-1/us-west-2/resume');
    await until(() => listed('west', '/show/shot040/flame/light_v001.clip'), 2000);
    expect(await sendBehind('east', 'Studio West')).toBe(0);
    const after = await c.east.get<Participant[]>('/share-participants?spec=name=eq=Studio West');
    expect(after.body[0]).toMatchObject({ operState: 'UP', latency: { sendLatencySecs: 0 } });
    await control(ctl, 'PUT', '/config', { participantMaxSuspectedSec: 30 });
  });

  it('uses each link its own delay', async () => {
    await control(ctl, 'PUT', '/links/us-east-1/eu-west-2', { delayMs: 1500 });
    const t0 = Date.now();
    write('east', '/show/shot050/a.txt', 'a');
    await until(() => listed('west', '/show/shot050/a.txt'), 3000, 10);
    const toWest = Date.now() - t0;
    await until(() => listed('london', '/show/shot050/a.txt'), 4000, 10);
    const toLondon = Date.now() - t0;
    expect(toWest).toBeLessThan(DELAY + 800);
    expect(toLondon).toBeGreaterThanOrEqual(1450);
    await control(ctl, 'PUT', '/links/us-east-1/eu-west-2', { delayMs: DELAY });
  });

  it("reports receive latency on the receiver's skewed clock", async () => {
    await control(ctl, 'PUT', '/sites/us-west-2/clock', { skewMs: 30_000 });
    await control(ctl, 'POST', '/links/us-east-1/us-west-2/pause');
    write('east', '/show/shot060/skew.txt', 'skew');
    await sleep(300);
    const atWest = await c.west.get<Participant[]>('/share-participants?spec=name=eq=Studio East');
    expect(atWest.body[0]?.latency.receiveLatencySecs).toBeGreaterThanOrEqual(29);
    expect(await sendBehind('east', 'Studio West')).toBeLessThan(5);
    await control(ctl, 'POST', '/links/us-east-1/us-west-2/resume');
    await control(ctl, 'PUT', '/sites/us-west-2/clock', { skewMs: 0 });
  });
});
