// Which layout a project publishes with, and what a clip path under the projects root says about
// shot identity. A project's layout lives in `projects.layout` as text: nothing (the default
// layout), the name of a ready-made layout, or JSON `{ "base": "<name>", "override": { … } }`
// for a studio's own patterns. The scanner only knows a path when it finds a clip, so the project
// is read from the path's first segment first (every ready-made layout starts with `<project>/`)
// and that project's own layout decides; a project nobody configured is read with the default.
import { z } from 'zod';
import {
  DEFAULT_PUBLISH_LAYOUT,
  PUBLISH_LAYOUTS,
  ZPublishLayoutOverride,
  matchPublishPath,
  mergeLayout,
  normalizeRelative,
  parsePattern,
  type TPublishLayout,
} from '@/lib/domain/publish';

/** Shots of a layout without `<sequence>` (LOGIK's) are grouped under this sequence name. */
export const NO_SEQUENCE = '(no sequence)';

export const ZProjectLayoutSetting = z.object({
  base: z.string().min(1).default('default'),
  override: ZPublishLayoutOverride.optional(),
});
export type TProjectLayoutSetting = z.input<typeof ZProjectLayoutSetting>;

export type TLayoutResult = { ok: true; layout: TPublishLayout } | { ok: false; reason: string };

/** The layout a `projects.layout` value describes; a broken value is an error, never a silent default. */
export function readProjectLayout(text: string | null | undefined): TLayoutResult {
  const raw = text?.trim();
  if (!raw) return { ok: true, layout: DEFAULT_PUBLISH_LAYOUT };
  if (!raw.startsWith('{')) return layoutFrom({ base: raw });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'the project layout is neither a layout name nor valid JSON' };
  }
  return layoutFrom(json);
}

/** Validates a setting the way it will be read back, and gives the text to store. */
export function writeProjectLayout(setting: unknown): { ok: true; text: string | null; layout: TPublishLayout } | { ok: false; reason: string } {
  const parsed = ZProjectLayoutSetting.safeParse(setting);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.message).join('; ') };
  const result = layoutFrom(parsed.data);
  if (!result.ok) return result;
  const { base, override } = parsed.data;
  const plain = !override || Object.keys(override).length === 0;
  const text = plain ? (base === 'default' ? null : base) : JSON.stringify({ base, override });
  return { ok: true, text, layout: result.layout };
}

function layoutFrom(input: unknown): TLayoutResult {
  const parsed = ZProjectLayoutSetting.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.message).join('; ') };
  const base = PUBLISH_LAYOUTS[parsed.data.base];
  if (!base) return { ok: false, reason: `unknown layout "${parsed.data.base}" (known: ${Object.keys(PUBLISH_LAYOUTS).join(', ')})` };
  const merged = mergeLayout(base, parsed.data.override);
  if (!merged.ok) return merged;
  const clip = parsePattern(merged.layout.patterns.clip);
  // Identity comes from the clip path; without these two captures a clip cannot be attached to a shot.
  const tokens = clip.ok ? clip.parts.flatMap((p) => ('token' in p ? [p.token] : [])) : [];
  if (!tokens.includes('project') || !tokens.includes('shot')) {
    return { ok: false, reason: `the clip pattern ${merged.layout.patterns.clip} must contain <project> and <shot>` };
  }
  return merged;
}

export interface TShotIdentity {
  project: string;
  sequence: string;
  shot: string;
  /** The clip, relative to the projects root. */
  clipPath: string;
  /** The shot's folder (the clip pattern up to the segment holding `<shot>`), relative to the root. */
  folderPath: string;
  layout: TPublishLayout;
}

/**
 * The shot a clip path (relative to the projects root) belongs to, or null when it is not a
 * shot-level clip under the layout that applies (segment clips, stray files).
 */
export function identifyShotClip(relativePath: string, projectLayouts: ReadonlyMap<string, TPublishLayout>): TShotIdentity | null {
  const rel = normalizeRelative(relativePath);
  if (rel === null) return null;
  const first = rel.split('/')[0] ?? '';
  const layout = projectLayouts.get(first) ?? DEFAULT_PUBLISH_LAYOUT;
  const hit = matchPublishPath(layout, rel);
  if (!hit || hit.kind !== 'clip' || !hit.project || !hit.shot) return null;
  // A configured project is only ever read with its own layout, and a layout must not claim another
  // project's folder (a custom pattern could put `<project>` deeper than the first segment).
  const own = projectLayouts.get(hit.project);
  if (own && own !== layout) return null;
  const folderPath = shotFolder(layout, rel);
  if (folderPath === null) return null;
  return { project: hit.project, sequence: hit.sequence ?? NO_SEQUENCE, shot: hit.shot, clipPath: rel, folderPath, layout };
}

function shotFolder(layout: TPublishLayout, rel: string): string | null {
  const segments = layout.patterns.clip.split('/');
  const index = segments.findIndex((seg) => {
    const parsed = parsePattern(seg);
    return parsed.ok && parsed.parts.some((p) => 'token' in p && p.token === 'shot');
  });
  if (index < 0) return null;
  const parts = rel.split('/');
  // The shot segment cannot be the file name itself: the folder is what holds the shot's files.
  if (index >= parts.length - 1) return parts.slice(0, -1).join('/') || null;
  return parts.slice(0, index + 1).join('/');
}
