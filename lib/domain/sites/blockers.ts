/**
 * Why a site may not be drained yet. Pure: the service gathers the facts (the site's Anvil's
 * send_behind and participant latencies, a walk of each share with replication details, active
 * assignments, connected DCV sessions) and this turns them into blockers, each with a sentence and a
 * link to where it can be fixed. Anything that could lose a frame blocks; a connected artist only warns.
 * When a fact could not be read, that is a blocker too: "unknown" is never taken as "safe".
 */
import type { TFileNode } from '@/lib/domain/hammerspace/types';

export type TSendBehind = { toSite: string; seconds: number };
export type TShareFacts = {
  shareId: string;
  share: string;
  sendBehind: TSendBehind[];
  /** files whose only data copy is at this site (namespace paths), as far as the walk got */
  onlyHere: string[];
  /** the walk stopped early (too many files): the list above is not the whole truth */
  truncated: boolean;
  /** why this share could not be checked, when it could not */
  error: string | null;
};
export type TDrainFacts = {
  site: { id: string; name: string };
  /** null when the site's Anvil answered; otherwise why it did not */
  anvilError: string | null;
  shares: TShareFacts[];
  assignments: Array<{ id: string; shotId: string; shot: string; artist: string }>;
  dcvSessions: Array<{ workstationId: string; workstation: string; artist: string | null }>;
};

export type TBlockerKind = 'anvil' | 'replication' | 'only-copy' | 'unchecked' | 'assignment' | 'dcv';
export type TBlocker = { kind: TBlockerKind; severity: 'block' | 'warn'; message: string; href: string; linkLabel: string };

const SHOW_PATHS = 3;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const seconds = (s: number) => (s < 10 ? s.toFixed(1) : String(Math.round(s)));

export function drainBlockers(f: TDrainFacts): TBlocker[] {
  const out: TBlocker[] = [];
  const name = f.site.name;
  if (f.anvilError) {
    out.push({ kind: 'anvil', severity: 'block', message: `${name}'s Anvil does not answer, so nothing can be checked: ${f.anvilError}`, href: '/regions', linkLabel: 'Anvil health' });
  }
  for (const s of f.shares) {
    const behind = s.sendBehind.filter((b) => b.seconds > 0);
    if (behind.length) {
      const worst = behind.map((b) => `${b.toSite} ${seconds(b.seconds)} s`).join(', ');
      out.push({ kind: 'replication', severity: 'block', message: `Share ${s.share}: changes made at ${name} have not reached every site yet (send_behind ${worst}).`, href: `/replication?share=${encodeURIComponent(s.shareId)}`, linkLabel: `Replication of ${s.share}` });
    }
    if (s.onlyHere.length) {
      const shown = s.onlyHere.slice(0, SHOW_PATHS).join(', ');
      const more = s.onlyHere.length > SHOW_PATHS ? ` and ${s.onlyHere.length - SHOW_PATHS} more` : '';
      out.push({ kind: 'only-copy', severity: 'block', message: `Share ${s.share}: ${plural(s.onlyHere.length, 'file')} ${s.onlyHere.length === 1 ? 'has' : 'have'} ${s.onlyHere.length === 1 ? 'its' : 'their'} only copy at ${name}: ${shown}${more}. Place ${s.onlyHere.length === 1 ? 'it' : 'them'} at another site first.`, href: '/objectives', linkLabel: 'Place with an objective' });
    }
    if (s.truncated) {
      out.push({ kind: 'unchecked', severity: 'block', message: `Share ${s.share} holds more files than one check walks; not every file could be verified to have a copy elsewhere.`, href: '/objectives', linkLabel: 'Objectives' });
    }
    if (s.error) {
      out.push({ kind: 'unchecked', severity: 'block', message: `Share ${s.share} could not be checked: ${s.error}`, href: `/replication?share=${encodeURIComponent(s.shareId)}`, linkLabel: `Replication of ${s.share}` });
    }
  }
  for (const a of f.assignments) {
    out.push({ kind: 'assignment', severity: 'block', message: `${a.artist} is still assigned ${a.shot} at ${name}. Reassign it to an artist at another site.`, href: `/shots/board?assignment=${encodeURIComponent(a.id)}`, linkLabel: 'Reassign' });
  }
  for (const d of f.dcvSessions) {
    const who = d.artist ? `${d.artist} is` : 'Someone is';
    out.push({ kind: 'dcv', severity: 'warn', message: `${who} connected to ${d.workstation} (DCV); the drain will stop it under them.`, href: `/workstations?ws=${encodeURIComponent(d.workstationId)}`, linkLabel: d.workstation });
  }
  return out;
}

export const isBlocking = (blockers: readonly TBlocker[]) => blockers.some((b) => b.severity === 'block');

/** Replication-only blockers: what the drain waits on before stopping workstations and leaving shares. */
export function dataBlockers(blockers: readonly TBlocker[]): TBlocker[] {
  return blockers.filter((b) => b.severity === 'block' && (b.kind === 'anvil' || b.kind === 'replication' || b.kind === 'only-copy' || b.kind === 'unchecked'));
}

/** One line for a step's detail or an error: the blocking messages, joined. */
export function blockersText(blockers: readonly TBlocker[]): string {
  return blockers.filter((b) => b.severity === 'block').map((b) => b.message).join(' ');
}

// ───── data copies ─────

/**
 * Which files have their only data copy at one site, from an Anvil's `/files` answers with replication
 * details. `dataPresentAt` names every site holding the current bytes; an older release may leave it
 * empty, and then `accessDependency: LOCAL` (this site holds the bytes) is taken as "only here", since
 * nothing says another site has them.
 */
export function holdersOf(file: TFileNode, viewingSite: string): string[] {
  const r = file.replication;
  if (!r) return [];
  if (r.dataPresentAt.length) return [...new Set(r.dataPresentAt)];
  return r.accessDependency === 'LOCAL' ? [viewingSite] : [];
}

/** True when `site` holds the file's bytes and no other site does. */
export function isOnlyCopyAt(file: TFileNode, site: string): boolean {
  if (file.isDirectory) return false;
  const holders = holdersOf(file, site);
  return holders.length > 0 && holders.every((h) => h === site);
}

export type TWalkLimits = { calls: number; files: number; depth: number };
export const DEFAULT_WALK: TWalkLimits = { calls: 500, files: 50_000, depth: 12 };
