import { describe, expect, it } from 'vitest';
import { scanXml } from './xml-scan';
import { attrValue, childEl, lineAt } from './xml-node';
import { parseOpenClip } from './parse';

const LIMITS = { maxDepth: 64, maxElements: 10_000 };
const scan = (s: string) => scanXml(s, LIMITS);
const errorOf = (s: string, opts: { maxDepth?: number; maxElements?: number } = {}) => {
  const r = parseOpenClip(s, { clipPath: '/p/x.clip', ...opts });
  return r.ok ? null : r.error;
};

describe('scanXml: well-formed input', () => {
  it('reads elements, single- and double-quoted attributes, text, CDATA and comments', () => {
    const r = scan(`<?xml version='1.0'?><!-- c --><a x='1' y="two"><b>t&amp;&lt;&#65;&#x42;</b><![CDATA[<raw>]]><c/></a>`);
    if (!r.ok) throw new Error(r.error.reason);
    expect(r.root.name).toBe('a');
    expect(r.root.attrs).toEqual(['x', '1', 'y', 'two']);
    expect(childEl(r.root, 'b')?.text).toBe('t&<AB');
    expect(r.root.text).toBe('<raw>');
    expect(childEl(r.root, 'c')?.selfClosing).toBe(true);
  });

  it('keeps offsets that point back into the source', () => {
    const src = '<a>\n  <b>x</b>\n</a>';
    const r = scan(src);
    if (!r.ok) throw new Error(r.error.reason);
    const b = childEl(r.root, 'b')!;
    expect(src.slice(b.start, b.end)).toBe('<b>x</b>');
    expect(src.slice(b.openEnd, b.closeStart)).toBe('x');
  });

  it('treats attribute names like __proto__ as plain data', () => {
    const r = scan('<a __proto__="x" constructor="y"/>');
    expect(r.ok && attrValue(r.root, '__proto__')).toBe('x');
    expect(r.ok && attrValue(r.root, 'toString')).toBeUndefined();
  });

  it('counts lines with LF, CRLF and lone CR', () => {
    expect(lineAt('a\nb\r\nc\rd', 8)).toBe(4);
  });
});

describe('scanXml: edge 2 (invalid XML) and edge 3 (partial writes)', () => {
  it('edge 2: an empty or blank file is EMPTY', () => {
    expect(errorOf('')?.code).toBe('EMPTY');
    expect(errorOf('  \n ')?.code).toBe('EMPTY');
    expect(parseOpenClip(new Uint8Array(0), { clipPath: '/x.clip' })).toMatchObject({ ok: false, error: { code: 'EMPTY' } });
  });

  it('edge 2/3: a file cut anywhere inside the document is TRUNCATED, with the last line', () => {
    const full = '<?xml version="1.0"?>\n<clip version="7">\n<name a="1">sh</name>\n<!-- x -->\n<x><![CDATA[y]]></x>\n</clip>';
    for (let cut = 1; cut < full.length - 1; cut++) {
      const e = errorOf(full.slice(0, cut));
      expect(e?.code, `cut at ${cut}: ${full.slice(0, cut)}`).toBe('TRUNCATED');
      expect(e?.line).toBe(lineAt(full, cut));
    }
  });

  it('edge 2: junk after the document element is INVALID; a second root is MULTI_ROOT', () => {
    expect(errorOf('<clip/>junk')).toMatchObject({ code: 'INVALID', reason: 'junk after the document element' });
    expect(errorOf('<clip/>\n<clip/>')).toMatchObject({ code: 'MULTI_ROOT', line: 2 });
  });

  it('edge 2: text that is not XML at all is NOT_XML; binary with NUL too', () => {
    expect(errorOf('hello')?.code).toBe('NOT_XML');
    expect(errorOf('{"clip": 1}')?.code).toBe('NOT_XML');
    expect(errorOf('<clip>\0</clip>')?.code).toBe('NOT_XML');
  });

  it('reports malformed markup as INVALID with its line', () => {
    expect(errorOf('<clip>\n<a></b>\n</clip>')).toMatchObject({ code: 'INVALID', line: 2 });
    expect(errorOf('<clip a="1" a="2"/>')?.code).toBe('INVALID');
    expect(errorOf('<clip a=1/>')?.code).toBe('INVALID');
    expect(errorOf('<clip a="1"b="2"/>')?.code).toBe('INVALID');
    expect(errorOf('<clip a="<"/>')?.code).toBe('INVALID');
    expect(errorOf('<clip>a & b</clip>')?.code).toBe('INVALID');
    expect(errorOf('<clip>\u0001</clip>')?.code).toBe('INVALID');
    expect(errorOf('<1clip/>')?.code).toBe('INVALID');
    expect(errorOf('<clip/><?xml version="1.0"?>')?.code).toBe('INVALID');
  });

  it('a root other than <clip> is NOT_OPEN_CLIP', () => {
    expect(errorOf('<?xml version="1.0"?>\n<preset version="14"/>')).toMatchObject({ code: 'NOT_OPEN_CLIP', line: 2 });
  });
});

describe('scanXml: edge 4 (security and bounds)', () => {
  it('edge 4: refuses any DTD, internal or external', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><clip>&lol2;</clip>';
    expect(errorOf(bomb)?.code).toBe('DTD_FORBIDDEN');
    expect(errorOf('<!DOCTYPE clip SYSTEM "file:///etc/passwd"><clip/>')?.code).toBe('DTD_FORBIDDEN');
    expect(errorOf('<!doctype clip><clip/>')?.code).toBe('DTD_FORBIDDEN');
  });

  it('edge 4: expands only the five built-in entities and character references', () => {
    expect(errorOf('<clip>&xxe;</clip>')).toMatchObject({ code: 'INVALID', reason: expect.stringContaining('undefined entity') });
    expect(errorOf('<clip>&#0;</clip>')?.code).toBe('INVALID');
    const r = parseOpenClip('<clip><name>&quot;&apos;&gt;&#233;</name></clip>', { clipPath: '/x.clip' });
    expect(r.ok && r.clip.name).toBe(`"'>é`);
  });

  it('edge 4: caps nesting depth and element count', () => {
    const deep = '<clip>' + '<a>'.repeat(100) + '</a>'.repeat(100) + '</clip>';
    expect(errorOf(deep)).toMatchObject({ code: 'TOO_DEEP', line: 1 });
    expect(errorOf(deep, { maxDepth: 200 })).toBeNull();
    const wide = '<clip>' + '<a/>'.repeat(50) + '</clip>';
    expect(errorOf(wide, { maxElements: 40 })?.code).toBe('TOO_LARGE');
  });
});
