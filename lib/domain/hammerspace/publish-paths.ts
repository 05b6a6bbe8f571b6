/**
 * Published files as an objective sees them. FNMATCH is evaluated on the Anvil against PATH, the
 * namespace path (the share's export path followed by the path inside the share); the database keeps
 * Shot Publish files as they were found under a site's publish root (a mount of that share). These
 * turn one into the other, and match previews against the right subject.
 */
import { compileFnmatch, type TFnmatchUse } from '@/lib/domain/objectives';

const clean = (p: string) => `/${p.split('/').filter(Boolean).join('/')}`;

/**
 * The namespace path of a published file: an absolute path under `publishRoot` (the share's mount)
 * becomes `sharePath` + the rest; a relative one is taken as relative to the share. A path outside
 * the publish root cannot be placed in the namespace (null).
 */
export function namespacePath(file: string, publishRoot: string | null, sharePath: string): string | null {
  if (!file) return null;
  const root = publishRoot ? clean(publishRoot) : null;
  if (file.startsWith('/')) {
    const abs = clean(file);
    if (root && (abs === root || abs.startsWith(`${root}/`))) return clean(`${sharePath}/${abs.slice(root.length)}`);
    return abs === clean(sharePath) || abs.startsWith(`${clean(sharePath)}/`) ? abs : null;
  }
  return clean(`${sharePath}/${file}`);
}

export type TPatternPreview = { pattern: string; subject: string; previewable: boolean; total: number; matches: string[] };

/** Which of `paths` (namespace paths) each FNMATCH selects; only PATH, DPATH and NAME subjects can be previewed. */
export function previewPatterns(uses: TFnmatchUse[], paths: string[], limit = 25): TPatternPreview[] {
  return uses.map((u) => {
    const subject = u.subject.toUpperCase();
    if (!['PATH', 'DPATH', 'NAME'].includes(subject)) return { pattern: u.pattern, subject: u.subject, previewable: false, total: 0, matches: [] };
    const test = compileFnmatch(u.pattern);
    const hits = paths.filter((p) => test(subject === 'NAME' ? p.slice(p.lastIndexOf('/') + 1) : p));
    return { pattern: u.pattern, subject: u.subject, previewable: true, total: hits.length, matches: hits.slice(0, limit) };
  });
}
