// The normalised shape of a parsed Open Clip. It is plain JSON on purpose: the watcher stores the
// last good snapshot of each clip and diffs the next parse against it, so the schemas below are
// what a stored snapshot is validated against when it is read back.
import { z } from 'zod';

/** A rate is text (`24`, `23.976`) or a numerator/denominator pair in the XML; both end up here. */
export const ZRate = z.object({
  numerator: z.number(),
  denominator: z.number(),
  fps: z.number(),
});

/** A `type="time"` value. nbTicks counts samples at `rate`; without a rate it is frame-based. */
export const ZTime = z.object({
  nbTicks: z.number().int(),
  rate: ZRate.nullable(),
  dropFrame: z.boolean(),
  /** HH:MM:SS:FF (`;` before frames when drop-frame), only when a rate is known. */
  timecode: z.string().nullable(),
});

/** Padding is the digit count of the first number, as Flame reads `[099-10005]` (padding 3). */
export const ZFrameRange = z.object({
  first: z.number().int(),
  last: z.number().int(),
  padding: z.number().int(),
  count: z.number().int(),
});

export const ZPathSyntax = z.enum(['single', 'range', 'frame-token', 'printf', 'hashes']);

export const ZMediaPath = z.object({
  raw: z.string(),
  /** Absolute posix path; relative paths are resolved against the folder holding the .clip. */
  resolved: z.string(),
  /** What the reader should do with it: a literal file, or a pattern to expand. */
  encoding: z.enum(['file', 'pattern']),
  declaredEncoding: z.string().nullable(),
  syntax: ZPathSyntax,
  /** Known from `[first-last]` (or startFrame + duration for non-Flame syntaxes); null for `{frame}`. */
  frameRange: ZFrameRange.nullable(),
  /** `{frame}` and friends: the range is only known after a scan of the disk. */
  unbounded: z.boolean(),
  tokens: z.array(z.string()),
});

export const ZSpan = z.object({
  kind: z.enum(['media', 'gap', 'empty']),
  path: ZMediaPath.nullable(),
  /** Stereo spans use `<paths>`; `path` is then the first eye. */
  stereoPaths: z.array(ZMediaPath),
  duration: ZTime.nullable(),
  trackIndex: z.number().int().nullable(),
  /** Frames this span plays: its duration, else its pattern's range; null when unknown. */
  frameCount: z.number().int().nullable(),
});

/** userData flattened: `studioExtras/region`. Dicts appear as entries of type `dict` with no raw. */
export const ZUserDataEntry = z.object({
  path: z.string(),
  type: z.string().nullable(),
  raw: z.string(),
});

export const ZFeed = z.object({
  vuid: z.string(),
  uid: z.string().nullable(),
  sampleRate: ZRate.nullable(),
  startTimecode: ZTime.nullable(),
  startFrame: z.number().int().nullable(),
  spans: z.array(ZSpan),
  /** Lowest first and highest last frame over the feed's media spans. */
  frameRange: ZFrameRange.nullable(),
  frameCount: z.number().int().nullable(),
  userData: z.array(ZUserDataEntry),
});

export const ZTrack = z.object({
  uid: z.string(),
  trackType: z.string(),
  extendedType: z.string().nullable(),
  name: z.string().nullable(),
  /** `feeds@currentVersion` (or `track@currentVersion`) as written, even when it matches nothing. */
  declaredCurrentVersion: z.string().nullable(),
  /** The feed this track plays; null when the declared value matches no feed (Flame: No Media). */
  currentVersion: z.string().nullable(),
  feeds: z.array(ZFeed),
});

export const ZCreationDate = z.object({
  raw: z.string(),
  /** Wall-clock `YYYY-MM-DDTHH:mm:ss` with no zone: Flame writes local time and no offset. */
  iso: z.string().nullable(),
});

export const ZClipVersion = z.object({
  uid: z.string(),
  name: z.string(),
  comment: z.string().nullable(),
  creationDate: ZCreationDate.nullable(),
  versionNumber: z.number().int().nullable(),
  batchSetup: z.string().nullable(),
  userData: z.array(ZUserDataEntry),
  /** Has a `<version>` entry. Feed-only versions are kept (edge case 9). */
  declared: z.boolean(),
  trackUids: z.array(z.string()),
  /** From the main picture track's feed, else the first track holding this version. */
  frameRange: ZFrameRange.nullable(),
  frameCount: z.number().int().nullable(),
  mediaPath: z.string().nullable(),
  startTimecode: ZTime.nullable(),
  /** Position in the document (declared entries first): the last tie-breaker of the ordering. */
  documentIndex: z.number().int(),
});

export const ZWarningCode = z.enum([
  'UNEXPECTED_CLIP_TYPE',
  'BAD_SCHEMA_VERSION',
  'MISSING_ATTRIBUTE',
  'DUPLICATE_TRACK_UID',
  'DUPLICATE_FEED_VUID',
  'DUPLICATE_VERSION_UID',
  'DANGLING_CURRENT_VERSION',
  'FEEDS_CURRENT_NO_MEDIA',
  'TRACK_CURRENT_OUT_OF_SYNC',
  'VERSION_WITHOUT_FEEDS',
  'FEED_WITHOUT_VERSION_ENTRY',
  'NEGATIVE_FRAME',
  'INVALID_RANGE',
  'MULTIPLE_RANGES',
  'NON_FLAME_SEQUENCE_SYNTAX',
  'ENCODING_MISMATCH',
  'MIXED_FRAME_RATES',
  'START_CHANGED',
]);

export const ZClipWarning = z.object({
  code: ZWarningCode,
  message: z.string(),
  trackUid: z.string().optional(),
  versionUid: z.string().optional(),
});

export const ZOpenClip = z.object({
  /** `tracks`: versions in the XML; `pattern`: only a handler ScanPattern; `empty`: neither. */
  kind: z.enum(['tracks', 'pattern', 'empty']),
  /** `clip@version`; null when absent (bare `<clip>`) or not an unsigned integer. */
  schemaVersion: z.number().int().nullable(),
  clipPath: z.string(),
  name: z.string(),
  nameFromFile: z.boolean(),
  editRate: ZRate.nullable(),
  startTimecode: ZTime.nullable(),
  userData: z.array(ZUserDataEntry),
  scanPattern: z.string().nullable(),
  tracks: z.array(ZTrack),
  mainTrackUid: z.string().nullable(),
  /** Oldest first: versionNumber, then numbered uids, then creationDate, then document order. */
  versions: z.array(ZClipVersion),
  currentVersion: z.string().nullable(),
  currentSource: z.enum(['versions', 'feeds', 'last', 'none']),
  /** `versions@currentVersion` as written, even when dangling. */
  declaredCurrentVersion: z.string().nullable(),
  latestVersion: z.string().nullable(),
  warnings: z.array(ZClipWarning),
  /** Size of the input (bytes, or UTF-16 units for a string): a much smaller file hints a rewrite. */
  byteLength: z.number().int(),
});

export type TRate = z.infer<typeof ZRate>;
export type TTime = z.infer<typeof ZTime>;
export type TFrameRange = z.infer<typeof ZFrameRange>;
export type TPathSyntax = z.infer<typeof ZPathSyntax>;
export type TMediaPath = z.infer<typeof ZMediaPath>;
export type TSpan = z.infer<typeof ZSpan>;
export type TUserDataEntry = z.infer<typeof ZUserDataEntry>;
export type TFeed = z.infer<typeof ZFeed>;
export type TTrack = z.infer<typeof ZTrack>;
export type TCreationDate = z.infer<typeof ZCreationDate>;
export type TClipVersion = z.infer<typeof ZClipVersion>;
export type TWarningCode = z.infer<typeof ZWarningCode>;
export type TClipWarning = z.infer<typeof ZClipWarning>;
export type TOpenClip = z.infer<typeof ZOpenClip>;
/** Alias used in the public signatures. */
export type OpenClip = TOpenClip;

export type TParseErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'NOT_XML'
  | 'TRUNCATED'
  | 'MULTI_ROOT'
  | 'DTD_FORBIDDEN'
  | 'TOO_DEEP'
  | 'NOT_OPEN_CLIP'
  | 'INVALID';

export interface TParseError {
  code: TParseErrorCode;
  reason: string;
  line?: number;
}

export type TParseResult = { ok: true; clip: TOpenClip } | { ok: false; error: TParseError };
