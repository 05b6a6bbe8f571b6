/**
 * Objectives applied to a share path at this site (synchronous 200, SharePathObjectivesView).
 * Setting one makes the site pull whatever data it now asks for.
 */
import { param, type AnvilRouter, type Ctx } from './context';
import { ApiError, invalid, notFound } from './errors';
import { checkExpression } from './expression-validate';
import { bool } from './http';
import type { ShareEntity } from './model';
import { effectiveApplications, normalizePath } from './placement';
import { pathObjectives } from './shapes-share';
import { requireShare } from './routes-shares';

function view(ctx: Ctx, share: ShareEntity, path: string) {
  return { body: { ...pathObjectives(ctx.anvil, share, path), shareName: share.name, shareInternalId: share.internalId, path } };
}

function target(ctx: Ctx) {
  const share = requireShare(ctx, param(ctx, 'id'));
  const path = normalizePath(ctx.query.get('path'));
  return { share, path };
}

function objectiveName(ctx: Ctx): string {
  const id = ctx.query.get('objective-identifier') ?? ctx.query.get('objective') ?? '';
  const o = ctx.anvil.objective(id);
  if (!o) throw notFound('Objective', id);
  return o.name;
}

function applicability(ctx: Ctx, name = 'applicability'): string {
  const a = ctx.query.get(name)?.trim() || 'TRUE';
  const p = checkExpression(a, (n) => Boolean(ctx.anvil.objective(n)))[0];
  if (p) throw invalid(`Invalid applicability at line ${p.line}, column ${p.column}: ${p.message}`, [String(p.line), String(p.column)]);
  return a;
}

function replace(ctx: Ctx, share: ShareEntity): void {
  share.modified = ctx.anvil.now();
  const L = ctx.world.federation.get(share.logicalUuid);
  if (L) ctx.world.replication.placeAll(ctx.anvil, L);
}

export function registerShareObjectiveRoutes(r: AnvilRouter): void {
  r.get('/shares/:id/objective-list', (ctx) => {
    const { share, path } = target(ctx);
    return view(ctx, share, path);
  });

  r.post('/shares/:id/objective-set', (ctx) => {
    const { share, path } = target(ctx);
    const objective = objectiveName(ctx);
    const appl = applicability(ctx);
    if (bool(ctx.query.get('clear-existing'))) share.applications = share.applications.filter((a) => a.path !== path);
    const same = share.applications.find((a) => a.path === path && a.objective === objective);
    if (same) same.applicability = appl;
    else share.applications.push({ id: ctx.anvil.nextId(), path, objective, applicability: appl });
    replace(ctx, share);
    ctx.world.log.add('objective-set', { site: ctx.anvil.region, share: share.name, path, objective, applicability: appl });
    return view(ctx, share, path);
  });

  r.post('/shares/:id/objective-unset', (ctx) => {
    const { share, path } = target(ctx);
    const objective = objectiveName(ctx);
    const local = share.applications.find((a) => a.path === path && a.objective === objective);
    if (local) share.applications = share.applications.filter((a) => a !== local);
    else {
      const inherited = effectiveApplications(share, path).find((a) => a.objective === objective);
      if (!inherited) throw new ApiError(400, 'BAD_REQUEST', `Objective ${objective} is not applied to ${path}`);
      // Unsetting an inherited objective adds it locally with the negated applicability.
      share.applications.push({ id: ctx.anvil.nextId(), path, objective, applicability: `NOT (${inherited.applicability})` });
    }
    replace(ctx, share);
    return view(ctx, share, path);
  });

  r.post('/shares/:id/objective-update', (ctx) => {
    const { share, path } = target(ctx);
    const objective = objectiveName(ctx);
    const app = share.applications.find((a) => a.path === path && a.objective === objective);
    if (!app) throw new ApiError(400, 'BAD_REQUEST', `Objective ${objective} is not applied locally to ${path}`);
    app.applicability = applicability(ctx, 'new-applicability');
    replace(ctx, share);
    return view(ctx, share, path);
  });

  r.post('/shares/:id/objective-reset', (ctx) => {
    const { share, path } = target(ctx);
    share.applications = path === '/' ? [] : share.applications.filter((a) => a.path !== path);
    replace(ctx, share);
    return view(ctx, share, path);
  });
}
