/** Login, cluster state, health, nodes, volumes and the current user. */
import { sessionCookie, sessionToken, unauthorized } from './auth';
import { param, listReply, type AnvilRouter, type Ctx } from './context';
import { notFound } from './errors';
import { asRecord, str } from './http';
import { clusterView, nodeViews, objectVolumeView, storageVolumeView, SW_VERSION, volumeGroupView } from './shapes';
import { eventView } from './shapes-share';

function cluster(ctx: Ctx) {
  const view = clusterView(ctx.world, ctx.anvil);
  const severities = ctx.query.getAll('withUnclearedEventSeverity').map((s) => s.toUpperCase());
  const uncleared = ctx.anvil.events.items.filter((e) => !e.cleared && (!severities.length || severities.includes(e.severity)));
  return { ...view, unclearedEvents: severities.length ? uncleared.map(eventView) : [] };
}

export function registerClusterRoutes(r: AnvilRouter): void {
  r.post(
    '/login',
    (ctx) => {
      const f = asRecord(ctx.body);
      const username = str(f.username) ?? ctx.query.get('username') ?? '';
      const password = str(f.password) ?? ctx.query.get('password') ?? '';
      if (!username) throw unauthorized('username and password are required');
      const { user, token } = ctx.anvil.sessions.login(username, password);
      return { body: { name: user.username, roles: [user.role === 'admin' ? 'Administrator' : 'Viewer'] }, headers: { 'Set-Cookie': sessionCookie(token) } };
    },
    { anonymous: true, admin: false },
  );
  r.post(
    '/logout',
    (ctx) => {
      ctx.anvil.sessions.logout(sessionToken(ctx.req));
      return { body: {}, headers: { 'Set-Cookie': sessionCookie('deleted').replace('HttpOnly', 'Max-Age=0; HttpOnly') } };
    },
    { anonymous: true, admin: false },
  );

  r.get('/cntl', (ctx) => listReply(ctx, [cluster(ctx)]));
  r.get('/cntl/state', (ctx) => ({ body: cluster(ctx) }));
  r.get('/cntl/:id', (ctx) => {
    const id = param(ctx, 'id');
    if (id !== ctx.anvil.clusterUuid && id !== ctx.anvil.name) throw notFound('Cluster', id);
    return { body: cluster(ctx) };
  });
  r.post('/cntl/accept-eula', () => ({ body: {} }));

  r.get('/system/health', (ctx) => ({
    body: {
      clusterState: 'HA',
      status: 'OK',
      currentTimeMs: ctx.anvil.now(),
      nodes: nodeViews(ctx.world, ctx.anvil).map((n) => ({ name: n.name, operState: n.operState })),
      unclearedErrorEvents: ctx.anvil.events.items.filter((e) => !e.cleared && (e.severity === 'ERROR' || e.severity === 'CRITICAL')).length,
    },
  }));
  r.get('/system/ping', () => ({ body: { result: 'OK' } }));
  r.get('/system/counts', (ctx) => ({
    body: { shares: ctx.anvil.shares.length, objectives: ctx.anvil.objectives.length, sites: ctx.anvil.remoteSites.size + 1, nodes: 4, tasks: ctx.anvil.tasks.tasks.length },
  }));
  r.get('/system-info', (ctx) => ({ body: { name: ctx.anvil.name, swVersion: SW_VERSION, currentTimeMs: ctx.anvil.now(), timezone: 'UTC' } }));

  r.get('/nodes', (ctx) => listReply(ctx, nodeViews(ctx.world, ctx.anvil)));
  r.get('/nodes/:id', (ctx) => {
    const id = param(ctx, 'id');
    const node = nodeViews(ctx.world, ctx.anvil).find((n) => n.name === id || n.uoid.uuid === id);
    if (!node) throw notFound('Node', id);
    return { body: node };
  });
  r.get('/data-portals', (ctx) =>
    listReply(ctx, ['NFS_V3', 'NFS_V4_1', 'SMB'].map((t, i) => ({ _type: 'DATA_PORTAL', name: `${ctx.anvil.region}-anvil1-${t.toLowerCase()}`, internalId: i + 1, dataPortalType: t, operState: 'UP', adminState: 'UP' }))),
  );

  r.get('/users/_current', (ctx) => ({
    body: { name: ctx.user?.username, roles: [ctx.user?.role === 'admin' ? 'Administrator' : 'Viewer'], _type: 'USER' },
  }));
  r.get('/users/_current/permitted-operations', (ctx) => ({
    body: ctx.user?.role === 'admin' ? ['ANY:+c+r+u+d'] : ['ANY:+r'],
  }));
}

export function registerVolumeRoutes(r: AnvilRouter): void {
  r.get('/base-storage-volumes', (ctx) => listReply(ctx, [storageVolumeView(ctx.world, ctx.anvil), objectVolumeView(ctx.world, ctx.anvil)]));
  r.get('/storage-volumes', (ctx) => listReply(ctx, [storageVolumeView(ctx.world, ctx.anvil)]));
  r.get('/storage-volumes/:id', (ctx) => {
    const v = storageVolumeView(ctx.world, ctx.anvil);
    if (param(ctx, 'id') !== v.name && param(ctx, 'id') !== v.uoid.uuid) throw notFound('Storage volume', param(ctx, 'id'));
    return { body: v };
  });
  r.get('/object-storage-volumes', (ctx) => listReply(ctx, [objectVolumeView(ctx.world, ctx.anvil)]));
  r.get('/object-storage-volumes/:id', (ctx) => {
    const v = objectVolumeView(ctx.world, ctx.anvil);
    if (param(ctx, 'id') !== v.name && param(ctx, 'id') !== v.uoid.uuid) throw notFound('Object storage volume', param(ctx, 'id'));
    return { body: v };
  });
  r.get('/volume-groups', (ctx) => listReply(ctx, [volumeGroupView(ctx.anvil)]));
}
