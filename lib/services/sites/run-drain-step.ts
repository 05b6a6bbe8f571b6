/**
 * The drain checklist's steps, by key. The order is the safety argument: launches stop first, the
 * site's artists are told, then nothing else happens until every change made here has reached the other
 * sites (send_behind 0) and every file has a copy elsewhere; only then are workstations stopped (or
 * terminated, when the admin asked and typed the site's name), and the site leaves its shares only after
 * checking once more, since a workstation could have written until it stopped.
 */
import { findHomeSite } from '@/lib/db/anvil-sites';
import { db } from '@/lib/db/client';
import { blockersText, dataBlockers, drainBlockers } from '@/lib/domain/sites/blockers';
import { terminateConfirmation } from '@/lib/domain/workstations/requests';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { anvilForSite, errorText } from '../hammerspace/anvil-for-site';
import { publishChange } from '../live/publish-change';
import { stopWorkstations } from '../workstations/stop-workstations';
import { terminateWorkstations } from '../workstations/terminate-workstations';
import { anvilName } from './bring-up-namespace';
import { observeDataFacts } from './observe-drain-facts';
import { done, param, wait, type TStepContext, type TStepHandler } from './step-types';
import { transitionSite } from './transition-site';

const stopLaunches: TStepHandler = async ({ site, actor }) =>
  done('Launches paused', async (tx) => {
    await tx.site.update({ where: { id: site.id }, data: { launchesAllowed: false } });
    await audit(tx, actor, 'site.launches_paused', { type: 'site', id: site.id }, `Launches paused at ${site.name} for its drain`);
  });

const notifyArtists: TStepHandler = async ({ site, actor }) => {
  const rows = await db().workstation.findMany({ where: { siteId: site.id, desiredState: { not: 'terminated' }, artistId: { not: null } }, select: { artistId: true, name: true, artist: { select: { email: true } } } });
  const artists = new Map(rows.map((r) => [r.artistId as string, { email: r.artist?.email ?? '', machines: rows.filter((x) => x.artistId === r.artistId).map((x) => x.name) }]));
  if (!artists.size) return done('No artist works here');
  // Written in the same transaction as the step's "done": a re-run after a crash cannot tell anyone twice.
  return done(`Told ${[...artists.values()].map((a) => a.email).join(', ')}`, async (tx) => {
    await tx.notification.createMany({
      data: [...artists].map(([userId, a]) => ({
        userId, kind: 'site', link: '/me',
        title: `${site.name} is shutting down`,
        body: `Save your work: ${a.machines.join(', ')} will be stopped once everything you made there has reached the other sites.`,
      })),
    });
    await audit(tx, actor, 'site.artists_notified', { type: 'site', id: site.id }, `Told ${artists.size} artist(s) that ${site.name} is draining`, { artists: [...artists.values()].map((a) => a.email) });
    await publishChange(tx, { topic: 'notifications' });
  });
};

async function dataStillHere(ctx: TStepContext): Promise<string | null> {
  const facts = await observeDataFacts(ctx.site);
  const blocking = dataBlockers(drainBlockers({ site: { id: ctx.site.id, name: ctx.site.name }, ...facts, assignments: [], dcvSessions: [] }));
  return blocking.length ? blockersText(blocking) : null;
}

const waitReplication: TStepHandler = async (ctx) => {
  const pending = await dataStillHere(ctx);
  if (pending) return wait(`Waiting: ${pending}`);
  return done('Replication at 0: every change reached the other sites and every file has a copy elsewhere');
};

const stopMachines: TStepHandler = async ({ site, step, actor }) => {
  const terminate = Boolean(param(step, 'terminate', false));
  const rows = await db().workstation.findMany({
    where: { siteId: site.id, desiredState: { not: 'terminated' } },
    select: { id: true, name: true, desiredState: true, observedState: true, instanceId: true, lost: true },
    orderBy: { name: 'asc' },
  });
  if (!rows.length) return done('No workstation here');
  const target = terminate ? 'terminated' : 'stopped';
  const toChange = rows.filter((r) => (terminate ? true : r.desiredState === 'running' && !r.lost));
  if (toChange.length) {
    const ids = toChange.map((r) => r.id);
    if (terminate) await terminateWorkstations(actor, { ids, confirm: terminateConfirmation(toChange.map((r) => r.name)) });
    else await stopWorkstations(actor, { ids });
  }
  // Done when EC2 agrees: a row that never got an instance (or lost it) has nothing left to stop.
  const after = await db().workstation.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { name: true, observedState: true, instanceId: true, lost: true } });
  const busy = after.filter((r) => r.instanceId && !r.lost && r.observedState !== target && r.observedState !== 'terminated');
  if (busy.length) return wait(`${after.length - busy.length} of ${after.length} ${target}; waiting for ${busy.map((b) => `${b.name} (${b.observedState ?? 'unknown'})`).join(', ')}`, 2_000);
  return done(`${rows.length} workstation(s) ${target}: ${rows.map((r) => r.name).join(', ')}`);
};

const leaveShares: TStepHandler = async (ctx) => {
  const { site, actor } = ctx;
  const pending = await dataStillHere(ctx);
  if (pending) return wait(`Not safe to leave yet: ${pending}`);
  const rows = await db().shareParticipant.findMany({ where: { siteId: site.id }, select: { shareId: true, share: { select: { name: true } } } });
  const home = await findHomeSite();
  if (!home) throw new AppError('CONFLICT', 'The studio has no home site to remove the participant at.');
  const port = anvilForSite(home, { timeoutMs: 10_000 });
  const name = await anvilName(site);
  const left: string[] = [];
  for (const r of rows) {
    const present = (await port.getShare(r.share.name)).participants.some((p) => p.name === name);
    if (present) {
      try {
        await port.removeParticipant({ share: r.share.name, site: name });
      } catch (err) {
        if ((await port.getShare(r.share.name)).participants.some((p) => p.name === name)) throw new AppError('UPSTREAM', `Removing ${name} from ${r.share.name} failed: ${errorText(err)}`, { cause: err });
      }
    }
    left.push(r.share.name);
  }
  return done(left.length ? `Left ${left.join(', ')}` : 'Took part in no share', async (tx) => {
    await tx.shareParticipant.deleteMany({ where: { siteId: site.id } });
    // Objectives at a site outside every share have nowhere to apply; bring-up puts back the studio's ones.
    const apps = await tx.objectiveApplication.deleteMany({ where: { siteId: site.id } });
    await audit(tx, actor, 'site.shares_left', { type: 'site', id: site.id }, `${site.name} left ${left.join(', ') || 'no share'}`, { shares: left, objectiveApplicationsRemoved: apps.count });
    await publishChange(tx, { topic: 'objectives' });
  });
};

const markStopped: TStepHandler = async ({ site, actor }) =>
  done(`${site.name} is stopped`, async (tx) => {
    await transitionSite(tx, actor, site, 'stop', { launchesAllowed: false, summary: 'drain checklist complete' });
  });

export const DRAIN_HANDLERS: Record<string, TStepHandler> = {
  'stop-launches': stopLaunches,
  'notify-artists': notifyArtists,
  'wait-replication': waitReplication,
  'stop-workstations': stopMachines,
  'leave-shares': leaveShares,
  'mark-stopped': markStopped,
};
