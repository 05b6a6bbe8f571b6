/**
 * The fault-injection and inspection API, on its own port so that it still answers while an Anvil
 * is down. Every path is under /_sim; bodies are JSON. README.md lists them all.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Anvil } from './anvil';
import { ApiError, badRequest } from './errors';
import { Router, asRecord, errorReply, parseBody, readBody, send, type Reply } from './http';
import { FAULT_STATUSES, type FaultStatus } from './tasks';
import type { World } from './world';

interface CCtx {
  world: World;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

const num = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw badRequest(`${name} must be a non-negative number`);
  return v;
};

function siteState(world: World, a: Anvil) {
  return {
    region: a.region, name: a.name, up: a.up, port: a.port, url: a.apiUrl, skewMs: a.skewMs, errorMode: a.errorMode ?? null,
    sessions: a.sessions.count(), taskFaults: a.tasks.faults, remoteSites: [...a.remoteSites],
    shares: a.shares.map((s) => ({ name: s.name, state: s.state, members: [...(world.federation.get(s.logicalUuid)?.members.keys() ?? [])] })),
  };
}

function linkState(world: World) {
  return world.bus.all().map((l) => ({ from: l.from, to: l.to, delayMs: l.delayMs, paused: l.paused, pending: l.queue.length, sent: l.sent, applied: l.applied }));
}

const site = (c: CCtx) => c.world.anvil(c.params.region ?? '');

/** `*` on either end means every site. */
function links(c: CCtx) {
  const regions = [...c.world.anvils.keys()];
  const pick = (v: string | undefined) => (v === '*' ? regions : [c.world.anvil(v ?? '').region]);
  return pick(c.params.from).flatMap((f) => pick(c.params.to).filter((t) => t !== f).map((t) => c.world.bus.link(f, t)));
}

function setLinks(c: CCtx, patch: { delayMs?: number; paused?: boolean }): Reply {
  for (const l of links(c)) {
    if (patch.delayMs !== undefined) {
      l.delayMs = patch.delayMs;
      c.world.bus.delayOverrides.set(`${l.from}>${l.to}`, patch.delayMs);
    }
    if (patch.paused !== undefined) l.paused = patch.paused;
  }
  c.world.log.add('fault-link', { from: c.params.from, to: c.params.to, ...patch });
  return { body: linkState(c.world).filter((l) => links(c).some((x) => x.from === l.from && x.to === l.to)) };
}

function buildControlRouter(): Router<CCtx> {
  const r = new Router<CCtx>();
  r.get('/_sim', (c) => ({ body: { sites: [...c.world.anvils.values()].map((a) => siteState(c.world, a)), links: linkState(c.world), config: c.world.config } }));
  r.put('/_sim/config', (c) => {
    const b = c.body;
    for (const k of ['taskStepMs', 'sessionIdleMs', 'participantMaxSuspectedSec'] as const) if (b[k] !== undefined) c.world.config[k] = num(b[k], k);
    return { body: c.world.config };
  });
  r.get('/_sim/log', (c) => ({ body: c.world.log.items.filter((e) => !c.query.get('kind') || e.kind === c.query.get('kind')) }));
  r.get('/_sim/calls', (c) => ({ body: Object.fromEntries([...c.world.anvils.values()].map((a) => [a.region, Object.fromEntries(a.counters)])) }));
  r.post('/_sim/reset', (c) => {
    for (const a of c.world.anvils.values()) {
      a.errorMode = undefined;
      a.skewMs = 0;
      a.tasks.faults = [];
      a.calls.length = 0;
      a.counters.clear();
    }
    c.world.bus.resetFaults();
    c.world.log.clear();
    return Promise.all([...c.world.anvils.values()].map((a) => a.start(a.port))).then(() => ({ body: { ok: true } }));
  });
  r.post('/_sim/sessions/expire', (c) => ({ body: { expired: [...c.world.anvils.values()].reduce((n, a) => n + a.sessions.expireAll(), 0) } }));

  r.get('/_sim/links', (c) => ({ body: linkState(c.world) }));
  r.put('/_sim/links', (c) => {
    const delayMs = num(c.body.delayMs, 'delayMs');
    c.world.bus.defaultDelayMs = delayMs;
    c.world.bus.delayOverrides.clear();
    for (const l of c.world.bus.all()) l.delayMs = delayMs;
    return { body: linkState(c.world) };
  });
  r.put('/_sim/links/:from/:to', (c) =>
    setLinks(c, { delayMs: c.body.delayMs === undefined ? undefined : num(c.body.delayMs, 'delayMs'), paused: typeof c.body.paused === 'boolean' ? c.body.paused : undefined }),
  );
  r.post('/_sim/links/:from/:to/pause', (c) => setLinks(c, { paused: true }));
  r.post('/_sim/links/:from/:to/resume', (c) => setLinks(c, { paused: false }));

  r.get('/_sim/sites/:region', (c) => ({ body: siteState(c.world, site(c)) }));
  r.post('/_sim/sites/:region/down', async (c) => {
    await site(c).stop();
    c.world.log.add('fault-down', { site: site(c).region });
    return { body: siteState(c.world, site(c)) };
  });
  r.post('/_sim/sites/:region/up', async (c) => {
    await site(c).start(site(c).port);
    c.world.log.add('fault-up', { site: site(c).region });
    return { body: siteState(c.world, site(c)) };
  });
  r.post('/_sim/sites/:region/errors', (c) => {
    const b = c.body;
    const status = b.status === undefined ? 503 : num(b.status, 'status');
    if (status < 400 || status > 599) throw badRequest('status must be 4xx or 5xx');
    site(c).errorMode = {
      status,
      errorCode: typeof b.errorCode === 'string' ? b.errorCode : status === 503 ? 'PDFS_COMMUNICATION_ERROR' : 'INTERNAL_SERVER_ERROR',
      message: typeof b.message === 'string' ? b.message : 'Simulated failure',
      remaining: b.count === undefined ? undefined : num(b.count, 'count'),
    };
    return { body: siteState(c.world, site(c)) };
  });
  r.delete('/_sim/sites/:region/errors', (c) => {
    site(c).errorMode = undefined;
    return { body: siteState(c.world, site(c)) };
  });
  r.post('/_sim/sites/:region/sessions/expire', (c) => ({ body: { expired: site(c).sessions.expireAll() } }));
  r.put('/_sim/sites/:region/clock', (c) => {
    const a = site(c);
    const skew = c.body.skewMs;
    if (typeof skew !== 'number' || !Number.isFinite(skew)) throw badRequest('skewMs must be a number');
    a.skewMs = skew;
    if (Math.abs(skew) > 1000) a.events.emit('REPLICATION_CLOCK_OUT_OF_SYNC', 'WARNING', a.source, [String(skew)]);
    return { body: siteState(c.world, a) };
  });
  r.post('/_sim/sites/:region/task-faults', (c) => {
    const kind = typeof c.body.kind === 'string' ? c.body.kind : '';
    const status = (typeof c.body.status === 'string' ? c.body.status.toUpperCase() : 'FAILED') as FaultStatus;
    if (!kind) throw badRequest("kind is required (a task name such as 'share-create', or '*')");
    if (!FAULT_STATUSES.includes(status)) throw badRequest(`status must be one of ${FAULT_STATUSES.join(', ')}`);
    site(c).tasks.faults.push({ kind, status, message: typeof c.body.message === 'string' ? c.body.message : undefined });
    return { body: site(c).tasks.faults };
  });
  r.delete('/_sim/sites/:region/task-faults', (c) => {
    site(c).tasks.faults = [];
    return { body: [] };
  });
  r.get('/_sim/sites/:region/calls', (c) => ({ body: { counters: Object.fromEntries(site(c).counters), calls: site(c).calls } }));
  r.get('/_sim/sites/:region/read', async (c) => {
    const a = site(c);
    const share = a.shares.find((s) => s.name === c.query.get('share') && s.state === 'PUBLISHED');
    const L = share && c.world.federation.get(share.logicalUuid);
    if (!L) throw new ApiError(404, 'ENTITY_NOT_FOUND', `No share ${c.query.get('share')} at ${a.region}`);
    const bytes = await c.world.replication.read(L, a.region, c.query.get('path') ?? '/');
    if (!bytes) throw new ApiError(404, 'ENTITY_NOT_FOUND', `No readable file ${c.query.get('path')} at ${a.region}`);
    return { bytes };
  });
  return r;
}

const controlRouter = buildControlRouter();

export async function startControlServer(world: World, port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const rawPath = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    const query = new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : '');
    (async () => {
      const m = controlRouter.match(req.method ?? 'GET', rawPath);
      if (!m || m === 'method') throw new ApiError(404, 'ENTITY_NOT_FOUND', `No control endpoint ${req.method} ${rawPath}`);
      const body = asRecord(parseBody(await readBody(req), 'application/json'));
      return m.route.handler({ world, params: m.params, query, body });
    })().then(
      (reply) => send(res, reply),
      (err) => send(res, errorReply(err)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, world.host, () => resolve());
  });
  const url = `http://${world.host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
