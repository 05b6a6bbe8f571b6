import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOpenClip } from '../openclip';
import { relativeToRoot } from './path-map';
import { DEFAULT_PUBLISH_LAYOUT, LOGIK_PUBLISH_LAYOUT, mergeLayout, PUBLISH_LAYOUTS, ZPublishLayout } from './layout';
import { matchPublishPath } from './match';
import { parsePattern } from './tokens';

describe('tokens', () => {
  it('reads Flame spellings, short aliases and # padding', () => {
    const r = parsePattern('<project nickname>/<name>/<shot name>/<shot>_<version name>_<iteration###>.<ext>');
    expect(r.ok && r.parts.filter((p) => 'token' in p)).toEqual([
      { token: 'project', padding: null },
      { token: 'sequence', padding: null },
      { token: 'shot', padding: null },
      { token: 'shot', padding: null },
      { token: 'versionName', padding: null },
      { token: 'iteration', padding: 3 },
      { token: 'ext', padding: null },
    ]);
    expect(parsePattern('<segment>/<segment name>').ok && parsePattern('<segment>/<segment name>')).toMatchObject({
      parts: [{ token: 'segmentIndex' }, { literal: '/' }, { token: 'segment' }],
    });
  });

  it('rejects unknown tokens and stray brackets', () => {
    expect(parsePattern('<shoot>/x')).toEqual({ ok: false, reason: 'unknown token <shoot> in <shoot>/x' });
    expect(parsePattern('<__proto__>').ok).toBe(false);
    expect(parsePattern('a>b').ok).toBe(false);
  });
});

describe('layouts', () => {
  it('ships valid presets, the default keyed as "default"', () => {
    for (const layout of Object.values(PUBLISH_LAYOUTS)) expect(ZPublishLayout.safeParse(layout).success).toBe(true);
    expect(PUBLISH_LAYOUTS.default).toBe(DEFAULT_PUBLISH_LAYOUT);
    expect(DEFAULT_PUBLISH_LAYOUT.patterns.clip).toBe('<project>/sequences/<sequence>/<shot>/<shot>.clip');
  });

  it('validates patterns: known tokens, relative, forward slashes, a <version> in the version name', () => {
    const base = { name: 'x', patterns: { clip: '<project>/<shot>.clip', batch: '<project>/<shot>.batch' } };
    expect(ZPublishLayout.safeParse(base).success).toBe(true);
    expect(ZPublishLayout.safeParse({ ...base, patterns: { ...base.patterns, clip: '/abs/<shot>.clip' } }).success).toBe(false);
    expect(ZPublishLayout.safeParse({ ...base, patterns: { ...base.patterns, clip: 'a\\<shot>.clip' } }).success).toBe(false);
    expect(ZPublishLayout.safeParse({ ...base, patterns: { ...base.patterns, batch: '<shots>.batch' } }).success).toBe(false);
    expect(ZPublishLayout.safeParse({ ...base, versionName: 'final' }).success).toBe(false);
  });

  it('merges a per-project override over a base layout', () => {
    const r = mergeLayout(DEFAULT_PUBLISH_LAYOUT, {
      patterns: { clip: '<project>/sequences/<sequence>/<shot>/clips/<shot>_publish.clip' },
      versionName: 'comp_v<version>',
      versionPadding: 2,
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.layout.patterns.batch).toBe(DEFAULT_PUBLISH_LAYOUT.patterns.batch);
    expect(r.layout.name).toBe('default');
    expect(matchPublishPath(r.layout, 'acme/sequences/sq1/sh010/clips/sh010_publish.clip')).toMatchObject({ kind: 'clip', shot: 'sh010' });
    expect(matchPublishPath(r.layout, 'acme/sequences/sq1/sh010/sh010.clip')).toBeNull();
    expect(matchPublishPath(r.layout, 'acme/sequences/sq1/sh010/batch/sh010_comp_v07.batch')).toMatchObject({ kind: 'batch', version: 7 });
    expect(mergeLayout(LOGIK_PUBLISH_LAYOUT, null)).toEqual({ ok: true, layout: LOGIK_PUBLISH_LAYOUT });
  });

  it('refuses overrides that break the layout', () => {
    expect(mergeLayout(DEFAULT_PUBLISH_LAYOUT, { patterns: { clip: '<nope>.clip' } })).toMatchObject({ ok: false });
    expect(mergeLayout(DEFAULT_PUBLISH_LAYOUT, { versionPadding: 0 })).toMatchObject({ ok: false });
  });
});

describe('layouts against the Open Clip fixtures', () => {
  it('a LOGIK-style project override places the 5.2 fixture clip, its batch setups and its renders', () => {
    const r = mergeLayout(LOGIK_PUBLISH_LAYOUT, {
      patterns: {
        clip: '<project>/shots/<shot name>/openclip/output_clips/<shot name>_publish.clip',
        batch: '<project>/shots/<shot name>/batch_setups/<shot name>_<version name>.batch',
      },
      versionPadding: 3,
    });
    if (!r.ok) throw new Error(r.reason);
    const clipPath = '/mnt/projects/acme_spot/shots/sh020/openclip/output_clips/sh020_publish.clip';
    const xml = readFileSync(new URL('../../../tests/fixtures/openclip/three_versions_current_v2.clip', import.meta.url));
    const parsed = parseOpenClip(xml, { clipPath });
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const at = (p: string | null) => matchPublishPath(r.layout, relativeToRoot(p ?? '', '/mnt/projects') ?? '');
    expect(at(clipPath)).toMatchObject({ kind: 'clip', project: 'acme_spot', shot: 'sh020' });
    for (const [i, v] of parsed.clip.versions.entries()) {
      expect(at(v.batchSetup)).toMatchObject({ kind: 'batch', shot: 'sh020', version: i + 1 });
      expect(at(v.mediaPath)).toMatchObject({ kind: 'render', shot: 'sh020', version: i + 1 });
    }
  });
});
