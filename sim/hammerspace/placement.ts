/**
 * Which objectives apply to a path at one site, and whether they ask for a local data instance.
 * Applications are inherited down the tree; a deeper application of the same objective replaces a
 * shallower one (that is how unsetting an inherited objective can negate it).
 */
import type { Anvil } from './anvil';
import { applies, selectedSlos, type FileContext } from './expression-eval';
import type { FileVersion } from './federation';
import type { Application, ShareEntity } from './model';

/** Objectives whose effect is "keep an instance on this site's volumes". */
export const LOCAL_PLACEMENT = new Set(['place-on-local-volumes']);

export function ancestors(rel: string): string[] {
  const parts = rel.split('/').filter(Boolean);
  const out = ['/'];
  for (let i = 1; i <= parts.length; i++) out.push(`/${parts.slice(0, i).join('/')}`);
  return out;
}

export function normalizePath(p: string | null | undefined): string {
  if (!p) return '/';
  const parts = p.split('/').filter((s) => s && s !== '.');
  return `/${parts.join('/')}`;
}

export function effectiveApplications(share: ShareEntity, rel: string): Application[] {
  const byObjective = new Map<string, Application>();
  for (const dir of ancestors(rel)) {
    for (const app of share.applications) if (app.path === dir) byObjective.set(app.objective, app);
  }
  return [...byObjective.values()];
}

export function fileContext(anvil: Anvil, share: ShareEntity, v: Pick<FileVersion, 'path' | 'size' | 'mtimeMs' | 'origin'>, isFile = true): FileContext {
  const base = share.path === '/' ? '' : share.path;
  return {
    path: `${base}${v.path === '/' ? '' : v.path}` || '/',
    isFile,
    size: v.size,
    dataOriginLocal: v.origin === anvil.region,
    isOnline: true,
    modifiedMs: v.mtimeMs,
    nowMs: anvil.now(),
  };
}

/** Objective names in force for a file, expression objectives expanded to the SLOs they select. */
export function activeSlos(anvil: Anvil, share: ShareEntity, ctx: FileContext, rel: string): Set<string> {
  const out = new Set<string>();
  const expand = (name: string, depth: number) => {
    const obj = anvil.objective(name);
    if (!obj || depth > 4) return;
    out.add(obj.name);
    if (!obj.basic && obj.expression) for (const slo of selectedSlos(obj.expression, ctx)) expand(slo, depth + 1);
    for (const a of obj.appliedObjectives) if (applies(a.applicability, ctx)) expand(a.objective, depth + 1);
  };
  for (const app of effectiveApplications(share, rel)) if (applies(app.applicability, ctx)) expand(app.objective, 0);
  return out;
}

export function wantsLocalData(anvil: Anvil, share: ShareEntity, v: FileVersion): boolean {
  const slos = activeSlos(anvil, share, fileContext(anvil, share, v), v.path);
  for (const s of slos) if (LOCAL_PLACEMENT.has(s)) return true;
  return false;
}
