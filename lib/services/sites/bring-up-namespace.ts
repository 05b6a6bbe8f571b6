/**
 * The bring-up steps that talk to Anvils: check the new site's Anvil answers, make it a remote site of
 * the home Anvil, and add it to every studio share as a participant. Each reads first and acts only on
 * what is missing, so a run that crashed half-way (or an add whose task was still running when its
 * worker died) is finished, never repeated: an Anvil refuses a second participant of the same site,
 * and a refusal is followed by reading again.
 */
import { findHomeSite, recordAnvilReachability } from '@/lib/db/anvil-sites';
import type { TLifecycleSite } from '@/lib/db/site-lifecycle';
import type { AnvilPort } from '@/lib/domain/hammerspace/port';
import type { TFileNode } from '@/lib/domain/hammerspace/types';
import { findRemoteSite, isParticipant, remoteAddress } from '@/lib/domain/sites/bring-up-plan';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { anvilForSite, errorText } from '../hammerspace/anvil-for-site';
import { openSecret } from '../secrets';
import { done, type TStepHandler } from './step-types';
import { db } from '@/lib/db/client';
import { DEFAULT_WALK, holdersOf } from '@/lib/domain/sites/blockers';
import { walkFiles } from './observe-drain-facts';

const ANVIL_TIMEOUT_MS = 10_000;

export function siteAnvil(site: TLifecycleSite): AnvilPort {
  return anvilForSite(site, { timeoutMs: ANVIL_TIMEOUT_MS });
}

/** The Anvil's own name for this site: how its peers and participants name it. */
export async function anvilName(site: TLifecycleSite): Promise<string> {
  return (await siteAnvil(site).localSite()).name;
}

export async function homeAnvil(): Promise<{ home: NonNullable<Awaited<ReturnType<typeof findHomeSite>>>; port: AnvilPort }> {
  const home = await findHomeSite();
  if (!home) throw new AppError('CONFLICT', 'The studio has no home site: mark one site as home first.');
  return { home, port: anvilForSite(home, { timeoutMs: ANVIL_TIMEOUT_MS }) };
}

export const registerStep: TStepHandler = async ({ site }) => {
  if (!site.anvilUrl || !site.anvilUsername || !site.anvilPasswordEnc) throw new AppError('CONFLICT', `${site.name} has no Anvil registered: give its URL and account first.`);
  // Opening the sealed password proves the key that sealed it is still configured.
  openSecret(site.anvilPasswordEnc);
  return done(`Anvil at ${site.anvilUrl} as ${site.anvilUsername}; password sealed`);
};

export const checkAnvilStep: TStepHandler = async ({ site, now }) => {
  const port = siteAnvil(site);
  let state, local;
  try {
    state = await port.clusterState();
    local = await port.localSite();
  } catch (err) {
    await recordAnvilReachability(site, false, now);
    throw err;
  }
  await recordAnvilReachability(site, true, now);
  if (local.type !== 'LOCAL') throw new AppError('UPSTREAM', `${port.label} describes itself as a ${local.type} site; check the URL points at this site's own Anvil.`);
  return done(`${local.name} answers: cluster ${state.name || 'unnamed'} is ${state.state}`);
};

export const joinNamespaceStep: TStepHandler = async ({ site, actor }) => {
  if (site.isHome) return done('The home site’s namespace is the studio’s own');
  const { home, port } = await homeAnvil();
  const name = await anvilName(site);
  const identity = { anvilName: name, anvilUrl: site.anvilUrl ?? '' };
  const known = findRemoteSite(await port.listSites(), identity);
  if (known) return done(`${home.name}’s Anvil already lists ${known.name}`);
  const address = remoteAddress(site.anvilUrl ?? '');
  try {
    await port.addRemoteSite({ address, username: site.anvilUsername ?? undefined, password: openSecret(site.anvilPasswordEnc ?? ''), trustClientCert: true });
  } catch (err) {
    // Added by a run that died before recording it: the Anvil says so, and a second look confirms it.
    if (!findRemoteSite(await port.listSites(), identity)) throw err;
  }
  return done(`${home.name}’s Anvil now lists ${name} (${address})`, (tx) =>
    audit(tx, actor, 'site.remote_site_added', { type: 'site', id: site.id }, `${name} added as a remote site at ${home.name}'s Anvil`, { address }));
};

/** More leftover files than this are not checked one by one: an admin looks at them instead. */
const MAX_LEFTOVER_CHECKS = 2_000;

/**
 * A site drained earlier kept its own copy of each share when it left (a namespace of its own), and an
 * Anvil refuses to add a participant whose site already has a share of that name. The leftover is removed
 * only when every file in it also exists in the studio's namespace, no newer, with its bytes at another
 * site (the home Anvil's replication details say where); anything else may exist nowhere else, so the
 * step stops and names the files for an admin to look at.
 */
async function clearDetachedShare(site: TLifecycleSite, share: string, home: AnvilPort): Promise<void> {
  const port = siteAnvil(site);
  const leftover = (await port.listShares()).find((x) => x.name === share && x.state !== 'REMOVED');
  if (!leftover) return;
  const files: TFileNode[] = [];
  const walk = await walkFiles(port, leftover.path, { ...DEFAULT_WALK, files: MAX_LEFTOVER_CHECKS }, (f) => files.push(f));
  if (walk.truncated) throw new AppError('CONFLICT', `${site.name}'s Anvil still holds its own ${share} share with more than ${MAX_LEFTOVER_CHECKS} files, left from before it left the namespace. Move or delete them on that Anvil, then retry.`);
  const own = (await port.localSite()).name;
  const homeName = (await home.localSite()).name;
  const unique: string[] = [];
  for (const f of files) {
    const there = await home.files(f.path, { replicationDetails: true }).catch(() => null);
    const elsewhere = there && !there.isDirectory && holdersOf(there, homeName).some((h) => h !== own);
    const newerHere = there && f.modifiedMs !== null && there.modifiedMs !== null && f.modifiedMs > there.modifiedMs;
    if (!elsewhere || newerHere) unique.push(f.path);
  }
  if (unique.length) {
    const shown = unique.slice(0, 3).join(', ') + (unique.length > 3 ? ` and ${unique.length - 3} more` : '');
    throw new AppError('CONFLICT', `${site.name}'s Anvil still holds its own ${share} share, left from before it left the namespace, with ${unique.length} file(s) the studio has no copy of: ${shown}. Copy or delete them on that Anvil, then retry.`);
  }
  await port.deleteShare(share);
}

const PARTICIPANT_WAIT_MS = 30_000;

/** Polls the home Anvil until `site` takes part in `share`; false when it still does not after the wait. */
async function waitForParticipant(port: AnvilPort, share: string, site: string): Promise<boolean> {
  const deadline = Date.now() + PARTICIPANT_WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (isParticipant((await port.getShare(share)).participants, site)) return true;
  }
  return false;
}

export const joinSharesStep: TStepHandler = async ({ site, actor }) => {
  const shares = await db().share.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
  if (!shares.length) return done('The studio has no shares yet');
  const name = await anvilName(site);
  const joined: Array<{ id: string; name: string; operState: string | null; added: boolean }> = [];
  if (site.isHome) {
    for (const s of shares) joined.push({ ...s, operState: null, added: false });
  } else {
    const { home, port } = await homeAnvil();
    for (const s of shares) {
      const before = await port.getShare(s.name);
      let added = false;
      if (!isParticipant(before.participants, name)) {
        await clearDetachedShare(site, s.name, port);
        try {
          await port.addParticipant({ share: s.name, site: name, username: site.anvilUsername ?? '', password: openSecret(site.anvilPasswordEnc ?? '') });
          added = true;
        } catch (err) {
          if (!isParticipant((await port.getShare(s.name)).participants, name)) {
            // The Anvil knows the participant already: an add started by an earlier attempt (a worker killed
            // while following its task) is still running there. Let it finish rather than fail the bring-up.
            if (!(err instanceof AppError && err.vendorCode === 'ENTITY_ALREADY_EXISTS')) throw new AppError('UPSTREAM', `Adding ${name} to ${s.name} at ${home.name}'s Anvil failed: ${errorText(err)}`, { cause: err });
            if (!(await waitForParticipant(port, s.name, name))) throw new AppError('UNAVAILABLE', `${name} is still being added to ${s.name} at ${home.name}'s Anvil (an earlier attempt's task); trying again shortly.`, { cause: err });
          }
        }
      }
      const after = (await port.getShare(s.name)).participants.find((p) => p.name === name);
      joined.push({ ...s, operState: after?.operState ?? null, added });
    }
  }
  return done(joined.map((j) => `${j.name}: ${j.added ? 'joined' : 'already a participant'}${j.operState ? ` (${j.operState})` : ''}`).join('; '), async (tx) => {
    for (const j of joined) {
      await tx.shareParticipant.upsert({
        where: { shareId_siteId: { shareId: j.id, siteId: site.id } },
        create: { shareId: j.id, siteId: site.id, operState: j.operState },
        update: { operState: j.operState },
      });
    }
    await audit(tx, actor, 'site.shares_joined', { type: 'site', id: site.id }, `${site.name} takes part in ${joined.map((j) => j.name).join(', ')}`, { shares: joined.map((j) => ({ share: j.name, added: j.added })) });
  });
};
