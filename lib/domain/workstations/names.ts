/**
 * Names for new workstations: `<site>-<kind>-NN` ("west-flame-03"), the pattern the demo studio and the
 * artists already know. The site part is the last word of the site's name; numbers fill up from 01.
 */
import type { ProfileKind } from './profile';

const KIND_WORD: Record<ProfileKind, string> = { flame: 'flame', flare: 'flare', flame_assist: 'assist' };

export function namePrefix(siteName: string, kind: ProfileKind): string {
  const word = siteName.trim().split(/\s+/).pop() ?? 'site';
  const slug = word.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'site';
  return `${slug}-${KIND_WORD[kind]}`;
}

/** The next `count` free names with this prefix, skipping numbers already taken (gaps are not reused). */
export function nextWorkstationNames(prefix: string, existing: Iterable<string>, count: number): string[] {
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`);
  let highest = 0;
  for (const name of existing) {
    const m = re.exec(name);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(highest + i + 1).padStart(2, '0')}`);
}
