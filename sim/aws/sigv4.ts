import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';

export interface ParsedAuth {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE =
  /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/;

export function parseAuthorization(header: string | undefined): ParsedAuth | undefined {
  const m = header ? AUTH_RE.exec(header) : null;
  if (!m) return undefined;
  return {
    accessKeyId: m[1] as string,
    shortDate: m[2] as string,
    region: m[3] as string,
    service: m[4] as string,
    signedHeaders: (m[5] as string).split(';'),
    signature: m[6] as string,
  };
}

export type Verdict = 'ok' | 'mismatch' | 'expired' | 'malformed';

/** AWS refuses requests whose x-amz-date is more than 15 minutes from its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/** Signing keys are cached per signer, so keep one signer per (secret, region, service). */
const signers = new Map<string, SignatureV4>();

function signerFor(accessKeyId: string, secretAccessKey: string, region: string, service: string, sessionToken?: string) {
  const key = [accessKeyId, secretAccessKey, region, service, sessionToken ?? ''].join('\n');
  let signer = signers.get(key);
  if (!signer) {
    if (signers.size > 500) signers.clear();
    signer = new SignatureV4({ credentials: { accessKeyId, secretAccessKey, sessionToken }, region, service, sha256: Sha256 });
    signers.set(key, signer);
  }
  return signer;
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * Recomputes the signature with the same library the SDK signs with, over exactly the headers the
 * client listed, then compares. Any difference in method, path, query, headers or body fails.
 */
export async function verifySignature(input: {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  auth: ParsedAuth;
  secretAccessKey: string;
  now: number;
}): Promise<Verdict> {
  const { auth, headers } = input;
  const amzDate = header(headers, 'x-amz-date');
  const signingDate = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!amzDate || !signingDate || !amzDate.startsWith(auth.shortDate)) return 'malformed';
  if (!auth.signedHeaders.includes('host')) return 'malformed';
  if (Math.abs(input.now - signingDate.getTime()) > MAX_SKEW_MS) return 'expired';

  const declaredHash = header(headers, 'x-amz-content-sha256');
  if (declaredHash && declaredHash !== 'UNSIGNED-PAYLOAD') {
    if (createHash('sha256').update(input.body).digest('hex') !== declaredHash) return 'mismatch';
  }

  const signed: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = header(headers, name);
    if (value === undefined) return 'mismatch';
    signed[name] = value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of input.query) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const [hostname, port] = (signed.host ?? '').split(':');
  const request = new HttpRequest({
    method: input.method,
    protocol: 'http:',
    hostname,
    port: port ? Number(port) : undefined,
    path: input.path,
    query,
    headers: signed,
    body: input.body,
  });
  // The signer adds x-amz-date / x-amz-content-sha256 itself; keep them out unless the client signed them.
  const added = ['x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token'].filter((h) => !auth.signedHeaders.includes(h));
  const signer = signerFor(auth.accessKeyId, input.secretAccessKey, auth.region, auth.service, header(headers, 'x-amz-security-token'));
  const result = await signer.sign(request, {
    signingDate,
    signableHeaders: new Set(auth.signedHeaders),
    unsignableHeaders: new Set(added),
  });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(result.headers.authorization ?? ''))?.[1] ?? '';
  const a = Buffer.from(expected);
  const b = Buffer.from(auth.signature);
  return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'mismatch';
}
