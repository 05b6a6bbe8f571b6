import { describe, expect, it } from 'vitest';
import { listFnmatchPatterns, listSloObjectives } from './ast-queries';
import { fnmatch } from './fnmatch';
import { formatObjectiveExpression } from './format';
import { parseObjectiveExpression } from './parser';
import { STUDIO_PRESETS, ZStudioPreset, findStudioPreset } from './presets';

// A Shot Publish tree as Flame writes it (openclip research notes, §3), with the backups and
// temporary files writers leave beside the clips.
const PUBLISHED = [
  '/proj/shots/sh010/openclip/output_clips/flame/sh010_publish.clip',
  '/proj/shots/sh010/openclip/segment_clips/flame/plate.clip',
  '/proj/shots/sh010/openclip/output_clips/flame/sh010_publish.clip.bak',
  '/proj/shots/sh010/batch_setups/sh010_v003_flame01_ana.batch',
  '/proj/shots/sh010/renders/sh010_v003.00001001.exr',
  '/proj/clip/sh020.clip',
];

describe('STUDIO_PRESETS', () => {
  it('are valid presets with unique objective names', () => {
    for (const preset of STUDIO_PRESETS) expect(ZStudioPreset.parse(preset)).toEqual(preset);
    const names = STUDIO_PRESETS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('parse cleanly and are already in canonical form', () => {
    for (const preset of STUDIO_PRESETS) {
      const result = parseObjectiveExpression(preset.expression);
      expect(result, preset.name).toMatchObject({ ok: true });
      if (result.ok) expect(formatObjectiveExpression(result.ast)).toBe(preset.expression);
    }
  });

  it('include the Open Clip objective from the seed article, local at the home site', () => {
    const preset = findStudioPreset('studio-open-clips-local');
    expect(preset).toMatchObject({
      title: 'Open Clip files always local at the home site',
      expression: `IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')}`,
      appliesTo: 'home-site',
    });
  });

  it('only place data through place-on-local-volumes, which every site must define', () => {
    for (const preset of STUDIO_PRESETS) {
      const result = parseObjectiveExpression(preset.expression);
      if (!result.ok) throw new Error(preset.name);
      expect(listSloObjectives(result.ast)).toEqual(['place-on-local-volumes']);
    }
  });

  it('select the published clips and setups, never backups or frames', () => {
    const selected = (name: string): string[] => {
      const preset = findStudioPreset(name);
      const result = preset && parseObjectiveExpression(preset.expression);
      if (!result?.ok) throw new Error(name);
      const patterns = listFnmatchPatterns(result.ast).map((use) => use.pattern);
      return PUBLISHED.filter((path) => patterns.some((pattern) => fnmatch(pattern, path)));
    };
    expect(selected('studio-open-clips-local')).toEqual([PUBLISHED[0], PUBLISHED[1], PUBLISHED[5]]);
    expect(selected('studio-batch-setups-local')).toEqual([PUBLISHED[3]]);
    expect(selected('studio-shot-setups-local-everywhere')).toEqual([PUBLISHED[0], PUBLISHED[1], PUBLISHED[3], PUBLISHED[5]]);
  });

  it('cover both scopes', () => {
    expect(STUDIO_PRESETS.map((p) => p.appliesTo)).toEqual(['home-site', 'home-site', 'all-sites']);
  });
});

describe('findStudioPreset', () => {
  it('returns undefined for an unknown name', () => {
    expect(findStudioPreset('nope')).toBeUndefined();
  });

  it('rejects a preset whose objective name is invalid', () => {
    expect(ZStudioPreset.safeParse({ ...STUDIO_PRESETS[0], name: 'bad name' }).success).toBe(false);
    expect(ZStudioPreset.safeParse({ ...STUDIO_PRESETS[0], appliesTo: 'some-sites' }).success).toBe(false);
  });
});
