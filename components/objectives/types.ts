/**
 * The shapes the Objectives pages hand to these components (the services' results, as plain data).
 * Declared here because components do not import services.
 */
export type TProblem = { line: number; column: number; message: string };

export type TExpressionReport = {
  parser: { ok: boolean; errors: TProblem[]; fnmatch: { pattern: string; subject: string }[]; slo: string[] };
  anvils: { siteId: string; siteName: string; ok: boolean | null; errors: TProblem[]; unavailable: string | null }[];
};

export type TFnmatchPreview = {
  share: string | null;
  patterns: { pattern: string; subject: string; previewable: boolean; total: number; matches: string[] }[];
  files: number;
  fromDatabase: number;
  fromAnvil: { site: string; files: number; truncated: boolean; error: string | null } | null;
};

export type TApplicationView = {
  id: string; siteId: string; site: string; region: string; isHome: boolean; shareId: string; share: string; path: string;
  state: string; lastError: string | null; appliedAt: string | null; repairedAt: string | null;
};

export type TShareTarget = { id: string; name: string; path: string; sites: { id: string; name: string; region: string; isHome: boolean }[] };
