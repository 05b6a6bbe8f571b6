import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnvilClient, control } from '@/sim/hammerspace/client';
import { DEFAULT_SITES, startAnvilCluster, type AnvilCluster } from '@/sim/hammerspace/cluster';

type Err = { errorCode: string; message: string; args: string[] }[];
type Task = { uuid: string; name: string; status: string; statusMessage: string; progress: number; ctxMap: Record<string, string>; paramsMap: Record<string, string> };
type Share = { name: string; path: string; uoid: { uuid: string }; shareState: string; shareParticipants: unknown[]; shareObjectives: { objective: { name: string } }[] };

let cluster: AnvilCluster;
let east: AnvilClient;
let sydney: AnvilClient;
let ctl: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anvil-res-'));
  cluster = await startAnvilCluster({ sites: DEFAULT_SITES, basePort: 0, dataDir, linkDelayMs: 200, config: { taskStepMs: 150 } }); // slow enough for a poll every 10 ms to see each state on a busy machine
  east = new AnvilClient(cluster.describe()['us-east-1']!);
  sydney = new AnvilClient(cluster.describe()['ap-southeast-2']!);
  ctl = cluster.controlUrl;
});

afterAll(async () => {
  await cluster?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Polls a task, recording every status seen on the way. */
async function follow(client: AnvilClient, location: string): Promise<{ task: Task; seen: string[] }> {
  const seen: string[] = [];
  for (let i = 0; i < 400; i++) {
    const t = (await client.get<Task>(location)).body;
    if (seen.at(-1) !== t.status) seen.push(t.status);
    if (['COMPLETED', 'FAILED', 'CANCELLED', 'HALTED', 'VALIDATION_FAILED'].includes(t.status)) return { task: t, seen };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('task did not finish');
}

describe('cluster, nodes, sites, volumes', () => {
  it('serves /cntl, /cntl/state and /system/health', async () => {
    const state = await east.get<Record<string, unknown>>('/cntl/state');
    expect(state.status).toBe(200);
    expect(state.body).toMatchObject({ name: 'Studio East', state: 'HA', prometheusEnabled: true });
    expect(Math.abs((state.body.currentTimeMs as number) - Date.now())).toBeLessThan(5000);
    expect(state.body.uoid).toMatchObject({ objectType: 'CLUSTER' });
    const list = await east.get<unknown[]>('/cntl');
    expect(list.body).toHaveLength(1);
    const health = await east.get<{ clusterState: string }>('/system/health');
    expect(health.body.clusterState).toBe('HA');
  });

  it('lists nodes with versions, and finds one by name', async () => {
    const nodes = await east.get<{ name: string; _type: string; productNodeType: string; swVersion?: { version: string } }[]>('/nodes');
    const anvil = nodes.body.find((n) => n.productNodeType === 'ANVIL');
    expect(anvil?._type).toBe('NODE');
    expect(anvil?.swVersion?.version).toMatch(/^5\./);
    expect((await east.get(`/nodes/${encodeURIComponent(anvil!.name)}`)).status).toBe(200);
    expect((await east.get<Err>('/nodes/nope')).body[0]?.errorCode).toBe('ENTITY_NOT_FOUND');
  });

  it('lists the local site and the remote sites it knows', async () => {
    const sites = await east.get<{ name: string; type: string; shareParticipants: unknown[] }[]>('/sites');
    expect(sites.body.map((s) => [s.name, s.type])).toEqual([['Studio East', 'LOCAL'], ['Studio West', 'REMOTE'], ['London', 'REMOTE']]);
    expect(sites.body[1]?.shareParticipants.length).toBe(1);
    const alone = await sydney.get<{ name: string; type: string }[]>('/sites');
    expect(alone.body.map((s) => s.name)).toEqual(['Sydney']);
    expect((await east.get<{ name: string }>('/sites/London')).body.name).toBe('London');
  });

  it('has one shared S3 bucket volume on every site', async () => {
    for (const c of [east, sydney]) {
      const osv = await c.get<{ name: string; shared: boolean; sites: unknown[]; storageVolumeState: string }[]>('/object-storage-volumes');
      expect(osv.body).toHaveLength(1);
      expect(osv.body[0]).toMatchObject({ name: 'studio-gfs-bucket', shared: true, storageVolumeState: 'OK' });
      expect(osv.body[0]?.sites).toHaveLength(4);
    }
    const base = await east.get<{ _type: string }[]>('/base-storage-volumes');
    expect(base.body.map((v) => v._type).sort()).toEqual(['OBJECT_STORAGE_VOLUME', 'STORAGE_VOLUME']);
  });
});

describe('shares and tasks', () => {
  it('creates a share through a 202 task that walks QUEUED → VALIDATING → EXECUTING → COMPLETED', async () => {
    const r = await east.post<Task>('/shares', {
      name: 'renders', path: '/renders', comment: 'scratch', shareObjectives: [{ objective: { name: 'keep-online' }, applicability: 'TRUE', removable: true }],
    });
    expect(r.status).toBe(202);
    const location = r.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${east.target.url}/tasks/[0-9a-f-]{36}$`));
    expect(r.body.status).toBe('QUEUED');
    const dup = await east.post<Err>('/shares', { name: 'renders' });
    expect(dup.status).toBe(400);
    expect(dup.body[0]?.errorCode).toBe('ENTITY_ALREADY_EXISTS');
    const { task, seen } = await follow(east, location);
    expect(seen).toEqual(['QUEUED', 'VALIDATING', 'EXECUTING', 'COMPLETED']);
    expect(task.progress).toBe(1);
    expect(task.name).toBe('share-create');
    const share = await east.get<Share>('/shares/renders');
    expect(share.body).toMatchObject({ name: 'renders', path: '/renders', shareState: 'PUBLISHED', shareParticipants: [] });
    expect(share.body.shareObjectives.map((o) => o.objective.name)).toEqual(['keep-online']);
    const put = await east.put(`/shares/renders`, { ...share.body, comment: 'renders (updated)' });
    expect(put.status).toBe(202);
    expect((await follow(east, put.headers.get('location')!)).task.status).toBe('COMPLETED');
    expect((await east.get<{ comment: string }>('/shares/renders')).body.comment).toBe('renders (updated)');
    expect(task.ctxMap['entity-uoid']).toContain(`uuid=${share.body.uoid.uuid}`);
    expect((await east.get<Share>(`/shares/${share.body.uoid.uuid}`)).body.name).toBe('renders');
    expect(fs.existsSync(path.join(cluster.describe()['us-east-1']!.shareRoot, 'renders'))).toBe(true);
    expect((await east.post<Err>('/shares', { name: 'renders' })).status).toBe(400);
  });

  it('answers 404 for unknown shares and 400 for invalid names', async () => {
    const r = await east.get<Err>('/shares/no-such-share');
    expect(r.status).toBe(404);
    expect(r.body[0]?.errorCode).toBe('ENTITY_NOT_FOUND');
    expect((await east.delete('/shares/no-such-share')).status).toBe(404);
    const bad = await east.post<Err>('/shares', { name: 'x'.repeat(81) });
    expect(bad.status).toBe(400);
    expect(bad.body[0]?.errorCode).toBe('VALIDATION_VIOLATION');
  });

  it('takes the next task of a kind to FAILED when a fault says so', async () => {
    await control(ctl, 'POST', '/sites/us-east-1/task-faults', { kind: 'share-create', status: 'FAILED', message: 'disk full' });
    const r = await east.post<Task>('/shares', { name: 'doomed' });
    expect(r.status).toBe(202);
    const { task, seen } = await follow(east, r.headers.get('location')!);
    expect(task.status).toBe('FAILED');
    expect(seen).toContain('EXECUTING');
    expect(task.statusMessage).toBe('Status: 500, Output: disk full');
    expect((await east.get('/shares/doomed')).status).toBe(404);
  });

  it('halts a task and resumes it as a new task through PUT /tasks/{id}', async () => {
    await control(ctl, 'POST', '/sites/us-east-1/task-faults', { kind: 'share-create', status: 'HALTED' });
    const r = await east.post<Task>('/shares', { name: 'resumable' });
    const halted = await follow(east, r.headers.get('location')!);
    expect(halted.task.status).toBe('HALTED');
    const resumed = await east.put<Task>(`/tasks/${halted.task.uuid}`, { ...halted.task, status: 'RESUMED' });
    expect(resumed.status).toBe(202);
    const done = await follow(east, resumed.headers.get('location')!);
    expect(done.task).toMatchObject({ status: 'COMPLETED', resumedFromId: halted.task.uuid });
    expect((await east.get('/shares/resumable')).status).toBe(200);
  });

  it('deletes a share through a task, and refuses a share already REMOVED', async () => {
    const del = await east.delete<Task>('/shares/resumable');
    expect(del.status).toBe(202);
    expect((await follow(east, del.headers.get('location')!)).task.status).toBe('COMPLETED');
    expect((await east.get('/shares/resumable')).status).toBe(404);

    const delayed = await east.delete('/shares/renders?delete-delay=60');
    expect((await follow(east, delayed.headers.get('location')!)).task.status).toBe('COMPLETED');
    expect((await east.get<Share>('/shares/renders')).body.shareState).toBe('REMOVED');
    const again = await east.delete<Err>('/shares/renders');
    expect(again.status).toBe(400);
    expect(again.body[0]?.message).toBe('Cannot remove a share with state REMOVED.');
  });

  it('refuses to delete a share that still has participants at other sites', async () => {
    const r = await east.delete<Err>('/shares/projects');
    expect(r.status).toBe(400);
    expect(r.body[0]?.errorCode).toBe('ENTITY_IN_USE');
  });

  it('filters and pages lists with spec, page and page.size', async () => {
    for (const name of ['list-a', 'list-b', 'list-c']) {
      const r = await east.post('/shares', { name });
      await follow(east, r.headers.get('location')!);
    }
    const one = await east.get<Share[]>('/shares?spec=name=eq=list-b');
    expect(one.body.map((s) => s.name)).toEqual(['list-b']);
    const like = await east.get<Share[]>('/shares?spec=name=like=list-%25&page.sort=name&page.sort.dir=desc');
    expect(like.body.map((s) => s.name)).toEqual(['list-c', 'list-b', 'list-a']);
    const page = await east.get<Share[]>('/shares?spec=name=sw=list-&page.sort=name&page=1&page.size=2');
    expect(page.body.map((s) => s.name)).toEqual(['list-c']);
    const inList = await east.get<Share[]>('/shares?spec=name=in=list-a,list-c');
    expect(inList.body).toHaveLength(2);
    const tasks = await east.get<Task[]>('/tasks?spec=name=eq=share-create&spec=status=eq=FAILED');
    expect(tasks.body.map((t) => t.paramsMap.name)).toEqual(['doomed']);
    expect((await east.get('/shares?spec=broken')).status).toBe(400);
  });
});

describe('objectives', () => {
  const clipRule = `IF FNMATCH("*/flame/*.clip",PATH) THEN {SLO('place-on-local-volumes')}`;

  it('validates expressions with line and column errors', async () => {
    const ok = await east.get<{ ok: boolean; errors: unknown[] }>(`/objectives/validate/${encodeURIComponent(clipRule)}`);
    expect(ok.body).toMatchObject({ ok: true, errors: [] });
    const bad = `IF FNMATCH("*.clip",PATH)\nTHEN SLO('place-on-local-volumes')`;
    const r = await east.get<{ ok: boolean; result: number; errors: { line: number; column: number; message: string }[] }>(`/objectives/validate/${encodeURIComponent(bad)}`);
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.result).not.toBe(0);
    expect(r.body.errors[0]).toMatchObject({ line: 2, column: 6 });
    expect(r.body.errors[0]?.message).toMatch(/\{/);
    const unknown = await east.get<{ errors: { line: number; column: number; message: string }[] }>(
      `/objectives/validate/${encodeURIComponent(`IF FNMATCH("*.clip",PATH) THEN {SLO('no-such-objective')}`)}`,
    );
    expect(unknown.body.errors[0]).toMatchObject({ line: 1, column: 37 });
    expect(unknown.body.errors[0]?.message).toContain('no-such-objective');
    const fn = await east.get<{ errors: { column: number; message: string }[] }>(`/objectives/validate/${encodeURIComponent('IF FNMATCH("a") THEN {}')}`);
    expect(fn.body.errors[0]?.message).toMatch(/FNMATCH takes 2/);
    const unterminated = await east.get<{ errors: { line: number; column: number }[] }>(`/objectives/validate/${encodeURIComponent('IF "abc THEN {}')}`);
    expect(unterminated.body.errors[0]).toMatchObject({ line: 1, column: 4 });
  });

  it('creates objectives synchronously (200) and refuses duplicates and bad expressions', async () => {
    const r = await east.post<{ name: string; basic: boolean; expression: string; uoid: { objectType: string } }>('/objectives', {
      name: 'clips-local', comment: 'Flame clips stay local', basic: false, expression: clipRule, extendedInfo: { isAdvanced: 'true' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'clips-local', basic: false, expression: clipRule, uoid: { objectType: 'OBJECTIVE' } });
    expect((await east.post<Err>('/objectives', { name: 'clips-local', basic: true })).body[0]?.errorCode).toBe('ENTITY_ALREADY_EXISTS');
    const bad = await east.post<Err>('/objectives', { name: 'broken', basic: false, expression: 'IF PATH THEN' });
    expect(bad.status).toBe(400);
    expect(bad.body[0]?.errorCode).toBe('VALIDATION_VIOLATION');
    expect(bad.body[0]?.args.slice(0, 2)).toEqual(['1', '13']);
    const list = await east.get<{ name: string }[]>('/objectives?spec=name=eq=clips-local');
    expect(list.body).toHaveLength(1);
    // Objectives are per site: West does not know this one.
    expect((await new AnvilClient(cluster.describe()['us-west-2']!).get('/objectives/clips-local')).status).toBe(404);
  });

  it('sets, lists and unsets objectives on a share path', async () => {
    const set = await east.post<{ appliedObjectives: { objective: { name: string }; applicability: string }[]; path: string; shareName: string }>(
      '/shares/projects/objective-set?path=/show&objective-identifier=clips-local&applicability=TRUE',
    );
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ shareName: 'projects', path: '/show' });
    expect(set.body.appliedObjectives.map((a) => a.objective.name)).toEqual(['clips-local']);
    const child = await east.get<{ appliedObjectives: { objective: { name: string } }[]; appliedLocalObjectives: unknown[] }>(
      '/shares/projects/objective-list?path=/show/shot010',
    );
    expect(child.body.appliedObjectives.map((a) => a.objective.name)).toEqual(['clips-local']);
    expect(child.body.appliedLocalObjectives).toEqual([]);
    const used = await east.delete<Err>('/objectives/clips-local');
    expect(used.body[0]?.errorCode).toBe('DELETE_FORBIDDEN_ENTITY_USED_BY');
    expect((await east.post('/shares/projects/objective-set?objective-identifier=no-such')).status).toBe(404);
    const unset = await east.post<{ appliedObjectives: unknown[] }>('/shares/projects/objective-unset?path=/show&objective-identifier=clips-local');
    expect(unset.body.appliedObjectives).toEqual([]);
    expect((await east.delete('/objectives/clips-local')).status).toBe(200);
  });
});

describe('events, clock and attributes', () => {
  it('reports a skewed clock and raises REPLICATION_CLOCK_OUT_OF_SYNC', async () => {
    await control(ctl, 'PUT', '/sites/us-east-1/clock', { skewMs: 60_000 });
    const state = await east.get<{ currentTimeMs: number }>('/cntl/state');
    expect(state.body.currentTimeMs - Date.now()).toBeGreaterThan(55_000);
    const events = await east.get<{ type: string; severity: string; created: number }[]>('/events?spec=type=eq=REPLICATION_CLOCK_OUT_OF_SYNC');
    expect(events.body).toHaveLength(1);
    expect(events.body[0]?.severity).toBe('WARNING');
    const summary = await east.get<{ type: string; count: number }[]>('/events/summary?groupBy=type');
    expect(summary.body.find((s) => s.type === 'REPLICATION_CLOCK_OUT_OF_SYNC')?.count).toBe(1);
    await control(ctl, 'PUT', '/sites/us-east-1/clock', { skewMs: 0 });
  });

  it('stores attributes on a share path', async () => {
    const set = await east.post('/shares/projects/attribute?path=/.hs-canary', { name: 'canary_ts', type: 'STRING', value: '12345' });
    expect(set.status).toBe(200);
    const got = await east.get<{ name: string; value: string }[]>('/shares/projects/attribute?path=/.hs-canary');
    expect(got.body).toEqual([{ name: 'canary_ts', type: 'STRING', value: '12345' }]);
  });
});
