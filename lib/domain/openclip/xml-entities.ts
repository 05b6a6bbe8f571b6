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
  let amp = src.indexOf('&', from);
  if (amp === -1 || amp >= to) return src.slice(from, to);
  let out = '';
  let pos = from;
  while (amp !== -1 && amp < to) {
    out += src.slice(pos, amp);
    const semi = src.indexOf(';', amp + 1);
    if (semi === -1 || semi >= to || semi - amp > MAX_REF) {
      const cutOff = semi === -1 && to === src.length && to - amp <= MAX_REF;
      throw new EntityError('"&" that does not start an entity reference', amp, cutOff);
    }
    out += resolve(src.slice(amp + 1, semi), amp);
    pos = semi + 1;
    amp = src.indexOf('&', pos);
  }
  return out + src.slice(pos, to);
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
