// Public API of the Open Clip domain: read a .clip safely, compare two readings, write or extend
// one the way Flame does, and the name-level helpers the watcher needs around the filesystem.
// Everything here is pure: callers read the bytes, list directories and supply any clock.

/** Parse a .clip (bytes or text); never throws. Errors: EMPTY, TOO_LARGE, NOT_XML, TRUNCATED, MULTI_ROOT, DTD_FORBIDDEN, TOO_DEEP, NOT_OPEN_CLIP, INVALID. */
export { parseOpenClip, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS, type TParseOptions } from './parse';

/** Change events between two snapshots, and folding a parse result into the watcher's state. */
export { diffClips, reconcileParse, type TClipEvent, type TDiffOptions, type TRerenderChange, type TMetadataField } from './diff';

/** Write a whole clip like Flame's Shot Publish / Write File does (throws on invalid input). */
export { buildOpenClip, ZBuildClipInput, type TBuildClipInput } from './build';

/** Add a version to an existing clip as a remote render does, splicing the text in place. */
export { appendVersion, ZAppendVersion, ZAppendTrack, type TAppendVersion, type TAppendOptions, type TAppendResult, type TAppendErrorCode } from './append';

/** The version shape shared by the writers, and how Flame formats dates and frame ranges. */
export { ZWriteVersion, ZWriteRate, type TWriteVersion, type TWriteRate, flameDate, framePattern } from './write-nodes';

/** Which file names are clips (not backups or temp files), and pattern-clip expansion against a listing. */
export { classifyClipFile, isOpenClipCandidate, matchScanPattern, type TClipFileKind, type TScannedVersion } from './on-disk';

/** Version ordering used for `versions` (oldest first), exposed for callers merging histories. */
export { compareVersions, compareNumberedUids, trailingNumber } from './model-versions';

/** Free-text creation dates, as the parser reads them. */
export { parseCreationDate } from './values';

/** Snapshot schemas (for stored JSON) and their types. */
export {
  ZOpenClip,
  ZClipVersion,
  ZTrack,
  ZFeed,
  ZSpan,
  ZMediaPath,
  ZFrameRange,
  ZTime,
  ZRate,
  ZUserDataEntry,
  ZCreationDate,
  ZClipWarning,
  ZWarningCode,
  type OpenClip,
  type TOpenClip,
  type TClipVersion,
  type TTrack,
  type TFeed,
  type TSpan,
  type TMediaPath,
  type TFrameRange,
  type TTime,
  type TRate,
  type TUserDataEntry,
  type TCreationDate,
  type TClipWarning,
  type TWarningCode,
  type TParseError,
  type TParseErrorCode,
  type TParseResult,
} from './types';
