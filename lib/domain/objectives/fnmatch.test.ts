import { describe, expect, it } from 'vitest';
import { compileFnmatch, fnmatch, type TFnmatchFlags } from './fnmatch';

// Expected answers below were checked against glibc 2.36's fnmatch(3) (flags: P = FNM_PATHNAME,
// D = FNM_PERIOD, N = FNM_NOESCAPE, C = FNM_CASEFOLD), so the preview agrees with a C library.
type TCase = readonly [pattern: string, text: string, flags: string, expected: boolean];

const toFlags = (letters: string): TFnmatchFlags => ({
  pathname: letters.includes('P'),
  period: letters.includes('D'),
  noescape: letters.includes('N'),
  casefold: letters.includes('C'),
});

function check(cases: readonly TCase[]): void {
  for (const [pattern, text, flags, expected] of cases) {
    expect(fnmatch(pattern, text, toFlags(flags)), `${pattern} ~ ${text} [${flags}]`).toBe(expected);
  }
}

describe('fnmatch: wildcards', () => {
  it('matches literals, ? and * (which crosses / by default)', () => {
    check([
      ['abc', 'abc', '', true], ['abc', 'abd', '', false], ['', '', '', true], ['', 'a', '', false],
      ['a?c', 'abc', '', true], ['a?c', 'ac', '', false], ['a?c', 'a/c', '', true],
      ['*', '', '', true], ['*', 'anything/at/all', '', true], ['a*', 'a', '', true],
      ['*.clip', '/project/sh010/flame/sh010.clip', '', true],
      ['*.clip', '/project/sh010/sh010.clip.bak', '', false],
      ['*/archive/*', '/share/2024/archive/reel1.mov', '', true],
      ['*/project/*/flame/*.clip', '/project/sh010/flame/v2/sh010.clip', '', true],
      ['a*b*c', 'aXXbYYbZZc', '', true], ['a*b*c', 'aXXbYYbZZ', '', false], ['**x', 'yx', '', true],
    ]);
  });

  it('keeps * and ? inside one path segment with FNM_PATHNAME', () => {
    check([
      ['*.clip', '/project/sh010.clip', 'P', false], ['*/*.clip', 'project/sh010.clip', 'P', true],
      ['/project/*/flame/*.clip', '/project/sh010/flame/sh010.clip', 'P', true],
      ['/project/*/flame/*.clip', '/project/seq/sh010/flame/sh010.clip', 'P', false],
      ['*/archive/*', '/archive/reel1.mov', 'P', true], ['*/archive/*', '/x/y/archive/reel1.mov', 'P', false],
      ['a?c', 'a/c', 'P', false], ['a[/]c', 'a/c', 'P', false], ['a[/]c', 'a/c', '', true],
      ['a/', 'a/', 'P', true], ['a//b', 'a//b', 'P', true], ['a/*', 'a/', 'P', true],
    ]);
  });

  it('protects a leading period with FNM_PERIOD', () => {
    check([
      ['*', '.hidden', '', true], ['*', '.hidden', 'D', false], ['?hidden', '.hidden', 'D', false],
      ['[.]hidden', '.hidden', 'D', false], ['.*', '.hidden', 'D', true], ['*.clip', '.clip', 'D', false],
      ['a/*', 'a/.b', 'D', true], ['a/*', 'a/.b', 'PD', false], ['a/.*', 'a/.b', 'PD', true],
      ['a*', 'a.b', 'D', true],
    ]);
  });
});

describe('fnmatch: bracket expressions', () => {
  it('matches sets, ranges and negations', () => {
    check([
      ['[abc]', 'b', '', true], ['[abc]', 'd', '', false], ['[a-c]x', 'bx', '', true], ['[a-c]', 'B', '', false],
      ['[!a-c]', 'd', '', true], ['[!a-c]', 'b', '', false], ['[^a-c]', 'd', '', true],
      ['[]]', ']', '', true], ['[!]]', 'a', '', true], ['[!]]', ']', '', false], ['[]-a]', '^', '', true],
      ['[a-]', '-', '', true], ['[-a]', '-', '', true], ['sh[0-9][0-9]0', 'sh010', '', true],
    ]);
  });

  it('understands character classes, collating symbols and equivalence classes', () => {
    check([
      ['[[:alpha:]]x', 'ax', '', true], ['[[:digit:]]', '5', '', true], ['[![:alpha:]]', '1', '', true],
      ['*[[:upper:]]', 'xY', '', true], ['[[:alpha:][:digit:]]', '7', '', true], ['[[:space:]]', ' ', '', true],
      ['[[:punct:]]', '_', '', true], ['[[:xdigit:]]', 'g', '', false],
      ['[[.a.]]', 'a', '', true], ['[[.a.]b]', 'b', '', true], ['[[=a=]]', 'a', '', true], ['[[.-.]]', '-', '', true],
      ['[[.a.]-c]', 'b', '', true], ['[[=a]', 'a', '', true],
    ]);
  });

  it('reads an unclosed [ as a literal, and rejects patterns glibc rejects', () => {
    check([
      ['[a', '[a', '', true], ['[', '[', '', true], ['x[b', 'x[b', '', true], ['[[:alpha:]', '[', '', false],
      ['[[:foo:]]', 'f', '', false], ['[[.ab.]]', 'a', '', false], ['[[.a]', 'a', '', false],
      ['[ab-', '[ab-', '', false], ['[b*', '[bx', '', true], ['[a[-', '[a[-', '', true],
    ]);
  });
});

describe('fnmatch: escapes and flags', () => {
  it('quotes the next character with a backslash unless FNM_NOESCAPE', () => {
    check([
      ['\\*', '*', '', true], ['\\*', 'x', '', false], ['\\*', '\\*', 'N', true], ['\\*', '\\x', 'N', true],
      ['a\\?c', 'a?c', '', true], ['a\\?c', 'abc', '', false], ['[\\]]', ']', '', true], ['[a\\-c]', 'b', '', false],
      ['[a\\-c]', '-', '', true], ['a\\', 'a\\', '', false], ['a\\', 'a\\', 'N', true], ['\\a', 'a', '', true],
    ]);
  });

  it('folds case with FNM_CASEFOLD the way glibc does', () => {
    check([
      ['*.CLIP', 'shot.clip', '', false], ['*.CLIP', 'shot.clip', 'C', true], ['[A-C]', 'b', 'C', true],
      ['[a-c]', 'B', 'C', true], ['[!a]', 'A', 'C', false], ['[[:upper:]]', 'B', 'C', true],
      ['[[:upper:]]', 'c', 'C', false], ['[[.a.]]', 'A', 'C', false],
    ]);
  });

  it('compiles once and tests many paths, as the preview does', () => {
    const matches = compileFnmatch('*/flame/*.clip');
    const published = ['/p/sh010/flame/sh010.clip', '/p/sh010/flame/sh010.clip.bak', '/p/sh020/batch/sh020.batch', '/p/sh020/flame/x.clip'];
    expect(published.filter(matches)).toEqual(['/p/sh010/flame/sh010.clip', '/p/sh020/flame/x.clip']);
    expect(compileFnmatch('[[:nope:]]')('n')).toBe(false);
  });

  it('stays fast on patterns that make naive matchers explode', () => {
    const text = 'a'.repeat(5000);
    const started = performance.now();
    expect(fnmatch(`${'*a'.repeat(50)}b`, text)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
