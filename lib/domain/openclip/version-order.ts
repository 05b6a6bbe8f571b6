// Version ordering, oldest first. Identifiers are arbitrary (v0, v0001, comp_v01, LIGHT_v003,
// UUIDs), so `v\d+` is never assumed: the declared versionNumber wins, then the trailing number
// of uids that share a prefix (a natural sort that leaves UUIDs alone), then the creation date,
// then document order.
import type { TClipVersion } from './types';

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
