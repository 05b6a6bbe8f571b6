import { describe, expect, it } from 'vitest';
import { namespacePath, previewPatterns } from './publish-paths';

describe('namespacePath', () => {
  const root = '/data/sim/sites/us-east-1/projects';

  it('places files under the publish root in the share', () => {
    expect(namespacePath(`${root}/show/sh010/flame/sh010.clip`, root, '/projects')).toBe('/projects/show/sh010/flame/sh010.clip');
    expect(namespacePath('show/sh010/sh010.batch', root, '/projects')).toBe('/projects/show/sh010/sh010.batch');
    expect(namespacePath('/projects/a.clip', root, '/projects')).toBe('/projects/a.clip');
  });

  it('refuses paths outside the share', () => {
    expect(namespacePath('/elsewhere/a.clip', root, '/projects')).toBeNull();
    expect(namespacePath(`${root}-old/a.clip`, root, '/projects')).toBeNull();
    expect(namespacePath('', root, '/projects')).toBeNull();
  });
});

describe('previewPatterns', () => {
  const paths = ['/projects/show/sh010/flame/sh010.clip', '/projects/show/sh010/sh010.batch', '/projects/show/sh020/flame/sh020.clip'];

  it('matches PATH with * crossing /, and NAME against the file name', () => {
    const [clips, flame, names] = previewPatterns([
      { pattern: '*.clip', subject: 'PATH' },
      { pattern: '*/flame/*.clip', subject: 'PATH' },
      { pattern: 'sh010.*', subject: 'NAME' },
    ], paths);
    expect(clips).toMatchObject({ total: 2, previewable: true });
    expect(flame?.matches).toEqual(['/projects/show/sh010/flame/sh010.clip', '/projects/show/sh020/flame/sh020.clip']);
    expect(names?.matches).toEqual(['/projects/show/sh010/flame/sh010.clip', '/projects/show/sh010/sh010.batch']);
  });

  it('cannot preview computed subjects, and caps the list', () => {
    expect(previewPatterns([{ pattern: '*', subject: 'GET_TAG("x")' }], paths)[0]).toMatchObject({ previewable: false, total: 0 });
    expect(previewPatterns([{ pattern: '*', subject: 'PATH' }], paths, 1)[0]).toMatchObject({ total: 3, matches: ['/projects/show/sh010/flame/sh010.clip'] });
  });
});
