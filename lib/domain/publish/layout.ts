// Where Shot Publish puts things, as token patterns relative to the projects root of a site.
// Autodesk's factory preset folders could not be verified (openclip.md §3.1), and studios change
// them anyway, so no layout is hard-coded: the default below is a convention the control plane
// writes and reads, two layouts seen in the wild come ready-made, and any project may override
// any pattern.
import { z } from 'zod';
import { parsePattern } from './tokens';

/** What a published file is. `clip` is the shot-level clip that gains versions on render. */
export const ZPublishKind = z.enum(['clip', 'segment-clip', 'batch', 'render', 'source']);
export type TPublishKind = z.infer<typeof ZPublishKind>;

const ZPattern = z.string().min(1).superRefine((p, ctx) => {
  const parsed = parsePattern(p);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  if (p.startsWith('/') || p.includes('\\')) ctx.addIssue({ code: 'custom', message: `pattern must be relative and use "/": ${p}` });
});

const ZVersionName = z.string().min(1).superRefine((p, ctx) => {
  const parsed = parsePattern(p);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
  else if (!parsed.parts.some((x) => 'token' in x && x.token === 'version')) ctx.addIssue({ code: 'custom', message: `version name ${p} has no <version>` });
});

export const ZPublishLayout = z.object({
  name: z.string().min(1),
  patterns: z.object({
    /** Shot-level Open Clip (Flame's `exportNamePattern`, the "batch open clip"). */
    clip: ZPattern,
    /** Batch setup saved with each version. */
    batch: ZPattern,
    /** Segment-level source clips (`createOpenClip/namePattern`). */
    'segment-clip': ZPattern.optional(),
    /** Frames the published batch's Write File renders (`outputPathPattern`). */
    render: ZPattern.optional(),
    /** Published plates (the preset's video `namePattern`). */
    source: ZPattern.optional(),
  }),
  /** How `<version name>` is built from `<version>`, as in the preset's `<version><name>`. */
  versionName: ZVersionName.default('v<version>'),
  versionPadding: z.number().int().min(1).max(10).default(3),
  framePadding: z.number().int().min(1).max(10).default(8),
});
export type TPublishLayout = z.output<typeof ZPublishLayout>;
export type TPublishLayoutInput = z.input<typeof ZPublishLayout>;

export const ZPublishLayoutOverride = z.object({
  name: z.string().min(1).optional(),
  patterns: ZPublishLayout.shape.patterns.partial().optional(),
  versionName: ZVersionName.optional(),
  versionPadding: z.number().int().min(1).max(10).optional(),
  framePadding: z.number().int().min(1).max(10).optional(),
});
export type TPublishLayoutOverride = z.infer<typeof ZPublishLayoutOverride>;

const SHOT = '<project>/sequences/<sequence>/<shot>';

/**
 * The control plane's default: per shot one folder holding the shot clip, the batch setups and
 * the renders, under `<project>/sequences/<sequence>/`. It follows the ShotGrid Toolkit default
 * (the one documented layout with project, sequence and shot) without the pipeline-step folder.
 */
export const DEFAULT_PUBLISH_LAYOUT: TPublishLayout = ZPublishLayout.parse({
  name: 'default',
  patterns: {
    clip: `${SHOT}/<shot>.clip`,
    batch: `${SHOT}/batch/<shot>_<version name>.batch`,
    'segment-clip': `${SHOT}/sources/<segment name>.clip`,
    render: `${SHOT}/renders/<shot>_<version name>/<shot>_<version name>.<frame>.<ext>`,
    source: `${SHOT}/plates/<segment name>/<version name>/<segment name>_<version name>.<frame>.<ext>`,
  },
  versionName: 'v<version>',
  versionPadding: 3,
  framePadding: 8,
});

/** tk-config-default2 + tk-flame-export (openclip.md §3.4a). */
export const SHOTGRID_PUBLISH_LAYOUT: TPublishLayout = ZPublishLayout.parse({
  name: 'shotgrid-toolkit',
  patterns: {
    clip: `${SHOT}/finishing/clip/<shot>.clip`,
    batch: `${SHOT}/finishing/batch/<shot>.v<version>.batch`,
    'segment-clip': `${SHOT}/finishing/clip/sources/<segment name>.clip`,
    render: `${SHOT}/finishing/comp/<segment name>_v<version>/<shot>_<segment name>_v<version>.<frame>.<ext>`,
    source: `${SHOT}/finishing/renders/<segment name>_v<version>/<shot>_<segment name>_v<version>.<frame>.<ext>`,
  },
  versionPadding: 3,
  framePadding: 8,
});

/** LOGIK-PROJEKT's Shot Publish preset (openclip.md §3.4b); it has no sequence level. */
export const LOGIK_PUBLISH_LAYOUT: TPublishLayout = ZPublishLayout.parse({
  name: 'logik-projekt',
  patterns: {
    clip: '<project>/shots/<shot name>/openclip/output_clips/flame/<shot name>_publish.clip',
    batch: '<project>/shots/<shot name>/batch_setups/<shot name>_<version name>_<workstation>_<user nickname>.batch',
    'segment-clip': '<project>/shots/<shot name>/openclip/segment_clips/flame/<segment name>.clip',
    render: '<project>/shots/<shot name>/media/renders/<shot name>_v<version>/<shot name>_v<version>.<frame>.<ext>',
    source: '<project>/shots/<shot name>/media/sources/<segment name>/v<version>/<tape>/<source name>/<segment name>_v<version>.<frame>.<ext>',
  },
  versionPadding: 4,
  framePadding: 8,
});

export const PUBLISH_LAYOUTS: Readonly<Record<string, TPublishLayout>> = {
  default: DEFAULT_PUBLISH_LAYOUT,
  'shotgrid-toolkit': SHOTGRID_PUBLISH_LAYOUT,
  'logik-projekt': LOGIK_PUBLISH_LAYOUT,
};

/** A project's layout: `base` with the override's patterns and settings on top (validated). */
export function mergeLayout(
  base: TPublishLayout,
  override: TPublishLayoutOverride | null | undefined,
): { ok: true; layout: TPublishLayout } | { ok: false; reason: string } {
  const o = ZPublishLayoutOverride.safeParse(override ?? {});
  if (!o.success) return { ok: false, reason: o.error.issues.map((i) => i.message).join('; ') };
  const merged = ZPublishLayout.safeParse({
    ...base,
    ...o.data,
    name: o.data.name ?? base.name,
    patterns: { ...base.patterns, ...o.data.patterns },
  });
  if (!merged.success) return { ok: false, reason: merged.error.issues.map((i) => i.message).join('; ') };
  return { ok: true, layout: merged.data };
}
