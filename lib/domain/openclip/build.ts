// A whole Open Clip as Flame's Shot Publish or a Write File node leaves it: one video track,
// one feed per version, `currentVersion` on both `<feeds>` and `<versions>`. Used by the demo
// seed; anything the watcher parses back from it must match what went in (round-trip tests).
import { z } from 'zod';
import { feedNode, renderNode, versionNode, ZWriteRate, ZWriteVersion, type TNode } from './write-nodes';

export const ZBuildClipInput = z
  .object({
    name: z.string().min(1),
    versions: z.array(ZWriteVersion),
    /** Defaults to the last version given. */
    currentVersion: z.string().min(1).optional(),
    /** `clip@version`; 7 is Flame 2026. Never write 9 unless the clip carries Bytes values. */
    schemaVersion: z.number().int().min(1).default(7),
    rate: ZWriteRate.default({ numerator: 24, denominator: 1 }),
    trackUid: z.string().min(1).default('video'),
    trackName: z.string().min(1).optional(),
    appName: z.string().optional(),
    appVersion: z.string().optional(),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    for (const v of input.versions) {
      if (seen.has(v.vuid)) ctx.addIssue({ code: 'custom', message: `duplicate vuid ${v.vuid}`, path: ['versions'] });
      seen.add(v.vuid);
    }
    if (input.currentVersion !== undefined && !seen.has(input.currentVersion)) {
      ctx.addIssue({ code: 'custom', message: `currentVersion ${input.currentVersion} is not one of the versions`, path: ['currentVersion'] });
    }
  });
export type TBuildClipInput = z.input<typeof ZBuildClipInput>;

const UNIT = '    ';

/**
 * Write a complete Open Clip document. Feed uids default to `<track uid>_<vuid>` (unique and
 * deterministic; Flame would write GUIDs, which nothing reads). Throws on invalid input: that is
 * a bug in the caller, not data from the field.
 */
export function buildOpenClip(input: TBuildClipInput): string {
  const clip = ZBuildClipInput.parse(input);
  const current = clip.currentVersion ?? clip.versions[clip.versions.length - 1]?.vuid;
  const feedsAttrs: Array<[string, string]> = current ? [['currentVersion', current]] : [];
  const children: TNode[] = [{ name: 'name', attrs: [['type', 'string']], text: clip.name }];
  const appData: TNode[] = [];
  if (clip.appName !== undefined) appData.push({ name: 'appName', attrs: [['type', 'string']], text: clip.appName });
  if (clip.appVersion !== undefined) appData.push({ name: 'appVersion', attrs: [['type', 'string']], text: clip.appVersion });
  if (appData.length > 0) children.push({ name: 'userData', attrs: [['type', 'dict']], children: appData });
  children.push({
    name: 'tracks',
    attrs: [['type', 'tracks']],
    children: [
      {
        name: 'track',
        attrs: [['type', 'track'], ['uid', clip.trackUid]],
        children: [
          { name: 'trackType', text: 'video' },
          { name: 'name', attrs: [['type', 'string']], text: clip.trackName ?? clip.name },
          {
            name: 'feeds',
            attrs: feedsAttrs,
            children: clip.versions.map((v) => feedNode(v, v.feedUid ?? `${clip.trackUid}_${v.vuid}`, clip.rate)),
          },
        ],
      },
    ],
  });
  children.push({ name: 'versions', attrs: [['type', 'versions'], ...feedsAttrs], children: clip.versions.map(versionNode) });
  const root: TNode = { name: 'clip', attrs: [['type', 'clip'], ['version', String(clip.schemaVersion)]], children };
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...renderNode(root, '', UNIT), ''].join('\n');
}
