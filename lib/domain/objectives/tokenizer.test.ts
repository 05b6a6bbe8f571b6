import { describe, expect, it } from 'vitest';
import { describeToken, normaliseDigits, tokenize, type TToken } from './tokenizer';

function tokens(text: string): readonly TToken[] {
  const result = tokenize(text);
  if (!result.ok) throw new Error(`unexpected lexical error: ${result.error.message}`);
  return result.tokens;
}

const summary = (text: string): string[] => tokens(text).map((t) => `${t.kind}:${t.value}`);

describe('tokenize', () => {
  it('splits the seed objective into words, strings and punctuation', () => {
    expect(summary(`IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')}`)).toEqual([
      'keyword:IF', 'identifier:FNMATCH', 'punct:(', 'string:*.clip', 'punct:,', 'identifier:PATH', 'punct:)',
      'keyword:THEN', 'punct:{', 'identifier:SLO', 'punct:(', 'string:place-on-local-volumes', 'punct:)',
      'punct:}', 'eof:',
    ]);
  });

  it('upper-cases words but keeps their raw spelling', () => {
    const [word] = tokens('fnMatch');
    expect(word).toMatchObject({ kind: 'identifier', value: 'FNMATCH', raw: 'fnMatch' });
    expect(tokens('if')[0]?.kind).toBe('keyword');
  });

  it('prefers the longest operator', () => {
    expect(summary('a<=b>=c==d!=e&&f||g!h=i|j')).toEqual([
      'identifier:A', 'punct:<=', 'identifier:B', 'punct:>=', 'identifier:C', 'punct:==', 'identifier:D',
      'punct:!=', 'identifier:E', 'punct:&&', 'identifier:F', 'punct:||', 'identifier:G', 'punct:!',
      'identifier:H', 'punct:=', 'identifier:I', 'punct:|', 'identifier:J', 'eof:',
    ]);
  });

  it('reads numbers with and without units', () => {
    const [plain, unit, decimal, lower] = tokens('42 7DAYS 1.50GB 1byte');
    expect(plain).toMatchObject({ kind: 'number', value: '42', unit: null });
    expect(unit).toMatchObject({ kind: 'number', value: '7', unit: 'DAYS', raw: '7DAYS' });
    expect(decimal).toMatchObject({ value: '1.5', unit: 'GB' });
    expect(lower).toMatchObject({ value: '1', unit: 'BYTE' });
  });

  it('keeps a dot after a number as member access when no digit follows', () => {
    expect(summary('5.X')).toEqual(['number:5', 'punct:.', 'identifier:X', 'eof:']);
  });

  it('keeps strings raw, backslashes included, in either quote style', () => {
    const [double, single] = tokens(String.raw`"a\*b" 'say "hi"'`);
    expect(double).toMatchObject({ kind: 'string', value: String.raw`a\*b` });
    expect(single).toMatchObject({ kind: 'string', value: 'say "hi"' });
  });

  it('tracks 1-based lines and columns across LF, CRLF and CR line breaks', () => {
    const positions = tokens('IF\n  A\r\n B\rC').map((t) => [t.value, t.line, t.column]);
    expect(positions).toEqual([['IF', 1, 1], ['A', 2, 3], ['B', 3, 2], ['C', 4, 1], ['', 4, 2]]);
  });

  it('places eof just after the last character', () => {
    const eof = tokens('AB  ').at(-1);
    expect(eof).toMatchObject({ kind: 'eof', line: 1, column: 5, offset: 4 });
  });
});

describe('tokenize errors', () => {
  const error = (text: string) => {
    const result = tokenize(text);
    if (result.ok) throw new Error('expected a lexical error');
    return result.error;
  };

  it('reports an unterminated string at its opening quote, up to the end of the line', () => {
    expect(error('X == "abc\nY')).toEqual({
      message: 'unterminated string: add the closing " on the same line', line: 1, column: 6, length: 4,
    });
  });

  it('reports an unknown unit with a suggestion when one is clearly meant', () => {
    expect(error('SIZE > 10MBYTS')).toEqual({
      message: 'unknown unit MBYTS in 10MBYTS (did you mean MBYTE or MBYTES?)', line: 1, column: 10, length: 5,
    });
    expect(error('3XB').message).toBe('unknown unit XB in 3XB');
  });

  it('explains curly quotes, a single ampersand and stray characters', () => {
    expect(error('\n  \u201cx\u201d')).toMatchObject({ line: 2, column: 3, message: expect.stringContaining('straight quote') });
    expect(error('A & B')).toMatchObject({ column: 3, message: 'unexpected character &: did you mean && (or AND)?' });
    expect(error('A @ B')).toMatchObject({ column: 3, length: 1, message: 'unexpected character @' });
    expect(error('A \u0000')).toMatchObject({ message: 'unexpected character U+0000' });
    expect(error('😀')).toMatchObject({ message: 'unexpected character 😀', length: 2 });
  });
});

describe('helpers', () => {
  it('normalises digits so equal numbers compare equal', () => {
    expect(['007', '7.0', '7.500', '0', '000', '0.0'].map(normaliseDigits)).toEqual(['7', '7', '7.5', '0', '0', '0']);
  });

  it('describes tokens for messages', () => {
    const [word, text, eof] = tokens(`THN 'x'`);
    expect([word, text, eof].map((t) => (t ? describeToken(t) : ''))).toEqual(['THN', "string 'x'", 'end of expression']);
  });
});
