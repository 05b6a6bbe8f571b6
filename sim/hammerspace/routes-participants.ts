/**
 * GFS membership. POST /share-participants (at a site already in the share, usually the home site)
 * adds a remote site to a share: the share is created there and every participant is cross-added.
 * The site must first be known as a remote site (POST /sites).
 */
import type { Anvil } from './anvil';
import { accepted, listReply, param, type AnvilRouter, type Ctx } from './context';
import { ApiError, alreadyExists, invalid, notFound } from './errors';
import type { LogicalShare, Member } from './federation';
import { asRecord, bool, str } from './http';
import { uoidString, type ShareEntity } from './model';
import { participantUuid } from './liveness';
import { joinShare, leaveShare } from './membership';
import { participantView } from './shapes-share';
import { isTerminal } from './tasks';
import { requireShare } from './routes-shares';

interface Found {
  share: ShareEntity;
  L: LogicalShare;
  m: Member;
}

function all(ctx: Ctx): Found[] {
  const out: Found[] = [];
  for (const share of ctx.anvil.shares) {
    const L = ctx.world.federation.get(share.logicalUuid);
    if (share.state !== 'PUBLISHED' || !L?.isGlobal()) continue;
    for (const m of L.members.values()) out.push({ share, L, m });
  }
  return out;
}

function byId(ctx: Ctx, id: string): Found {
  const f = all(ctx).find(({ L, m }) => participantUuid(ctx.anvil.region, L, m.region) === id);
  if (!f) throw notFound('Share participant', id);
  return f;
}

function bySite(ctx: Ctx, shareId: string, siteId: string): Found {
  const share = requireShare(ctx, shareId);
  const f = all(ctx).find((x) => x.share === share && siteMatches(ctx.world.anvil(x.m.region), siteId));
  if (!f) throw notFound('Share participant', `${shareId}/${siteId}`);
  return f;
}

function siteMatches(a: Anvil, id: string): boolean {
  return [a.name, a.region, a.siteUuid, a.mgmtAddress, a.origin, a.apiUrl].includes(id);
}

const view = (ctx: Ctx, f: Found) => participantView(ctx.world, ctx.anvil, f.L, f.m, f.share);

function removal(ctx: Ctx, f: Found) {
  const ignoreFailures = bool(ctx.query.get('ignoreRemoveFailures')) ?? false;
  const force = bool(ctx.query.get('forceMasterAcquisition')) ?? false;
  const site = ctx.world.anvil(f.m.region);
  const task = ctx.anvil.tasks.create({
    name: 'share-participant-remove',
    params: { name: f.share.name, site: site.name },
    entity: { uuid: participantUuid(ctx.anvil.region, f.L, f.m.region), objectType: 'SHARE_PARTICIPANT' },
    user: ctx.user?.username,
    apply: () => {
      const reachable = [...f.L.members.keys()].filter((r) => ctx.world.liveness.reachable(ctx.anvil.region, r) || r === ctx.anvil.region);
      if (!force && reachable.length * 2 <= f.L.members.size) {
        throw new ApiError(400, 'INVALID_STATE_ERROR', 'No quorum of participants to confirm the master; use forceMasterAcquisition');
      }
      if (!site.up && !ignoreFailures) throw new ApiError(400, 'REMOTE_MGMT_ERROR', `Site ${site.name} does not answer; use ignoreRemoveFailures`);
      leaveShare(ctx.world, f.L, f.m.region);
    },
  });
  return accepted(ctx, task);
}

export function registerParticipantRoutes(r: AnvilRouter): void {
  r.get('/share-participants', (ctx) => listReply(ctx, all(ctx).map((f) => view(ctx, f))));
  r.get('/share-participants/:id', (ctx) => ({ body: view(ctx, byId(ctx, param(ctx, 'id'))) }));

  r.post('/share-participants', (ctx) => {
    const b = asRecord(ctx.body);
    const shareRef = b.share && typeof b.share === 'object' ? asRecord(b.share) : {};
    const shareId = str(b.shareName) ?? str(shareRef.name) ?? str(b.shareInternalId) ?? '';
    if (!shareId) throw invalid('shareName is required', ['shareName']);
    const share = requireShare(ctx, shareId);
    const L = ctx.world.federation.get(share.logicalUuid) as LogicalShare;
    const siteRef = b.site && typeof b.site === 'object' ? asRecord(b.site) : {};
    const siteId = str(b.siteName) ?? str(siteRef.name) ?? str(b.name) ?? str(b.address) ?? '';
    if (!siteId) throw invalid('name (the site to add) is required', ['name']);
    const site = [...ctx.anvil.remoteSites].map((x) => ctx.world.anvil(x)).find((a) => siteMatches(a, siteId));
    if (!site) {
      throw invalid(`${siteId} is not a known remote site of ${ctx.anvil.name}; add it with POST /sites first`, [siteId]);
    }
    if (L.members.has(site.region)) throw alreadyExists('Share participant', `${share.name}@${site.name}`);
    if (ctx.anvil.tasks.tasks.some((t) => t.name === 'share-participant-add' && t.paramsMap.name === share.name && t.paramsMap.site === site.name && !isTerminal(t.status))) {
      throw alreadyExists('Share participant (being added)', `${share.name}@${site.name}`);
    }
    const spec = b.addSpec && typeof b.addSpec === 'object' ? asRecord(b.addSpec) : {};
    const username = str(spec.siteUsername);
    const password = str(spec.sitePassword) ?? '';
    if (!username && !bool(spec.skipParticipantValidations)) {
      throw invalid('addSpec.siteUsername and addSpec.sitePassword (credentials of the site to add) are required', ['addSpec']);
    }
    const task = ctx.anvil.tasks.create({
      name: 'share-participant-add',
      params: { name: share.name, site: site.name },
      user: ctx.user?.username,
      apply: () => {
        const fail = (msg: string) => {
          ctx.anvil.events.emit('GFS_PARTICIPANT_ADD_FAILED', 'ERROR', ctx.anvil.source, [share.name, site.name, msg]);
          return new ApiError(400, 'REMOTE_MGMT_ERROR', msg);
        };
        if (!site.up) throw fail(`Site ${site.name} does not answer`);
        if (username && !site.sessions.check(username, password)) throw fail(`Authentication to ${site.name} failed`);
        joinShare(ctx.world, ctx.anvil, L, site);
        task.ctxMap['entity-uoid'] = uoidString(participantUuid(ctx.anvil.region, L, site.region), 'SHARE_PARTICIPANT');
      },
    });
    return accepted(ctx, task);
  });

  r.put('/share-participants/change-admin-state', (ctx) => {
    const state = (ctx.query.get('state') ?? '').toUpperCase();
    if (!['UP', 'DOWN', 'DISABLED'].includes(state)) throw invalid('state must be UP, DOWN or DISABLED', ['state']);
    const f = bySite(ctx, ctx.query.get('share') ?? '', ctx.query.get('site') ?? '');
    f.m.adminState = state as Member['adminState'];
    return { body: view(ctx, f) };
  });

  r.put('/share-participants/:id', (ctx) => {
    const f = byId(ctx, param(ctx, 'id'));
    const b = asRecord(ctx.body);
    const state = str(b.adminState);
    if (state !== undefined) {
      if (!['UP', 'DOWN', 'DISABLED'].includes(state)) throw invalid('adminState must be UP, DOWN or DISABLED', ['adminState']);
      f.m.adminState = state as Member['adminState'];
    }
    if (typeof b.comment === 'string') f.m.comment = b.comment;
    if (b.extendedInfo && typeof b.extendedInfo === 'object') f.m.extendedInfo = b.extendedInfo as Record<string, string>;
    return { body: view(ctx, f) };
  });

  r.delete('/share-participants/:id', (ctx) => removal(ctx, byId(ctx, param(ctx, 'id'))));
  r.delete('/share-participants/:share/:site', (ctx) => removal(ctx, bySite(ctx, param(ctx, 'share'), param(ctx, 'site'))));
}
