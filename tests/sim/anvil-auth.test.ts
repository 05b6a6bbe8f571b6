import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnvilClient, control } from '@/sim/hammerspace/client';
import { DEFAULT_SITES, startAnvilCluster, type AnvilCluster } from '@/sim/hammerspace/cluster';

let cluster: AnvilCluster;
let east: AnvilClient;
let ctl: string;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anvil-auth-'));
  cluster = await startAnvilCluster({ sites: DEFAULT_SITES, basePort: 0, dataDir, linkDelayMs: 200, config: { taskStepMs: 40 } });
  const d = cluster.describe()['us-east-1']!;
  east = new AnvilClient(d);
  ctl = cluster.controlUrl;
});

afterAll(async () => {
  await cluster?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Anvil authentication', () => {
  it('describes every site with its own URL and credentials', () => {
    const d = cluster.describe();
    expect(Object.keys(d)).toEqual(['us-east-1', 'us-west-2', 'eu-west-2', 'ap-southeast-2']);
    const urls = new Set(Object.values(d).map((s) => s.url));
    expect(urls.size).toBe(4);
    for (const s of Object.values(d)) {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mgmt\/v1\.2\/rest$/);
      expect(s.username).toBe('admin');
      expect(fs.existsSync(s.shareRoot)).toBe(true);
    }
    expect(new Set(Object.values(d).map((s) => s.password)).size).toBe(4);
  });

  it('answers GET /sites/local without a login, and 401 elsewhere', async () => {
    const anon = east.anonymous();
    const local = await anon.get<{ name: string; type: string }>('/sites/local');
    expect(local.status).toBe(200);
    expect(local.body).toMatchObject({ name: 'Studio East', type: 'LOCAL' });
    const shares = await anon.get<{ errorCode: string }[]>('/shares');
    expect(shares.status).toBe(401);
    expect(Array.isArray(shares.body)).toBe(true);
    expect(shares.body[0]?.errorCode).toBeTruthy();
  });

  it('accepts HTTP Basic on any call and rejects wrong credentials', async () => {
    expect((await east.get('/shares')).status).toBe(200);
    expect((await east.as('admin', 'wrong').get('/shares')).status).toBe(401);
    const west = cluster.describe()['us-west-2']!;
    expect((await east.as(west.username, west.password).get('/shares')).status).toBe(401);
  });

  it('logs in with form fields, sets a session cookie, and refuses bad passwords', async () => {
    const bad = await east.login('admin', 'nope');
    expect(bad.status).toBe(401);
    const ok = await east.login();
    expect(ok.status).toBe(200);
    expect(ok.cookie).toMatch(/^JSESSIONID=/);
    const r = await east.withCookie(ok.cookie!).get<unknown[]>('/nodes');
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(0);
  });

  it('expires idle sessions (401) and all sessions on demand', async () => {
    await control(ctl, 'PUT', '/config', { sessionIdleMs: 300 });
    const { cookie } = await east.login();
    const s = east.withCookie(cookie!);
    expect((await s.get('/cntl/state')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 450));
    const expired = await s.get<{ errorCode: string; message: string }[]>('/cntl/state');
    expect(expired.status).toBe(401);
    expect(expired.body[0]?.message).toMatch(/expired/i);
    await control(ctl, 'PUT', '/config', { sessionIdleMs: 3_600_000 });

    const again = await east.login();
    const s2 = east.withCookie(again.cookie!);
    expect((await s2.get('/shares')).status).toBe(200);
    const exp = await control<{ expired: number }>(ctl, 'POST', '/sites/us-east-1/sessions/expire');
    expect(exp.body.expired).toBeGreaterThanOrEqual(1);
    expect((await s2.get('/shares')).status).toBe(401);
    expect((await east.get('/shares')).status).toBe(200);
  });

  it('gives a non-admin user read access but 403 on mutating calls', async () => {
    const d = cluster.describe()['us-east-1']!;
    const viewer = east.as(d.viewerUsername, d.viewerPassword);
    expect((await viewer.get('/shares')).status).toBe(200);
    const create = await viewer.post<{ errorCode: string }[]>('/shares', { name: 'viewer-share', path: '/viewer-share' });
    expect(create.status).toBe(403);
    expect(create.body[0]?.errorCode).toBe('INSUFFICIENT_AUTHORIZATION');
    expect((await viewer.post('/objectives', { name: 'x', basic: true })).status).toBe(403);
    expect((await viewer.post('/sites', { address: 'London' })).status).toBe(403);
    const me = await viewer.get<{ name: string }>('/users/_current');
    expect(me.body.name).toBe('viewer');
  });

  it('injects 5xx answers, for a number of calls or until cleared', async () => {
    const set = await control(ctl, 'POST', '/sites/us-east-1/errors', { status: 503, errorCode: 'PDFS_COMMUNICATION_ERROR', count: 2 });
    expect(set.status).toBe(200);
    const a = await east.get<{ errorCode: string }[]>('/shares');
    expect(a.status).toBe(503);
    expect(a.body[0]?.errorCode).toBe('PDFS_COMMUNICATION_ERROR');
    expect((await east.anonymous().get('/sites/local')).status).toBe(503);
    expect((await east.get('/shares')).status).toBe(200);

    await control(ctl, 'POST', '/sites/us-east-1/errors', { status: 500 });
    expect((await east.get('/nodes')).status).toBe(500);
    expect((await east.get('/nodes')).status).toBe(500);
    await control(ctl, 'DELETE', '/sites/us-east-1/errors');
    expect((await east.get('/nodes')).status).toBe(200);
  });

  it('counts the calls each Anvil received and resets them', async () => {
    const calls = await control<{ counters: Record<string, number>; calls: { route: string; status: number }[] }>(ctl, 'GET', '/sites/us-east-1/calls');
    expect(calls.body.counters['GET /shares']).toBeGreaterThanOrEqual(3);
    expect(calls.body.calls.some((c) => c.status === 503)).toBe(true);
    await control(ctl, 'POST', '/reset');
    const after = await control<{ counters: Record<string, number> }>(ctl, 'GET', '/sites/us-east-1/calls');
    expect(after.body.counters['GET /shares']).toBeUndefined();
  });
});
