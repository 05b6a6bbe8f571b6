// Bytes to text, before any XML is looked at. Clips arrive from other sites and other tools, so
// the BOM decides first (UTF-8, UTF-16 LE/BE), then the `<?xml` byte pattern, then the declared
// encoding; anything undecodable is a typed error rather than replacement characters that would
// silently corrupt a media path.

export type TDecodeFailure = { code: 'TOO_LARGE' | 'NOT_XML' | 'TRUNCATED'; reason: string };
export type TDecodeResult = { ok: true; text: string; byteLength: number } | ({ ok: false } & TDecodeFailure);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Decode a clip's bytes (or take a string as is), enforcing the size cap before decoding. */
export function decodeClipInput(input: string | Uint8Array, maxBytes: number): TDecodeResult {
  if (typeof input === 'string') {
    // The cap counts UTF-16 units here: close enough to bytes, and free to measure.
    if (input.length > maxBytes) return tooLarge(input.length, maxBytes);
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return { ok: true, text, byteLength: input.length };
  }
  const n = input.length;
  if (n > maxBytes) return tooLarge(n, maxBytes);
  if (n >= 4 && input[0] === 0xff && input[1] === 0xfe && input[2] === 0 && input[3] === 0) {
    return { ok: false, code: 'NOT_XML', reason: 'UTF-32 is not supported' };
  }
  if (n >= 2 && input[0] === 0xff && input[1] === 0xfe) return decodeUtf16(input.subarray(2), false, n);
  if (n >= 2 && input[0] === 0xfe && input[1] === 0xff) return decodeUtf16(input.subarray(2), true, n);
  if (n >= 4 && input[0] === 0x3c && input[1] === 0 && input[2] !== 0 && input[3] === 0) {
    return decodeUtf16(input, false, n);
  }
  if (n >= 4 && input[0] === 0 && input[1] === 0x3c && input[2] === 0 && input[3] !== 0) {
    return decodeUtf16(input, true, n);
  }
  const body = n >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  if (declaresLatin1(body)) return { ok: true, text: latin1(body), byteLength: n };
  return decodeUtf8(body, n);
}

function tooLarge(size: number, max: number): TDecodeResult {
  return { ok: false, code: 'TOO_LARGE', reason: `input is ${size} bytes, the limit is ${max}` };
}

function decodeUtf8(body: Uint8Array, byteLength: number): TDecodeResult {
  try {
    return { ok: true, text: utf8.decode(body), byteLength };
  } catch {
    // A multi-byte character cut at the very end is a half-written file, not a wrong encoding.
    const cut = incompleteTail(body);
    if (cut > 0) {
      try {
        utf8.decode(body.subarray(0, body.length - cut));
        return { ok: false, code: 'TRUNCATED', reason: 'input ends inside a UTF-8 character' };
      } catch {
        // fall through: the damage is elsewhere too
      }
    }
    return { ok: false, code: 'NOT_XML', reason: 'input is not valid UTF-8' };
  }
}

/** Number of trailing bytes that start a UTF-8 sequence which the input does not finish. */
function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const byte = b[b.length - k] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

function decodeUtf16(body: Uint8Array, bigEndian: boolean, byteLength: number): TDecodeResult {
  if (body.length % 2 !== 0) {
    return { ok: false, code: 'TRUNCATED', reason: 'UTF-16 input has an odd number of bytes' };
  }
  let bytes = body;
  if (bigEndian) {
    bytes = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      bytes[i] = body[i + 1] ?? 0;
      bytes[i + 1] = body[i] ?? 0;
    }
  }
  const text = utf16le.decode(bytes);
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, byteLength };
}

// Only the declaration's own bytes are read: it is ASCII by definition, whatever follows.
function declaresLatin1(body: Uint8Array): boolean {
  if (body[0] !== 0x3c || body[1] !== 0x3f) return false;
  let head = '';
  for (let i = 0; i < Math.min(body.length, 200); i++) {
    const c = body[i] ?? 0;
    head += String.fromCharCode(c);
    if (c === 0x3e) break;
  }
  const m = /encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m !== null && /^(iso-8859-1|latin-?1|windows-1252|us-ascii)$/i.test(m[1] ?? '');
}

function latin1(body: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < body.length; i += 8192) {
    parts.push(String.fromCharCode(...body.subarray(i, i + 8192)));
  }
  return parts.join('');
}
