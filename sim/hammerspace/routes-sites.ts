/**
 * Sites: the local one and every remote site this Anvil knows. Adding a remote site pairs both
 * Anvils (each then lists the other), which is what a participant add needs first.
 */
import type { Anvil } from './anvil';
import { param, listReply, type AnvilRouter, type Ctx } from './context';
import { ApiError, alreadyExists, badRequest, notFound } from './errors';
import { asRecord, str } from './http';
import { linkSites, unlinkSites } from './membership';
import { siteView } from './shapes';
import { participantView } from './shapes-share';

function sitesOf(ctx: Ctx): Anvil[] {
  return [ctx.anvil, ...[...ctx.anvil.remoteSites].map((r) => ctx.world.anvil(r))];
}

export function renderSite(ctx: Ctx, target: Anvil) {
  const { world, anvil } = ctx;
  return siteView(world, anvil, target, (logicalUuid) => {
    const L = world.federation.get(logicalUuid);
    const share = anvil.shareByLogical(logicalUuid);
    const m = L?.members.get(target.region);
    return L && share && m ? [participantView(world, anvil, L, m, share)] : [];
  });
}

function findSite(ctx: Ctx, id: string): Anvil {
  const found = sitesOf(ctx).find((s) => s.siteUuid === id || s.name === id || s.region === id || (id === 'local' && s === ctx.anvil));
  if (!found) throw notFound('Site', id);
  return found;
}

function resolveRemote(ctx: Ctx, address: string): Anvil {
  const target = ctx.world.resolveAddress(address);
  if (!target) throw new ApiError(400, 'REMOTE_MGMT_ERROR', `Cannot reach a Hammerspace site at ${address}`, [address]);
  if (!target.up) throw new ApiError(400, 'REMOTE_MGMT_ERROR', `Site at ${address} does not answer (connection refused)`, [address]);
  return target;
}

export function registerSiteRoutes(r: AnvilRouter): void {
  r.get('/sites', (ctx) => listReply(ctx, sitesOf(ctx).map((s) => renderSite(ctx, s))));
  r.get('/sites/local', (ctx) => ({ body: renderSite(ctx, ctx.anvil) }), { anonymous: true });
  r.get('/sites/discover/:address', (ctx) => ({ body: renderSite(ctx, resolveRemote(ctx, param(ctx, 'address'))) }));
  r.get('/sites/:id', (ctx) => ({ body: renderSite(ctx, findSite(ctx, param(ctx, 'id'))) }));

  r.post('/sites', (ctx) => {
    const b = asRecord(ctx.body);
    const address = str(b.address) ?? str(b.mgmtAddress) ?? str(b.siteMgmtAddress);
    if (!address) throw badRequest('address is required', 'VALIDATION_VIOLATION', ['address']);
    const target = resolveRemote(ctx, address);
    if (target === ctx.anvil) throw badRequest('Cannot add the local site as a remote site', 'VALIDATION_VIOLATION', [address]);
    const username = str(b.username) ?? str(b.siteUsername);
    if (username !== undefined && !target.sessions.check(username, str(b.password) ?? str(b.sitePassword) ?? '')) {
      throw new ApiError(400, 'REMOTE_MGMT_ERROR', `Authentication to ${target.name} failed`, [address]);
    }
    if (ctx.anvil.remoteSites.has(target.region)) throw alreadyExists('Site', target.name);
    linkSites(ctx.anvil, target);
    ctx.world.log.add('remote-site-added', { site: ctx.anvil.region, remote: target.region });
    return { body: renderSite(ctx, target) };
  });

  r.put('/sites/:id', (ctx) => {
    const site = findSite(ctx, param(ctx, 'id'));
    const b = asRecord(ctx.body);
    if (site === ctx.anvil) {
      const name = str(b.name);
      if (name !== undefined && name.trim()) site.name = name.trim();
      if (typeof b.comment === 'string') site.comment = b.comment;
      if (b.physicalLocation && typeof b.physicalLocation === 'object') site.physicalLocation = b.physicalLocation as Record<string, unknown>;
    } else if (str(b.name) !== undefined && str(b.name) !== site.name) {
      throw badRequest('A remote site can only be renamed on its own Anvil', 'VALIDATION_VIOLATION', ['name']);
    }
    return { body: renderSite(ctx, site) };
  });

  r.delete('/sites/:id', (ctx) => {
    const site = findSite(ctx, param(ctx, 'id'));
    if (site === ctx.anvil) throw badRequest('Cannot remove the local site', 'VALIDATION_VIOLATION');
    unlinkSites(ctx.world, ctx.anvil, site);
    return { body: { result: 'SUCCESS', message: `Removed remote site ${site.name}` } };
  });
}
