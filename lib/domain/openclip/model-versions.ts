// Versions: the `<version>` entries plus every feed vuid they do not mention (both kept, edge
// case 9), ordered oldest first, with the clip-level current and latest kept apart. Document
// order is not chronological (OpenPype inserts at index 0), hence the explicit ordering.
// Identifiers are arbitrary (v0, v0001, comp_v01, LIGHT_v003, UUIDs), so `v\d+` is never
// assumed: the declared versionNumber wins, then the trailing number of uids that share a prefix
// (a natural sort that leaves UUIDs alone), then the creation date, then document order.
import { parseCreationDate, readUserData, userDataInt, userDataValue } from './values';
import { attr, childEl, childEls, childText, type TXmlElement } from './xml-node';
import type { TModelContext } from './model-tracks';
import type { TClipVersion, TFeed, TOpenClip, TTrack } from './types';

type TCurrent = Pick<TOpenClip, 'versions' | 'currentVersion' | 'currentSource' | 'declaredCurrentVersion' | 'latestVersion'>;

/** Main picture: a video track called rgba/video/BEAUTY…, else the first plain video track. */
export function pickMainTrack(tracks: readonly TTrack[]): TTrack | null {
  const video = tracks.filter((t) => t.trackType === 'video');
  const named = video.find((t) => [t.name ?? '', t.uid].some((n) => /^(rgba|video)$/i.test(n) || /^beauty/i.test(n)));
  return named ?? video.find((t) => t.extendedType === null) ?? video[0] ?? tracks[0] ?? null;
}

export function readVersions(clip: TXmlElement, tracks: TTrack[], main: TTrack | null, ctx: TModelContext): TCurrent {
  const versionsEl = childEl(clip, 'versions');
  const list: TClipVersion[] = [];
  const byUid = new Map<string, TClipVersion>();
  for (const el of childEls(versionsEl, 'version')) {
    const uid = attr(el, 'uid');
    if (uid === null) {
      ctx.warn({ code: 'MISSING_ATTRIBUTE', message: 'a <version> has no uid and is ignored' });
      continue;
    }
    if (byUid.has(uid)) {
      ctx.warn({ code: 'DUPLICATE_VERSION_UID', message: `<version uid="${uid}"> repeats; the first is used`, versionUid: uid });
      continue;
    }
    const userData = readUserData(childEl(el, 'userData'));
    const v = blankVersion(uid, list.length, true);
    v.name = childText(el, 'name') ?? uid;
    v.comment = childText(el, 'comment');
    v.creationDate = parseCreationDate(childText(el, 'creationDate'));
    v.userData = userData;
    v.versionNumber = userDataInt(userData, 'versionNumber');
    v.batchSetup = userDataValue(userData, 'batchSetup');
    list.push(v);
    byUid.set(uid, v);
  }
  for (const t of tracks) {
    for (const f of t.feeds) {
      let v = byUid.get(f.vuid);
      if (!v) {
        v = blankVersion(f.vuid, list.length, false);
        list.push(v);
        byUid.set(f.vuid, v);
        if (versionsEl) ctx.warn({ code: 'FEED_WITHOUT_VERSION_ENTRY', message: `feeds use ${f.vuid} but <versions> does not list it`, versionUid: f.vuid });
      }
      v.trackUids.push(t.uid);
    }
  }
  // Feeds indexed once by (track, vuid): looking them up per version would be quadratic, and a
  // long-running shot or a hostile file can hold tens of thousands of versions.
  const index = new Map(tracks.map((t) => [t.uid, { track: t, feeds: new Map(t.feeds.map((f) => [f.vuid, f])) }]));
  for (const v of list) {
    if (v.declared && v.trackUids.length === 0 && tracks.length > 0) {
      ctx.warn({ code: 'VERSION_WITHOUT_FEEDS', message: `<version uid="${v.uid}"> has no feed in any track`, versionUid: v.uid });
    }
    fillMedia(v, main, index);
  }
  const current = resolveCurrent(versionsEl, list, tracks, main, ctx);
  settleTrackCurrents(tracks, current.currentVersion, ctx);
  const versions = [...list].sort(compareVersions);
  return { ...current, versions, latestVersion: versions[versions.length - 1]?.uid ?? null };
}

function blankVersion(uid: string, documentIndex: number, declared: boolean): TClipVersion {
  return {
    uid,
    name: uid,
    comment: null,
    creationDate: null,
    versionNumber: null,
    batchSetup: null,
    userData: [],
    declared,
    trackUids: [],
    frameRange: null,
    frameCount: null,
    mediaPath: null,
    startTimecode: null,
    documentIndex,
  };
}

/** What the UI shows for a version comes from the main picture track when it has the version. */
function fillMedia(v: TClipVersion, main: TTrack | null, index: Map<string, { track: TTrack; feeds: Map<string, TFeed> }>): void {
  const feedOf = (uid: string | undefined): TFeed | undefined => (uid === undefined ? undefined : index.get(uid)?.feeds.get(v.uid));
  // Only the tracks that hold this version are looked at (v.trackUids), never all tracks.
  const video = v.trackUids.find((uid) => index.get(uid)?.track.trackType === 'video');
  const feed = feedOf(main?.uid) ?? feedOf(video) ?? feedOf(v.trackUids[0]);
  if (!feed) return;
  v.frameRange = feed.frameRange;
  v.frameCount = feed.frameCount;
  v.mediaPath = feed.spans.find((s) => s.path)?.path?.resolved ?? null;
  v.startTimecode = feed.startTimecode;
}

function resolveCurrent(
  versionsEl: TXmlElement | null,
  list: readonly TClipVersion[],
  tracks: readonly TTrack[],
  main: TTrack | null,
  ctx: TModelContext,
): Omit<TCurrent, 'versions' | 'latestVersion'> {
  const declared = attr(versionsEl, 'currentVersion');
  const known = new Set(list.map((v) => v.uid));
  if (declared !== null && known.has(declared)) {
    return { currentVersion: declared, currentSource: 'versions', declaredCurrentVersion: declared };
  }
  if (declared !== null) {
    ctx.warn({ code: 'DANGLING_CURRENT_VERSION', message: `versions@currentVersion="${declared}" names no version`, versionUid: declared });
  }
  const ordered = main ? [main, ...tracks.filter((t) => t !== main)] : tracks;
  const fromFeeds = ordered.find((t) => t.declaredCurrentVersion !== null && t.feeds.some((f) => f.vuid === t.declaredCurrentVersion));
  if (fromFeeds?.declaredCurrentVersion) {
    return { currentVersion: fromFeeds.declaredCurrentVersion, currentSource: 'feeds', declaredCurrentVersion: declared };
  }
  const last = list[list.length - 1];
  if (last) return { currentVersion: last.uid, currentSource: 'last', declaredCurrentVersion: declared };
  return { currentVersion: null, currentSource: 'none', declaredCurrentVersion: declared };
}

// A track plays its own feeds@currentVersion; absent that, the clip's current, else its last feed.
function settleTrackCurrents(tracks: TTrack[], clipCurrent: string | null, ctx: TModelContext): void {
  for (const t of tracks) {
    const has = (vuid: string | null) => vuid !== null && t.feeds.some((f) => f.vuid === vuid);
    const d = t.declaredCurrentVersion;
    if (d !== null) {
      t.currentVersion = has(d) ? d : null;
      if (!has(d)) {
        ctx.warn({ code: 'FEEDS_CURRENT_NO_MEDIA', message: `track ${t.uid}: currentVersion="${d}" matches no feed (Flame shows No Media)`, trackUid: t.uid, versionUid: d });
      }
      if (clipCurrent !== null && d !== clipCurrent) {
        ctx.warn({ code: 'TRACK_CURRENT_OUT_OF_SYNC', message: `track ${t.uid} plays ${d} while the clip's current is ${clipCurrent}`, trackUid: t.uid, versionUid: d });
      }
      continue;
    }
    t.currentVersion = has(clipCurrent) ? clipCurrent : (t.feeds[t.feeds.length - 1]?.vuid ?? null);
  }
}

type TOrderable = Pick<TClipVersion, 'uid' | 'versionNumber' | 'creationDate' | 'documentIndex'>;

const TRAILING_NUMBER = /^(.*?)(\d+)$/;

/** Sort comparator implementing the order above. */
export function compareVersions(a: TOrderable, b: TOrderable): number {
  if (a.versionNumber !== null && b.versionNumber !== null && a.versionNumber !== b.versionNumber) {
    return a.versionNumber - b.versionNumber;
  }
  const byNumber = compareNumberedUids(a.uid, b.uid);
  if (byNumber !== 0) return byNumber;
  const da = a.creationDate?.iso ?? null;
  const db = b.creationDate?.iso ?? null;
  if (da !== null && db !== null && da !== db) return da < db ? -1 : 1;
  return a.documentIndex - b.documentIndex;
}

/** Natural order of `prefix + number` uids with the same prefix; 0 when not comparable. */
export function compareNumberedUids(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return 0;
  const ma = TRAILING_NUMBER.exec(a);
  const mb = TRAILING_NUMBER.exec(b);
  if (!ma || !mb || (ma[1] ?? '').toLowerCase() !== (mb[1] ?? '').toLowerCase()) return 0;
  // Compared as digit strings so that long numbers (timestamps) never lose precision.
  const na = (ma[2] ?? '').replace(/^0+(?=\d)/, '');
  const nb = (mb[2] ?? '').replace(/^0+(?=\d)/, '');
  if (na.length !== nb.length) return na.length - nb.length;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** Digits at the end of a version name (`v003` → 3, `comp_v01` → 1); null when there are none. */
export function trailingNumber(name: string): number | null {
  const m = /(\d{1,15})$/.exec(name);
  return m ? Number.parseInt(m[1] ?? '', 10) : null;
}
