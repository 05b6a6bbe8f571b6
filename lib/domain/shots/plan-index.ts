// What one reading of a shot clip changes in the database, decided without the database: the
// scanner loads the shot as stored, hands it here with the parse result, and applies the plan in
// one transaction. Nothing is ever lost on bad input: a failed parse keeps every version and the
// last good snapshot and only records the error; versions the file stops listing (a Write File node
// rewrote the clip) are marked removed, never deleted.
import { reconcileParse, type TClipEvent, type TOpenClip, type TParseError, type TParseResult } from '@/lib/domain/openclip';
import type { TSiteRoot } from '@/lib/domain/publish';
import { versionRows, type TVersionRow } from './version-rows';

export interface TStoredVersion {
  vuid: string;
  name: string;
  position: number;
  contentHash: string | null;
  siteId: string | null;
  removedAt: Date | null;
}

export interface TStoredShot {
  currentVuid: string | null;
  latestVuid: string | null;
  parseError: string | null;
  snapshot: TOpenClip | null;
  versions: readonly TStoredVersion[];
}

export type TShotEventKind =
  | 'discovered'
  | 'version-added'
  | 'current-changed'
  | 're-rendered'
  | 'clip-rewritten'
  | 'schema-changed'
  | 'metadata-changed'
  | 'parse-failed'
  | 'parse-recovered'
  /** the full scan did not find the clip; and found it again */
  | 'missing'
  | 'back';

export interface TShotEventRow {
  kind: TShotEventKind;
  vuid: string | null;
  summary: string;
  data: Record<string, unknown>;
}

export type TIndexPlan =
  | { kind: 'failed'; error: TParseError; errorText: string; errorChanged: boolean; events: TShotEventRow[] }
  | {
      kind: 'indexed';
      snapshot: TOpenClip;
      currentVuid: string | null;
      latestVuid: string | null;
      create: TVersionRow[];
      update: TVersionRow[];
      /** vuids the clip stopped listing: marked removed. */
      remove: string[];
      /** vuids listed again after a removal. */
      restore: string[];
      events: TShotEventRow[];
      /** New versions worth telling people about (none when the shot is seen for the first time). */
      announce: string[];
    };

export function parseErrorText(e: TParseError): string {
  return `${e.code}: ${e.reason}${e.line !== undefined ? ` (line ${e.line})` : ''}`;
}

export function planIndex(stored: TStoredShot | null, result: TParseResult, ctx: { roots: readonly TSiteRoot[]; siteNames: ReadonlyMap<string, string> }): TIndexPlan {
  const outcome = reconcileParse(stored?.snapshot ?? null, result);
  if (outcome.error || !outcome.snapshot) {
    const error = outcome.error ?? { code: 'INVALID', reason: 'no clip' };
    const errorText = parseErrorText(error);
    const errorChanged = stored?.parseError !== errorText;
    const kept = stored?.versions.filter((v) => !v.removedAt).length ?? 0;
    const events: TShotEventRow[] = errorChanged
      ? [{ kind: 'parse-failed', vuid: null, summary: `Open Clip unreadable (${error.code}); the ${kept} known version${kept === 1 ? '' : 's'} are kept`, data: { ...error } }]
      : [];
    return { kind: 'failed', error, errorText, errorChanged, events };
  }

  const clip = outcome.snapshot;
  const rows = versionRows(clip, ctx.roots);
  const known = new Map((stored?.versions ?? []).map((v) => [v.vuid, v]));
  const create = rows.filter((r) => !known.has(r.vuid));
  const update = rows.filter((r) => {
    const old = known.get(r.vuid);
    return old !== undefined && (old.contentHash !== r.contentHash || old.position !== r.position || old.name !== r.name);
  });
  const listed = new Set(rows.map((r) => r.vuid));
  const remove = [...known.values()].filter((v) => !v.removedAt && !listed.has(v.vuid)).map((v) => v.vuid);
  const restore = rows.filter((r) => known.get(r.vuid)?.removedAt).map((r) => r.vuid);

  const site = (vuid: string) => {
    const id = rows.find((r) => r.vuid === vuid)?.siteId;
    return id ? ctx.siteNames.get(id) ?? null : null;
  };
  // A shot indexed before its snapshot was kept still has rows: diff against nothing would call
  // every version new, so without a snapshot the rows decide what is new.
  const events = stored?.snapshot ? outcome.events.flatMap((e) => eventRows(e, site)) : discoveryRows(stored, clip, create, site);
  if (stored?.parseError) events.unshift({ kind: 'parse-recovered', vuid: null, summary: 'Open Clip readable again', data: { previous: stored.parseError } });
  // Rows can know versions the old snapshot did not (history from before a rewrite), so the rows
  // decide what is removed; the diff's own rewrite event covers the usual case.
  if (remove.length > 0 && !events.some((e) => e.kind === 'clip-rewritten')) {
    events.push({ kind: 'clip-rewritten', vuid: null, summary: `Clip rewritten: ${remove.join(', ')} no longer listed (kept here as history)`, data: { removed: remove } });
  }
  const announce = (stored?.versions.length ?? 0) > 0 || stored?.snapshot ? create.map((r) => r.vuid) : [];
  return { kind: 'indexed', snapshot: clip, currentVuid: clip.currentVersion, latestVuid: clip.latestVersion, create, update, remove, restore, events, announce };
}

function discoveryRows(stored: TStoredShot | null, clip: TOpenClip, create: TVersionRow[], site: (vuid: string) => string | null): TShotEventRow[] {
  if (!stored || stored.versions.length === 0) {
    const names = clip.versions.map((v) => v.name);
    return [{ kind: 'discovered', vuid: null, summary: names.length ? `Published with ${names.join(', ')}` : 'Published with no versions yet', data: { versions: clip.versions.map((v) => v.uid), current: clip.currentVersion } }];
  }
  return create.map((r) => ({ kind: 'version-added', vuid: r.vuid, summary: added(r.name, site(r.vuid)), data: {} }));
}

const added = (name: string, site: string | null) => `${name} added${site ? ` at ${site}` : ''}`;

function eventRows(e: TClipEvent, site: (vuid: string) => string | null): TShotEventRow[] {
  switch (e.type) {
    case 'clip-discovered':
      return [{ kind: 'discovered', vuid: null, summary: `Published with ${e.versions.join(', ') || 'no versions yet'}`, data: { ...e } }];
    case 'version-added':
      return [{ kind: 'version-added', vuid: e.uid, summary: added(e.name, site(e.uid)), data: {} }];
    case 'current-changed':
      return [{ kind: 'current-changed', vuid: e.to, summary: `Current version ${e.from ?? 'none'} → ${e.to ?? 'none'}`, data: { from: e.from, to: e.to } }];
    case 're-rendered':
      return [{ kind: 're-rendered', vuid: e.uid, summary: `${e.uid} re-rendered (${e.changes.join(', ')})`, data: { changes: e.changes } }];
    case 'clip-rewritten':
      return [
        {
          kind: 'clip-rewritten',
          vuid: null,
          summary:
            e.reason === 'versions-removed'
              ? `Clip rewritten: ${e.removed.join(', ')} no longer listed (kept here as history)`
              : `Clip rewritten: shrank from ${e.beforeBytes} to ${e.afterBytes} bytes`,
          data: { ...e },
        },
      ];
    case 'schema-changed':
      return [{ kind: 'schema-changed', vuid: null, summary: `Open Clip format ${e.from ?? '?'} → ${e.to ?? '?'}`, data: { ...e } }];
    case 'version-metadata-changed':
      return [{ kind: 'metadata-changed', vuid: e.uid, summary: `${e.uid}: ${e.fields.join(', ')} changed`, data: { fields: e.fields } }];
  }
}
