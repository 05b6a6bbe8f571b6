// The entry point: bytes (or text) of a .clip in, a normalised clip or a typed error out. It
// never throws, because the watcher calls it on whatever a remote site left on disk, and a
// failed parse must turn into "keep the last good snapshot", never into a crash or a deletion.
import { decodeClipInput } from './decode';
import { crossCheck, readTracks, type TModelContext } from './model-tracks';
import { pickMainTrack, readVersions } from './model-versions';
import { basenamePath, dirnamePath } from './posix-path';
import { parseRate, parseTime } from './timing';
import { readUserData } from './values';
import { scanXml } from './xml-scan';
import { attr, childEl, childText, lineAt, parseIntStrict } from './xml-node';
import type { TClipWarning, TParseResult } from './types';

export interface TParseOptions {
  /** Where the clip sits; relative media paths resolve from its folder, and a missing name comes from it. */
  clipPath: string;
  /** Default 32 MiB. Long-running shots reach megabytes; more than this is not a clip. */
  maxBytes?: number;
  /** Default 64. Real clips nest about 10 deep (userData dicts add a few). */
  maxDepth?: number;
  /** Default 1,000,000 elements. */
  maxElements?: number;
}

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_MAX_ELEMENTS = 1_000_000;

/** Parse an Open Clip. Never throws: every failure is `{ ok: false, error: { code, reason, line? } }`. */
export function parseOpenClip(input: string | Uint8Array, opts: TParseOptions): TParseResult {
  try {
    return parseUnguarded(input, opts);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'INVALID', reason: `unexpected parser failure: ${reason}` } };
  }
}

function parseUnguarded(input: string | Uint8Array, opts: TParseOptions): TParseResult {
  const decoded = decodeClipInput(input, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) return { ok: false, error: { code: decoded.code, reason: decoded.reason } };
  const { text } = decoded;
  const scanned = scanXml(text, {
    maxDepth: opts.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxElements: opts.maxElements ?? DEFAULT_MAX_ELEMENTS,
  });
  if (!scanned.ok) {
    const { code, reason, offset } = scanned.error;
    return { ok: false, error: { code, reason, line: lineAt(text, offset) } };
  }
  const root = scanned.root;
  if (root.name !== 'clip') {
    return { ok: false, error: { code: 'NOT_OPEN_CLIP', reason: `root element is <${root.name.slice(0, 60)}>, not <clip>`, line: lineAt(text, root.start) } };
  }

  const warnings: TClipWarning[] = [];
  const warn = (w: TClipWarning) => {
    // A pathological file could repeat one problem millions of times; a thousand tell the story.
    if (warnings.length < 1000) warnings.push(w);
  };
  const type = attr(root, 'type');
  if (type !== null && type !== 'clip') warn({ code: 'UNEXPECTED_CLIP_TYPE', message: `clip@type is "${type}", expected "clip"` });
  const versionAttr = attr(root, 'version');
  let schemaVersion = parseIntStrict(versionAttr);
  if (versionAttr !== null && (schemaVersion === null || schemaVersion < 0)) {
    warn({ code: 'BAD_SCHEMA_VERSION', message: `clip@version "${versionAttr.slice(0, 40)}" is not an unsigned integer` });
    schemaVersion = null;
  }

  const clipPath = opts.clipPath;
  const xmlName = childText(root, 'name');
  const editRate = parseRate(childEl(root, 'editRate'));
  const ctx: TModelContext = { clipDir: dirnamePath(clipPath), editRate, warn };
  const tracks = readTracks(root, ctx);
  const main = pickMainTrack(tracks);
  const versionModel = readVersions(root, tracks, main, ctx);
  crossCheck(tracks, main, versionModel.versions, warn);
  const scanPattern = childText(childEl(childEl(root, 'handler'), 'options'), 'ScanPattern');

  return {
    ok: true,
    clip: {
      kind: tracks.length > 0 ? 'tracks' : scanPattern !== null ? 'pattern' : 'empty',
      schemaVersion,
      clipPath,
      name: xmlName ?? basenamePath(clipPath).replace(/\.clip$/i, ''),
      nameFromFile: xmlName === null,
      editRate,
      startTimecode: parseTime(childEl(root, 'startTimecode'), editRate),
      userData: readUserData(childEl(root, 'userData')),
      scanPattern,
      tracks,
      mainTrackUid: main?.uid ?? null,
      ...versionModel,
      warnings,
      byteLength: decoded.byteLength,
    },
  };
}
