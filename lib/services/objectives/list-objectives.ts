/**
 * The Objectives page: every objective with where it is applied (share path × site) and how that
 * stands on the Anvil, the studio presets and whether each is in place, the drift the reconciler
 * repaired lately, and the shares and sites an objective can be applied to.
 */
import { listSharesWithSites } from '@/lib/db/anvil-sites';
import { listObjectivesWithApplications, recentDriftRepairs } from '@/lib/db/objectives';
import { requireRole, type Actor } from '@/lib/domain/auth/actor';
import { STUDIO_PRESETS } from '@/lib/domain/objectives';

export type TApplicationView = {
  id: string; siteId: string; site: string; region: string; isHome: boolean; shareId: string; share: string; path: string;
  state: string; lastError: string | null; appliedAt: string | null; repairedAt: string | null;
};
export type TObjectiveView = {
  id: string; name: string; expression: string; description: string | null; preset: string | null; deleting: boolean; updatedAt: string;
  applications: TApplicationView[];
};

type Row = Awaited<ReturnType<typeof listObjectivesWithApplications>>[number];

export function toObjectiveView(o: Row): TObjectiveView {
  return {
    id: o.id, name: o.name, expression: o.expression, description: o.description, preset: o.preset, deleting: o.deletedAt !== null, updatedAt: o.updatedAt.toISOString(),
    applications: o.applications.map((a) => ({
      id: a.id, siteId: a.site.id, site: a.site.name, region: a.site.region, isHome: a.site.isHome, shareId: a.share.id, share: a.share.name, path: a.path,
      state: o.deletedAt ? 'removing' : a.state, lastError: a.lastError, appliedAt: a.appliedAt?.toISOString() ?? null, repairedAt: a.repairedAt?.toISOString() ?? null,
    })),
  };
}

export async function listShareTargets() {
  return (await listSharesWithSites()).map((s) => ({
    id: s.id, name: s.name, path: s.path,
    sites: s.participants.map((p) => p.site).sort((a, b) => Number(b.isHome) - Number(a.isHome) || a.name.localeCompare(b.name)),
  }));
}

export async function listObjectives(actor: Actor) {
  requireRole(actor, 'admin');
  const [rows, repairs, shares] = await Promise.all([listObjectivesWithApplications(), recentDriftRepairs(10), listShareTargets()]);
  const objectives = rows.map(toObjectiveView);
  const presets = STUDIO_PRESETS.map((p) => {
    const o = objectives.find((x) => x.name === p.name && !x.deleting);
    const homeApplied = o?.applications.some((a) => a.isHome && a.path === '/' && a.state !== 'removing') ?? false;
    return { name: p.name, title: p.title, description: p.description, expression: p.expression, appliesTo: p.appliesTo, objectiveId: o?.id ?? null, inPlace: homeApplied };
  });
  return {
    objectives,
    presets,
    repairs: repairs.map((r) => ({ id: r.id.toString(), at: r.at.toISOString(), summary: r.summary, objectiveId: r.entityId })),
    shares,
  };
}

export type TObjectivesPage = Awaited<ReturnType<typeof listObjectives>>;
