// Entity references, limited to what XML itself defines. Nothing else is ever expanded: with no
// DTD allowed there is no way to declare an entity, so a billion-laughs or an external entity
// in a remote clip is just an "undefined entity" error here.

const BUILT_IN: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export class EntityError {
  constructor(
    readonly message: string,
    readonly offset: number,
    readonly truncated: boolean,
  ) {}
}

// The longest legal reference is `&#x10FFFF;` (10 chars); anything longer is not one.
const MAX_REF = 12;

/** Decode `src[from, to)`; throws EntityError on anything but the five built-ins and char refs. */
export function decodeEntities(src: string, from: number, to: number): string {
  // Searches run on the slice: an indexOf on `src` would scan to the end of the document for
  // every text node without an `&`, which is quadratic on big clips.
  const piece = src.slice(from, to);
  let amp = piece.indexOf('&');
  if (amp === -1) return piece;
  const parts: string[] = [];
  let pos = 0;
  while (amp !== -1) {
    if (amp > pos) parts.push(piece.slice(pos, amp));
    const quick = builtInLength(piece, amp);
    if (quick > 0) {
      parts.push(builtInChar(piece.charCodeAt(amp + 1), quick));
      pos = amp + quick;
    } else {
      const semi = piece.indexOf(';', amp + 1);
      if (semi === -1 || semi - amp > MAX_REF) {
        const cutOff = semi === -1 && to === src.length && piece.length - amp <= MAX_REF;
        throw new EntityError('"&" that does not start an entity reference', from + amp, cutOff);
      }
      parts.push(resolve(piece.slice(amp + 1, semi), from + amp));
      pos = semi + 1;
    }
    amp = piece.indexOf('&', pos);
  }
  parts.push(piece.slice(pos));
  return parts.join('');
}

// The built-ins by character code, without slicing or allocating: a file of `&amp;`s is decoded
// at a few nanoseconds per reference, which keeps the per-byte cost of a hostile file low.
// Returns the length of the reference, or 0 when it is not a built-in.
function builtInLength(s: string, amp: number): number {
  const c1 = s.charCodeAt(amp + 1);
  const c2 = s.charCodeAt(amp + 2);
  const c3 = s.charCodeAt(amp + 3);
  const c4 = s.charCodeAt(amp + 4);
  if (c1 === 97 && c2 === 109 && c3 === 112 && c4 === 59) return 5; // amp;
  if ((c1 === 108 || c1 === 103) && c2 === 116 && c3 === 59) return 4; // lt; gt;
  const c5 = s.charCodeAt(amp + 5);
  if (c1 === 97 && c2 === 112 && c3 === 111 && c4 === 115 && c5 === 59) return 6; // apos;
  if (c1 === 113 && c2 === 117 && c3 === 111 && c4 === 116 && c5 === 59) return 6; // quot;
  return 0;
}

function builtInChar(first: number, length: number): string {
  if (first === 97) return length === 5 ? '&' : "'";
  if (first === 108) return '<';
  if (first === 103) return '>';
  return '"';
}

function resolve(ref: string, offset: number): string {
  const named = Object.prototype.hasOwnProperty.call(BUILT_IN, ref) ? BUILT_IN[ref] : undefined;
  if (named !== undefined) return named;
  let code = Number.NaN;
  if (/^#[0-9]{1,7}$/.test(ref)) code = Number.parseInt(ref.slice(1), 10);
  else if (/^#x[0-9a-fA-F]{1,6}$/.test(ref)) code = Number.parseInt(ref.slice(2), 16);
  else throw new EntityError(`undefined entity &${ref.slice(0, MAX_REF)}; (only the XML built-ins are allowed)`, offset, false);
  if (!isXmlChar(code)) throw new EntityError(`character reference &${ref}; is not a legal XML character`, offset, false);
  return String.fromCodePoint(code);
}

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
}
