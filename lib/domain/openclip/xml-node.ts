// The small element tree the scanner builds, and the lookups the clip model needs. Offsets are
// kept so the writer can splice new feeds and versions into a clip without re-serialising it:
// unknown elements and v9 Bytes values then survive byte for byte.

export interface TXmlElement {
  name: string;
  /**
   * Flat `[name, value, name, value…]`: cheaper than a Map per element, and unlike an object
   * immune to names such as `__proto__` coming from remote files. Read it with attrValue().
   */
  attrs: string[];
  children: TXmlElement[];
  /** Direct character data with entities decoded; whitespace kept. */
  text: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just past the start tag's `>`. */
  openEnd: number;
  /** Offset of the end tag's `<` (equals `end` when self-closing). */
  closeStart: number;
  /** Offset just past the element. */
  end: number;
  selfClosing: boolean;
}

/** The raw (entity-decoded) value of an attribute, or undefined. */
export function attrValue(el: TXmlElement, name: string): string | undefined {
  const a = el.attrs;
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

/** Flame marks values it computed and wrote out with `computed="1"`; readers ignore them. */
export function isComputed(el: TXmlElement): boolean {
  if (el.attrs.length === 0) return false;
  const v = attrValue(el, 'computed');
  return v === '1' || v === 'true';
}

/** First child with this name that is not a computed value. */
export function childEl(el: TXmlElement | null | undefined, name: string): TXmlElement | null {
  if (!el) return null;
  for (const c of el.children) if (c.name === name && !isComputed(c)) return c;
  return null;
}

export function childEls(el: TXmlElement | null | undefined, name: string): TXmlElement[] {
  if (!el) return [];
  return el.children.filter((c) => c.name === name && !isComputed(c));
}

/** Trimmed text of a child; null when the child is missing or blank. */
export function childText(el: TXmlElement | null | undefined, name: string): string | null {
  const c = childEl(el, name);
  if (!c) return null;
  const t = c.text.trim();
  return t === '' ? null : t;
}

/** Trimmed attribute value; null when missing or blank. */
export function attr(el: TXmlElement | null | undefined, name: string): string | null {
  const v = el ? attrValue(el, name) : undefined;
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Strict decimal integer (sign allowed) that fits a JS number exactly. */
export function parseIntStrict(text: string | null): number | null {
  if (text === null || !/^\s*[-+]?\d{1,15}\s*$/.test(text)) return null;
  return Number.parseInt(text, 10);
}

/** 1-based line of an offset; CRLF and lone CR count once, as an XML parser sees them. */
export function lineAt(src: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, src.length);
  for (let i = 0; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && src.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
