import { describe, expect, it } from 'vitest';
import { decodeClipInput } from './decode';
import { parseOpenClip } from './parse';

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n<clip type="clip" version="7"><name>sh010 — é</name></clip>\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(s, (c) => c.charCodeAt(0))];
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[i * 2] = bigEndian ? u >> 8 : u & 0xff;
    out[i * 2 + 1] = bigEndian ? u & 0xff : u >> 8;
  });
  return out;
}

const nameOf = (input: string | Uint8Array) => {
  const r = parseOpenClip(input, { clipPath: '/p/a.clip' });
  return r.ok ? r.clip.name : r.error.code;
};

describe('decodeClipInput (edge 1: encodings)', () => {
  it('edge 1: reads UTF-8 with and without a BOM, as bytes or as a string', () => {
    expect(nameOf(utf8(XML))).toBe('sh010 — é');
    expect(nameOf(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(XML)]))).toBe('sh010 — é');
    expect(nameOf('\uFEFF' + XML)).toBe('sh010 — é');
  });

  it('edge 1: reads UTF-16 LE and BE with a BOM, and without one from the "<?" byte pattern', () => {
    for (const be of [false, true]) {
      expect(nameOf(utf16(XML, be, true))).toBe('sh010 — é');
      expect(nameOf(utf16(XML, be, false))).toBe('sh010 — é');
    }
  });

  it('edge 1: decodes a declared ISO-8859-1 file byte for byte', () => {
    const bytes = Uint8Array.from('<?xml version="1.0" encoding="ISO-8859-1"?><clip><name>caf\xe9</name></clip>', (c) => c.charCodeAt(0));
    expect(nameOf(bytes)).toBe('café');
  });

  it('edge 1: CRLF line endings and no XML declaration are accepted', () => {
    expect(nameOf('<clip type=\'clip\' version=\'7\'>\r\n<name>crlf</name>\r\n</clip>\r\n')).toBe('crlf');
  });

  it('rejects invalid UTF-8 as NOT_XML but a character cut at the end as TRUNCATED', () => {
    expect(decodeClipInput(new Uint8Array([0x3c, 0x63, 0xff, 0x3e]), 100)).toMatchObject({ ok: false, code: 'NOT_XML' });
    const cut = utf8('<clip><name>é').slice(0, -1);
    expect(decodeClipInput(cut, 100)).toMatchObject({ ok: false, code: 'TRUNCATED' });
  });

  it('rejects odd-length UTF-16 as TRUNCATED and UTF-32 as NOT_XML', () => {
    expect(decodeClipInput(utf16(XML, false, true).slice(0, -1), 10_000)).toMatchObject({ ok: false, code: 'TRUNCATED' });
    expect(decodeClipInput(new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]), 100)).toMatchObject({ ok: false, code: 'NOT_XML' });
  });

  it('edge 4: enforces the size cap before decoding, for bytes and strings', () => {
    expect(decodeClipInput(new Uint8Array(101), 100)).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(decodeClipInput('x'.repeat(101), 100)).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    expect(decodeClipInput('x'.repeat(100), 100)).toEqual({ ok: true, text: 'x'.repeat(100), byteLength: 100 });
    const r = parseOpenClip(utf8(XML), { clipPath: '/a.clip', maxBytes: 10 });
    expect(r).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('reports the input size in bytes', () => {
    const bytes = utf8(XML);
    expect(decodeClipInput(bytes, 10_000)).toMatchObject({ ok: true, byteLength: bytes.length });
  });
});
