/**
 * The Anvil adapter against the simulated Anvils over HTTP: sessions (cookie, Basic fallback, renewal
 * mid-task), tasks followed to the end and their failures, both error envelopes, encoded identifiers,
 * timeouts, outages, and a self-signed certificate trusted per site.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilClient, closeAnvilClients, createAnvilClient, type AnvilClient, type AnvilConnection } from '@/lib/adapters/hammerspace';
import { AppError } from '@/lib/errors';
import { sim, site, sleep, startTestCluster, until, type TestCluster } from './support';

let t: TestCluster;
const servers: http.Server[] = [];

const conn = (region: string, over: Partial<AnvilConnection> = {}): AnvilConnection => {
  const d = t.cluster.describe()[region]!;
  return { siteId: region, siteName: d.name, url: d.url, username: d.username, password: d.password, trustSelfSigned: false, task: { initialDelayMs: 40, maxDelayMs: 200 }, ...over };
};

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Forwards to `target`, optionally answering 404 on /login (an Anvil with cookie login disabled). */
async function proxy(target: string, opts: { hideLogin?: boolean; tls?: { key: string; cert: string } } = {}): Promise<string> {
  const upstream = new URL(target);
  const handler: http.RequestListener = (req, res) => {
    if (opts.hideLogin && req.url?.endsWith('/login')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('[{"errorCode":"ENTITY_NOT_FOUND","message":"No login here"}]');
      return;
    }
    const fwd = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(fwd);
  };
  const server = opts.tls ? https.createServer(opts.tls, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `${opts.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}${upstream.pathname}`;
}

beforeAll(async () => {
  t = await startTestCluster({ taskStepMs: 60 });
});

afterAll(async () => {
  for (const s of servers) s.close();
  await t?.stop();
});

describe('sessions', () => {
  it('logs in once with a cookie and reuses it', async () => {
    const c = createAnvilClient(conn('us-east-1'));
    await c.clusterState();
    await c.listShares();
    await c.listObjectives();
    expect(c.session.logins).toBe(1);
    c.session.transport.close();
  });

  it('falls back to HTTP Basic when the Anvil has no cookie login', async () => {
    const url = await proxy(conn('us-east-1').url, { hideLogin: true });
    const c = createAnvilClient(conn('us-east-1', { url }));
    expect((await c.getShare('projects')).name).toBe('projects');
    expect(c.session.logins).toBe(0);
    c.session.transport.close();
  });

  it('renews an expired session once and replays the call', async () => {
    const c = createAnvilClient(conn('us-east-1'));
    await c.listShares();
    await sim(t, 'POST', `${site('us-east-1')}/sessions/expire`);
    expect((await c.listShares()).map((s) => s.name)).toContain('projects');
    expect(c.session.logins).toBe(2);
    c.session.transport.close();
  });

  it('renews a session that expires while a task is followed, and the task completes', async () => {
    const c = createAnvilClient(conn('us-east-1'));
    await c.clusterState();
    const creating = c.createShare({ name: 'scratch-renew', path: '/scratch-renew' });
    await sleep(120);
    await sim(t, 'POST', `${site('us-east-1')}/sessions/expire`);
    const outcome = await creating;
    expect(outcome).toMatchObject({ status: 'COMPLETED', name: 'share-create' });
    expect(outcome.entityUuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.session.logins).toBe(2);
    expect((await c.getShare('scratch-renew')).state).toBe('PUBLISHED');
    await c.deleteShare('scratch-renew');
    c.session.transport.close();
  });

  it('shares one session per site between callers with different timeouts', async () => {
    const a = anvilClient(conn('us-west-2', { timeoutMs: 5_000 })) as AnvilClient;
    const b = anvilClient(conn('us-west-2', { timeoutMs: 3_000 })) as AnvilClient;
    await Promise.all([a.listShares(), b.listObjectives(), a.clusterState()]);
    expect(a.session).toBe(b.session);
    expect(a.session.logins).toBe(1);
    closeAnvilClients();
  });

  it('reports refused credentials with the Anvil message', async () => {
    const c = createAnvilClient(conn('us-east-1', { password: 'wrong' }));
    const err = await rejection(c.listShares());
    expect(err.code).toBe('UPSTREAM');
    expect(err.userMessage).toMatch(/Studio East's Anvil refused the stored credentials.*Invalid username or password/);
  });
});

describe('tasks', () => {
  for (const status of ['FAILED', 'CANCELLED', 'VALIDATION_FAILED', 'HALTED'] as const) {
    it(`treats ${status} as a failure carrying the task's message`, async () => {
      const c = createAnvilClient(conn('us-west-2'));
      await sim(t, 'POST', `${site('us-west-2')}/task-faults`, { kind: 'share-create', status, message: `disk quota ${status.toLowerCase()}` });
      const err = await rejection(c.createShare({ name: `doomed-${status.toLowerCase().replace('_', '-')}` }));
      expect(err.code).toBe('UPSTREAM');
      expect(err.vendorCode).toBe(`TASK_${status}`);
      expect(err.userMessage).toContain(`ended ${status}`);
      expect(err.userMessage).toContain(`disk quota ${status.toLowerCase()}`);
      c.session.transport.close();
    });
  }

  it('gives up on a task that never ends, as a timeout', async () => {
    const c = createAnvilClient(conn('us-west-2', { task: { timeoutMs: 800, initialDelayMs: 50, maxDelayMs: 100 } }));
    await sim(t, 'POST', `${site('us-west-2')}/task-faults`, { kind: 'share-create', status: 'NEVER' });
    const err = await rejection(c.createShare({ name: 'forever' }));
    expect(err).toMatchObject({ code: 'TIMEOUT', vendorCode: 'TASK_TIMEOUT' });
    expect(err.userMessage).toMatch(/did not finish within 1 s \(task .* is EXECUTING/);
    c.session.transport.close();
  });

  it('removes and re-adds a share participant through tasks', async () => {
    const c = createAnvilClient(conn('us-east-1'));
    await c.removeParticipant({ share: 'projects', site: 'London' });
    expect((await c.getShare('projects')).participants.map((p) => p.name).sort()).toEqual(['Studio East', 'Studio West']);
    // London keeps its now-private copy of the share; it must go before London can join again.
    const atLondon = createAnvilClient(conn('eu-west-2'));
    await atLondon.deleteShare('projects');
    atLondon.session.transport.close();
    const london = t.cluster.describe()['eu-west-2']!;
    await c.addParticipant({ share: 'projects', site: 'London', username: london.username, password: london.password });
    expect((await c.listParticipants()).filter((p) => p.shareName === 'projects').map((p) => p.name).sort()).toEqual(['London', 'Studio East', 'Studio West']);
    c.session.transport.close();
  });
});

describe('errors, identifiers and outages', () => {
  it('carries the Anvil message and code of an error answer', async () => {
    const c = createAnvilClient(conn('us-east-1'));
    const err = await rejection(c.getShare('no-such-share'));
    expect(err).toMatchObject({ code: 'UPSTREAM', vendorCode: 'ENTITY_NOT_FOUND' });
    expect(err.userMessage).toBe("Studio East's Anvil: Share not found: no-such-share");
    expect(await c.getObjective('no-such-objective')).toBeNull();
    c.session.transport.close();
  });

  it('URL-encodes expressions, names and paths', async () => {
    const c = createAnvilClient(conn('us-east-1'));
    expect(await c.validateExpression('IF FNMATCH("*/flame/*.clip",PATH) THEN {SLO(\'place-on-local-volumes\')}')).toEqual({ ok: true, errors: [] });
    const bad = await c.validateExpression('IF FNMATCH("*.clip",PATH) THEN {SLO(\'no-such\')}');
    expect(bad.ok).toBe(false);
    expect(bad.errors[0]).toMatchObject({ line: 1, column: 37 });
    await c.setAttribute('projects', '/odd dir/100% done?#.clip', { name: 'note', type: 'STRING', value: 'a/b' });
    expect(await c.getAttributes('projects', '/odd dir/100% done?#.clip')).toEqual([{ name: 'note', type: 'STRING', value: 'a/b' }]);
    c.session.transport.close();
  });

  it('lists files with where their data is', async () => {
    const d = t.cluster.describe()['us-east-1']!;
    fs.mkdirSync(path.join(d.shareRoot, 'projects', 'show', 'flame'), { recursive: true });
    fs.writeFileSync(path.join(d.shareRoot, 'projects', 'show', 'flame', 'a.clip'), '<clip/>');
    const c = createAnvilClient(conn('us-east-1'));
    const node = await until(async () => {
      const dir = await c.files('/projects/show/flame', { replicationDetails: true });
      return dir.children.find((f) => f.name === 'a.clip');
    });
    expect(node).toMatchObject({ path: '/projects/show/flame/a.clip', isDirectory: false, remote: false, replication: { siteName: 'Studio East', accessDependency: 'LOCAL' } });
    c.session.transport.close();
  });

  it('reads Prometheus send_behind gauges', async () => {
    const samples = await createAnvilClient(conn('us-west-2')).metrics();
    const behind = samples.filter((s) => s.name === 'hammerspace_filesystem_replication_send_behind' && s.labels.share === 'projects');
    expect(behind.map((s) => s.labels.to_site).sort()).toEqual(['London', 'Studio East']);
  });

  it('says UNAVAILABLE while an Anvil is down or failing over, and works again after', async () => {
    const c = createAnvilClient(conn('eu-west-2'));
    await sim(t, 'POST', `${site('eu-west-2')}/down`);
    const down = await rejection(c.clusterState());
    expect(down.code).toBe('UNAVAILABLE');
    expect(down.userMessage).toContain('ECONNREFUSED');
    await sim(t, 'POST', `${site('eu-west-2')}/up`);
    await sim(t, 'POST', `${site('eu-west-2')}/errors`, { status: 503, message: 'Anvil failover in progress', count: 1 });
    const failing = await rejection(c.listShares());
    expect(failing).toMatchObject({ code: 'UNAVAILABLE', vendorCode: 'PDFS_COMMUNICATION_ERROR' });
    expect(failing.userMessage).toContain('Anvil failover in progress');
    expect((await c.clusterState()).name).toBe('London');
    c.session.transport.close();
  });

  it('times out on an Anvil that accepts connections but never answers', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    servers.push(silent);
    const c = createAnvilClient(conn('us-east-1', { url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/mgmt/v1.2/rest`, timeoutMs: 300 }));
    const err = await rejection(c.listShares());
    expect(err.code).toBe('TIMEOUT');
    silent.closeAllConnections();
  });

  it('trusts a self-signed certificate only where the site says so', async () => {
    const dir = fs.mkdtempSync(path.join(t.dataDir, 'tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=anvil.local', '-days', '1', '-keyout', `${dir}/key.pem`, '-out', `${dir}/cert.pem`], { stdio: 'ignore' });
    const url = await proxy(conn('us-east-1').url, { tls: { key: fs.readFileSync(`${dir}/key.pem`, 'utf8'), cert: fs.readFileSync(`${dir}/cert.pem`, 'utf8') } });
    const strict = await rejection(createAnvilClient(conn('us-east-1', { url })).listShares());
    expect(strict.code).toBe('UNAVAILABLE');
    expect(strict.userMessage).toMatch(/self[- ]signed/i);
    expect((await createAnvilClient(conn('us-east-1', { url, trustSelfSigned: true })).getShare('projects')).name).toBe('projects');
  });
});
