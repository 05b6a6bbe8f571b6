// A small, strict, single-pass XML reader. It exists instead of a general parser because clips
// come from remote sites and the control plane needs three things a general parser makes hard:
// no DTD or entity expansion at all (only the five built-ins and character references), hard
// caps on depth and element count checked while reading, and a precise verdict on *why* a file
// is unreadable (a file cut mid-write must be TRUNCATED, not "invalid"). Work is linear in the
// input: every step advances with indexOf or a bounded loop, and no regex can backtrack.
import { type TXmlElement } from './xml-node';
import { decodeEntities, EntityError } from './xml-entities';

export type TScanCode = 'EMPTY' | 'NOT_XML' | 'TRUNCATED' | 'MULTI_ROOT' | 'DTD_FORBIDDEN' | 'TOO_DEEP' | 'TOO_LARGE' | 'INVALID';
export interface TScanError {
  code: TScanCode;
  reason: string;
  offset: number;
}
export type TScanResult = { ok: true; root: TXmlElement } | { ok: false; error: TScanError };
export interface TScanLimits {
  maxDepth: number;
  maxElements: number;
}

class ScanFailure {
  constructor(readonly error: TScanError) {}
}

// Characters XML 1.0 forbids outright. NUL means binary, the rest a damaged text file.
function findForbidden(src: string): number {
  for (let k = 0; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) return k;
  }
  return -1;
}

export function scanXml(src: string, limits: TScanLimits): TScanResult {
  try {
    return { ok: true, root: scan(src, limits) };
  } catch (e) {
    if (e instanceof ScanFailure) return { ok: false, error: e.error };
    throw e;
  }
}

function fail(code: TScanCode, reason: string, offset: number): never {
  throw new ScanFailure({ code, reason, offset });
}

function scan(src: string, limits: TScanLimits): TXmlElement {
  const n = src.length;
  const bad = findForbidden(src);
  if (bad !== -1) {
    const code = src.charCodeAt(bad);
    if (code === 0) fail('NOT_XML', 'input contains NUL bytes (binary data)', bad);
    fail('INVALID', `forbidden control character U+${code.toString(16).padStart(4, '0')}`, bad);
  }
  const stack: TXmlElement[] = [];
  let root: TXmlElement | null = null;
  let count = 0;
  let sawMarkup = false;
  let i = 0;

  const decode = (from: number, to: number): string => {
    try {
      return decodeEntities(src, from, to);
    } catch (e) {
      if (e instanceof EntityError) fail(e.truncated ? 'TRUNCATED' : 'INVALID', e.message, e.offset);
      throw e;
    }
  };

  while (i < n) {
    const lt = src.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1];
      const blank = isBlank(src, i, textEnd);
      // Indentation between child elements is nobody's data; skipping it saves most allocations.
      if (top) {
        if (!blank || top.children.length === 0) top.text += decode(i, textEnd);
      } else if (!blank) {
        if (root) fail('INVALID', 'junk after the document element', i);
        fail('NOT_XML', 'text before the first element', i);
      }
    }
    if (lt === -1) break;
    i = lt;
    if (i + 1 >= n) fail('TRUNCATED', 'input ends inside a tag', n);
    const c = src[i + 1];
    if (c === '/') {
      const close = src.indexOf('>', i);
      if (close === -1) fail('TRUNCATED', 'input ends inside an end tag', n);
      const name = src.slice(i + 2, close).trimEnd();
      const top = stack.pop();
      if (!top) fail('INVALID', `end tag </${name}> without a start tag`, i);
      if (top.name !== name) fail('INVALID', `mismatched tag: expected </${top.name}>, found </${name}>`, i);
      top.closeStart = i;
      top.end = close + 1;
      i = close + 1;
    } else if (c === '?') {
      const close = src.indexOf('?>', i + 2);
      if (close === -1) fail('TRUNCATED', 'input ends inside a processing instruction', n);
      const isDecl = /^xml(\s|$)/.test(src.slice(i + 2, Math.min(close, i + 6)));
      if (isDecl && (sawMarkup || stack.length > 0)) fail('INVALID', 'XML declaration not at the start', i);
      i = close + 2;
    } else if (c === '!') {
      const top = stack[stack.length - 1];
      const cdata = readBang(src, i, top !== undefined);
      if (top && cdata.text !== null) top.text += cdata.text;
      i = cdata.next;
    } else {
      if (stack.length === 0 && root) fail('MULTI_ROOT', 'a second root element follows the document element', i);
      if (stack.length + 1 > limits.maxDepth) fail('TOO_DEEP', `nesting deeper than ${limits.maxDepth}`, i);
      if (++count > limits.maxElements) fail('TOO_LARGE', `more than ${limits.maxElements} elements`, i);
      const el = readStartTag(src, i, decode);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else root = el;
      if (!el.selfClosing) stack.push(el);
      i = el.openEnd;
    }
    sawMarkup = true;
  }
  const open = stack[stack.length - 1];
  if (open) fail('TRUNCATED', `input ends inside <${open.name}>`, n);
  if (!root) {
    if (sawMarkup) fail('TRUNCATED', 'no root element after the prolog', n);
    fail('EMPTY', 'input is empty', 0);
  }
  return root;
}

function isBlank(src: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = src.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/** Comments, CDATA and DTDs. DTDs are refused outright: no entity can ever be declared. */
function readBang(src: string, i: number, inElement: boolean): { next: number; text: string | null } {
  const rest = src.slice(i, i + 9);
  const atEnd = i + rest.length === src.length;
  const starts = (p: string) => rest.startsWith(p) || (atEnd && p.startsWith(rest));
  const upper = rest.toUpperCase();
  if (upper.startsWith('<!DOCTYPE') || upper.startsWith('<!ENTITY')) {
    fail('DTD_FORBIDDEN', 'DTDs and entity declarations are not accepted', i);
  }
  if (starts('<!--')) {
    const close = src.indexOf('-->', i + 4);
    if (close === -1) fail('TRUNCATED', 'input ends inside a comment', src.length);
    return { next: close + 3, text: null };
  }
  if (starts('<![CDATA[')) {
    if (!inElement) fail('INVALID', 'CDATA outside the document element', i);
    const close = src.indexOf(']]>', i + 9);
    if (close === -1) fail('TRUNCATED', 'input ends inside CDATA', src.length);
    return { next: close + 3, text: src.slice(i + 9, close) };
  }
  if (atEnd && ('<!DOCTYPE'.startsWith(upper) || '<!ENTITY'.startsWith(upper))) {
    fail('TRUNCATED', 'input ends inside a declaration', src.length);
  }
  fail('INVALID', 'unknown markup declaration', i);
}

function readStartTag(src: string, i: number, decode: (a: number, b: number) => string): TXmlElement {
  const n = src.length;
  let k = i + 1;
  while (k < n && !isNameStop(src.charCodeAt(k))) k++;
  if (k >= n) fail('TRUNCATED', 'input ends inside a start tag', n);
  const name = src.slice(i + 1, k);
  if (!isName(name)) fail('INVALID', `invalid element name "${name.slice(0, 40)}"`, i);
  const attrs: string[] = [];
  for (;;) {
    const afterValue = k;
    while (k < n && isSpace(src.charCodeAt(k))) k++;
    if (k >= n) fail('TRUNCATED', `input ends inside <${name}>`, n);
    const ch = src[k];
    if (ch === '>' || ch === '/') {
      if (ch === '/' && src[k + 1] !== '>') {
        if (k + 1 >= n) fail('TRUNCATED', `input ends inside <${name}>`, n);
        fail('INVALID', `stray "/" in <${name}>`, k);
      }
      const selfClosing = ch === '/';
      const openEnd = k + (selfClosing ? 2 : 1);
      const closeStart = selfClosing ? openEnd : -1;
      return { name, attrs, children: [], text: '', start: i, openEnd, closeStart, end: closeStart, selfClosing };
    }
    if (k === afterValue && attrs.length > 0) fail('INVALID', `attributes of <${name}> need whitespace between them`, k);
    const nameStart = k;
    while (k < n && !isNameStop(src.charCodeAt(k))) k++;
    const attrName = src.slice(nameStart, k);
    if (!isName(attrName)) fail(k >= n ? 'TRUNCATED' : 'INVALID', `bad attribute in <${name}>`, k);
    while (k < n && isSpace(src.charCodeAt(k))) k++;
    if (k >= n) fail('TRUNCATED', `input ends inside <${name}>`, n);
    if (src[k] !== '=') fail('INVALID', `attribute ${attrName} has no value`, k);
    k++;
    while (k < n && isSpace(src.charCodeAt(k))) k++;
    if (k >= n) fail('TRUNCATED', `input ends inside <${name}>`, n);
    const quote = src[k];
    if (quote !== '"' && quote !== "'") fail('INVALID', `attribute ${attrName} is not quoted`, k);
    const close = src.indexOf(quote, k + 1);
    if (close === -1) fail('TRUNCATED', `input ends inside attribute ${attrName}`, n);
    const lt = src.indexOf('<', k + 1);
    if (lt !== -1 && lt < close) fail('INVALID', `"<" inside attribute ${attrName}`, lt);
    for (let a = 0; a < attrs.length; a += 2) if (attrs[a] === attrName) fail('INVALID', `duplicate attribute ${attrName}`, nameStart);
    // Attribute-value normalisation: literal tabs and newlines read as spaces.
    const value = decode(k + 1, close);
    const normalised = /[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, ' ') : value;
    attrs.push(attrName, normalised);
    k = close + 1;
  }
}

// Whitespace, / > = < and both quotes end a name.
function isNameStop(c: number): boolean {
  return isSpace(c) || c === 47 || c === 62 || c === 61 || c === 60 || c === 34 || c === 39;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isName(s: string): boolean {
  if (s === '') return false;
  const c = s.charCodeAt(0);
  return !(c === 45 || c === 46 || (c >= 48 && c <= 57));
}
