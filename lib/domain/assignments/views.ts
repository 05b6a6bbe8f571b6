/**
 * The shapes the board and the artist's pages render: plain JSON (ISO strings, no Dates), shared by the
 * read services that build them and the components that show them.
 */
import type { TLocalityBanner } from './locality';
import type { TAssignmentStatus, TBoardStatus } from './status';

export type TMoveView = { to: TAssignmentStatus; verb: string };

/** One row as the board shows it (its sequence and project are its group's). */
export type TBoardRow = {
  shotId: string;
  shot: string;
  sequenceId: string;
  parseError: string | null;
  status: TBoardStatus;
  latestVersion: { name: string } | null;
  versionCount: number;
  assignment: { id: string; artistId: string; artist: string; siteId: string; site: string; dueDate: string | null; note: string | null; overdue: boolean } | null;
  moves: TMoveView[];
};

export type TBoardView = {
  query: { status?: TBoardStatus; artistId?: string; siteId?: string; sequenceId?: string; q?: string; page?: number };
  total: number;
  shown: number;
  /** shots the filters match, over every page; `page` is 1-based, `pageSize` shots each */
  matching: number;
  page: number;
  pageSize: number;
  /** more shots match than this page shows */
  truncated: boolean;
  counts: Record<TBoardStatus, number>;
  groups: Array<{ sequenceId: string; sequence: string; project: string; rows: TBoardRow[] }>;
  artists: Array<{ id: string; name: string; sites: string[] }>;
  sites: Array<{ id: string; name: string }>;
  sequences: Array<{ id: string; name: string; project: string }>;
};

export type TMyAssignmentView = {
  id: string;
  shotId: string;
  shot: string;
  sequence: string;
  project: string;
  status: TAssignmentStatus;
  dueDate: string | null;
  note: string | null;
  site: { id: string; name: string };
  /** the folder and Batch setup as mounted at the artist's site (raw when no mapping applies) */
  folder: string;
  batch: string | null;
  latestVersion: { name: string; discoveredAt: string } | null;
  banner: TLocalityBanner;
  moves: TMoveView[];
};

export type TMyAssignmentDetail = TMyAssignmentView & {
  /** newest first; `removed`: the clip no longer lists it (kept as history); `batch`: its setup at the artist's site */
  versions: Array<{ id: string; name: string; vuid: string; frames: string | null; discoveredAt: string; removed: boolean; batch: string | null }>;
};
