/**
 * The bring-up checklist's steps, by key (lib/domain/sites/checklists.ts has their order and labels);
 * the runner (run-site-step.ts) calls them one at a time from the `sites:run-step` job. The Anvil steps
 * live in bring-up-namespace.ts; here are the ones that set the site up for work: the studio's objectives, launch profiles copied
 * from the home site (each image found by name in the new region, since AMI ids are regional), opening
 * the site, and the workstations asked for. Each goes through the owning feature's use cases (objectives
 * reconciler, profile and launch services), so audit rows and rules are theirs, and each counts what is
 * already there before adding, so a re-run adds nothing twice.
 */
import { imageNames, imagesByName } from '@/lib/adapters/aws/ec2-images';
import { db } from '@/lib/db/client';
import { listLaunchProfiles } from '@/lib/db/launch-profiles';
import { wantApplication } from '@/lib/db/objectives';
import { findStudioPreset } from '@/lib/domain/objectives';
import { studioWideApplications } from '@/lib/domain/sites/bring-up-plan';
import { AppError } from '@/lib/errors';
import { audit } from '../audit';
import { reconcileSiteObjectives } from '../objectives/reconcile-site-objectives';
import { launchWorkstations } from '../workstations/launch-workstations';
import { saveLaunchProfile } from '../workstations/save-launch-profile';
import { checkAnvilStep, homeAnvil, joinNamespaceStep, joinSharesStep, registerStep } from './bring-up-namespace';
import { done, param, wait, type TStepHandler } from './step-types';
import { transitionSite } from './transition-site';

const objectivesStep: TStepHandler = async ({ site, actor }) => {
  const shares = await db().share.findMany({
    where: { participants: { some: { siteId: site.id } } },
    select: { id: true, participants: { where: { siteId: { not: site.id }, site: { state: 'active' } }, select: { siteId: true } } },
  });
  const apps = await db().objectiveApplication.findMany({
    where: { shareId: { in: shares.map((s) => s.id) }, siteId: { not: site.id }, state: { not: 'removing' }, objective: { deletedAt: null } },
    select: { objectiveId: true, shareId: true, path: true, siteId: true, objective: { select: { preset: true } } },
  });
  const homeOnly = new Set(apps.filter((a) => a.objective.preset && findStudioPreset(a.objective.preset)?.appliesTo === 'home-site').map((a) => a.objectiveId));
  const wanted = studioWideApplications(apps, new Map(shares.map((s) => [s.id, s.participants.map((p) => p.siteId)])), homeOnly);
  if (wanted.length) {
    await db().$transaction(async (tx) => {
      const created: string[] = [];
      for (const key of wanted) if ((await wantApplication({ ...key, siteId: site.id }, tx)).changed) created.push(`${key.objectiveId}@${key.path}`);
      if (created.length) await audit(tx, actor, 'site.objectives_wanted', { type: 'site', id: site.id }, `${site.name} takes the studio's objectives (${created.length})`, { applications: created });
    });
  }
  const rows = () => db().objectiveApplication.findMany({ where: { siteId: site.id, state: { not: 'removing' } }, select: { state: true, lastError: true, path: true, objective: { select: { name: true } } } });
  if ((await rows()).some((r) => r.state !== 'applied')) await reconcileSiteObjectives(actor, { siteId: site.id });
  let after = await rows();
  // The per-minute objectives pass may have raced this one on the same Anvil; the reconciler is
  // level-triggered, so one more pass settles a collision before anything is called a failure.
  if (after.some((r) => r.state === 'failed')) {
    await reconcileSiteObjectives(actor, { siteId: site.id });
    after = await rows();
  }
  const failed = after.find((r) => r.state === 'failed');
  if (failed) throw new AppError('UPSTREAM', `${failed.objective.name} could not be applied at ${site.name}: ${failed.lastError ?? 'no reason given'}`);
  const pending = after.filter((r) => r.state !== 'applied');
  if (pending.length) return wait(`Waiting for ${pending.map((p) => p.objective.name).join(', ')} to be applied${pending[0]?.lastError ? `: ${pending[0].lastError}` : ''}`, 2_000);
  if (!after.length) return done('No studio-wide objective to apply');
  return done(`${after.length} applied: ${[...new Set(after.map((r) => r.objective.name))].join(', ')}`);
};

const launchProfilesStep: TStepHandler = async ({ site, actor }) => {
  const existing = new Set((await listLaunchProfiles(site.id)).map((p) => p.name));
  if (site.isHome) return done(existing.size ? `${existing.size} profiles` : 'The home site defines its own profiles');
  const { home } = await homeAnvil();
  const source = (await listLaunchProfiles(home.id)).filter((p) => !existing.has(p.name));
  if (!source.length) return done(existing.size ? `${[...existing].join(', ')} already here` : `${home.name} has no profiles to copy`);
  const names = await imageNames(home.region, source.map((p) => p.amiId));
  const wantedNames = [...new Set(source.map((p) => names.get(p.amiId)).filter((n): n is string => !!n))];
  const here = await imagesByName(site.region, wantedNames);
  const created: string[] = [];
  for (const p of source) {
    const imageName = names.get(p.amiId);
    const amiId = imageName ? here.get(imageName) : undefined;
    if (!imageName) throw new AppError('NOT_FOUND', `${home.name}'s ${p.name} profile uses ${p.amiId}, which EC2 in ${home.region} does not know.`);
    if (!amiId) throw new AppError('NOT_FOUND', `No image named “${imageName}” in ${site.region}: copy the AMI to that region, then retry.`);
    // Subnets and security groups are regional too: the copy uses the region's defaults until an admin sets them.
    await saveLaunchProfile(actor, { siteId: site.id, name: p.name, kind: p.kind, amiId, instanceTypes: p.instanceTypes, subnetId: null, securityGroupIds: [], volumeSizeGb: p.volumeSizeGb });
    created.push(p.name);
  }
  return done(`Created ${created.join(', ')} with ${site.region}'s images`);
};

const activateStep: TStepHandler = async ({ site, actor }) =>
  done(`${site.name} is active`, async (tx) => {
    await transitionSite(tx, actor, site, 'activate', { launchesAllowed: true, summary: 'bring-up checklist complete' });
  });

const launchWorkstationsStep: TStepHandler = async ({ site, step, actor }) => {
  const count = Number(param(step, 'count', 0));
  if (!count) return done('None asked for');
  // Rows already there (a run that died after launching) count towards the number asked for.
  const there = await db().workstation.findMany({ where: { siteId: site.id, desiredState: { not: 'terminated' } }, select: { name: true } });
  const missing = count - there.length;
  if (missing <= 0) return done(`${there.length} workstations: ${there.map((w) => w.name).join(', ')}`);
  const profiles = await listLaunchProfiles(site.id);
  const profile = profiles.find((p) => p.kind === 'flame') ?? profiles[0];
  if (!profile) throw new AppError('CONFLICT', `${site.name} has no launch profile to launch workstations with.`);
  const instanceType = profile.instanceTypes[0] ?? '';
  const { workstations } = await launchWorkstations(actor, { siteId: site.id, profileId: profile.id, instanceType, count: missing, artistId: null });
  return done(`Launched ${[...there.map((w) => w.name), ...workstations.map((w) => w.name)].join(', ')} (${profile.name}, ${instanceType}); the reconciler starts them`);
};

export const BRING_UP_HANDLERS: Record<string, TStepHandler> = {
  register: registerStep,
  'check-anvil': checkAnvilStep,
  'join-namespace': joinNamespaceStep,
  'join-shares': joinSharesStep,
  objectives: objectivesStep,
  'launch-profiles': launchProfilesStep,
  activate: activateStep,
  'launch-workstations': launchWorkstationsStep,
};
