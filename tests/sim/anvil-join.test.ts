import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnvilClient, until } from '@/sim/hammerspace/client';
import { DEFAULT_SITES, startAnvilCluster, type AnvilCluster } from '@/sim/hammerspace/cluster';

const DELAY = 300;
type Err = { errorCode: string; message: string }[];
type Share = { name: string; shareParticipants: { name: string; participantId: number; operState: string }[] };

let cluster: AnvilCluster;
let dataDir: string;
let east: AnvilClient;
let west: AnvilClient;
let sydney: AnvilClient;
let sydneyRoot: string;
let eastRoot: string;

const listedAt = (c: AnvilClient, rel: string) => async () => ((await c.get(`/files/projects${rel}`)).status === 200 ? true : undefined);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anvil-join-'));
  const early = path.join(dataDir, 'sites', 'us-east-1', 'projects', 'existing', 'before-join.txt');
  fs.mkdirSync(path.dirname(early), { recursive: true });
  fs.writeFileSync(early, 'already here');
  // Sydney holds an old copy from an earlier membership: it must be refreshed, not win.
  const stale = path.join(dataDir, 'sites', 'ap-southeast-2', 'projects', 'existing', 'before-join.txt');
  fs.mkdirSync(path.dirname(stale), { recursive: true });
  fs.writeFileSync(stale, 'stale copy');
  fs.utimesSync(stale, new Date('2020-01-01'), new Date('2020-01-01'));
  cluster = await startAnvilCluster({ sites: DEFAULT_SITES, basePort: 0, dataDir, linkDelayMs: DELAY, config: { taskStepMs: 30 } });
  const d = cluster.describe();
  east = new AnvilClient(d['us-east-1']!);
  west = new AnvilClient(d['us-west-2']!);
  sydney = new AnvilClient(d['ap-southeast-2']!);
  sydneyRoot = d['ap-southeast-2']!.shareRoot;
  eastRoot = d['us-east-1']!.shareRoot;
});

afterAll(async () => {
  await cluster?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('joining Sydney to the global namespace', () => {
  it('starts with Sydney up but alone, and with folders already in shares seen everywhere', async () => {
    expect((await sydney.get<unknown[]>('/shares')).body).toEqual([]);
    expect((await east.get<{ name: string }[]>('/sites')).body.map((s) => s.name)).not.toContain('Sydney');
    expect((await west.get('/files/projects/existing/before-join.txt')).status).toBe(200);
  });

  it('refuses a participant for a site that is not yet a remote site', async () => {
    const r = await east.post<Err>('/share-participants', { shareName: 'projects', name: 'Sydney', addSpec: { siteUsername: 'admin', sitePassword: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body[0]?.errorCode).toBe('VALIDATION_VIOLATION');
  });

  it('adds Sydney as a remote site at the home Anvil (both sides then know each other)', async () => {
    const address = new URL(cluster.describe()['ap-southeast-2']!.url).host;
    const r = await east.post<{ name: string; type: string; siteMgmtAddress: string }>('/sites', { address, trustClientCert: true });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'Sydney', type: 'REMOTE', siteMgmtAddress: address });
    expect((await east.post<Err>('/sites', { address })).body[0]?.errorCode).toBe('ENTITY_ALREADY_EXISTS');
    expect((await east.post<Err>('/sites', { address: '127.0.0.1:1' })).body[0]?.errorCode).toBe('REMOTE_MGMT_ERROR');
    const seen = await sydney.get<{ name: string; type: string }[]>('/sites');
    expect(seen.body.map((s) => [s.name, s.type])).toEqual([['Sydney', 'LOCAL'], ['Studio East', 'REMOTE']]);
  });

  it('fails the participant task when the remote credentials are wrong', async () => {
    const r = await east.post('/share-participants', { shareName: 'projects', name: 'Sydney', addSpec: { siteUsername: 'admin', sitePassword: 'wrong' } });
    expect(r.status).toBe(202);
    const task = await east.waitTask(r.headers.get('location')!);
    expect(task.status).toBe('FAILED');
    expect(task.statusMessage).toMatch(/Authentication to Sydney failed/);
    const events = await east.get<unknown[]>('/events?spec=type=eq=GFS_PARTICIPANT_ADD_FAILED');
    expect(events.body).toHaveLength(1);
  });

  it('adds Sydney as a participant: the share appears there and files replicate both ways', async () => {
    const d = cluster.describe()['ap-southeast-2']!;
    const r = await east.post('/share-participants', { shareName: 'projects', name: 'Sydney', addSpec: { siteUsername: d.username, sitePassword: d.password } });
    expect(r.status).toBe(202);
    expect((await east.waitTask(r.headers.get('location')!)).status).toBe('COMPLETED');

    const share = await sydney.get<Share>('/shares/projects');
    expect(share.status).toBe(200);
    expect(share.body.shareParticipants.map((p) => p.name)).toEqual(['Studio East', 'Studio West', 'London', 'Sydney']);
    const atWest = await west.get<Share>('/shares/projects');
    expect(atWest.body.shareParticipants.map((p) => p.participantId)).toEqual([1, 2, 3, 4]);
    expect((await west.get<{ name: string }[]>('/sites')).body.map((s) => s.name)).toContain('Sydney');
    expect((await east.get<unknown[]>('/events?spec=type=eq=GFS_PARTICIPANT_ADDED')).body).toHaveLength(1);

    await until(listedAt(sydney, '/existing/before-join.txt'), DELAY + 1500);
    const refreshed = path.join(sydneyRoot, 'projects', 'existing', 'before-join.txt');
    await until(async () => (fs.readFileSync(refreshed, 'utf8') === 'already here' ? true : undefined), 2000);
    await new Promise((res) => setTimeout(res, DELAY + 100));
    expect(fs.readFileSync(path.join(eastRoot, 'projects', 'existing', 'before-join.txt'), 'utf8')).toBe('already here');
    fs.writeFileSync(path.join(eastRoot, 'projects', 'after-join.clip'), 'new clip');
    await until(listedAt(sydney, '/after-join.clip'), DELAY + 1500);
    expect(fs.existsSync(path.join(sydneyRoot, 'projects', 'after-join.clip'))).toBe(false);

    fs.writeFileSync(path.join(sydneyRoot, 'projects', 'from-sydney.txt'), 'g\'day');
    await until(listedAt(new AnvilClient(cluster.describe()['eu-west-2']!), '/from-sydney.txt'), DELAY + 1500);
  });

  it('places data at Sydney once an objective there asks for it', async () => {
    await sydney.post('/objectives', { name: 'clips-here', basic: false, expression: `IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')}` });
    const set = await sydney.post('/shares/projects/objective-set?objective-identifier=clips-here');
    expect(set.status).toBe(200);
    await until(async () => (fs.existsSync(path.join(sydneyRoot, 'projects', 'after-join.clip')) ? true : undefined), 2000);
    expect(fs.readFileSync(path.join(sydneyRoot, 'projects', 'after-join.clip'), 'utf8')).toBe('new clip');
  });

  it('removes the participant: Sydney leaves, the others forget it, replication to it stops', async () => {
    const r = await east.delete('/share-participants/projects/Sydney');
    expect(r.status).toBe(202);
    expect((await east.waitTask(r.headers.get('location')!)).status).toBe('COMPLETED');
    expect((await east.get<Share>('/shares/projects')).body.shareParticipants.map((p) => p.name)).toEqual(['Studio East', 'Studio West', 'London']);
    const left = await sydney.get<Share>('/shares/projects');
    expect(left.body.shareParticipants).toEqual([]);
    expect((await sydney.get('/files/projects/after-join.clip')).status).toBe(200);
    fs.writeFileSync(path.join(eastRoot, 'projects', 'after-leave.txt'), 'bye');
    await until(listedAt(west, '/after-leave.txt'), DELAY + 1500);
    await new Promise((res) => setTimeout(res, DELAY));
    expect((await sydney.get('/files/projects/after-leave.txt')).status).toBe(500);
    expect((await east.delete('/share-participants/projects/Sydney')).status).toBe(404);
  });
});
