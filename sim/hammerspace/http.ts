/**
 * A small router over node:http. Path parameters are matched on the raw (still encoded) path so
 * that an encoded `/` inside an identifier or an expression stays inside its segment.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest } from './errors';

export interface Reply {
  status?: number;
  body?: unknown;
  text?: string;
  bytes?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RouteMeta<C> {
  method: string;
  pattern: string;
  segments: string[];
  handler: (ctx: C) => Reply | Promise<Reply>;
  /** No login needed (the real Anvil answers GET /sites/local anonymously). */
  anonymous?: boolean;
  /** Only an admin may call it; defaults to true for anything but GET. */
  admin?: boolean;
}

export interface Match<C> {
  route: RouteMeta<C>;
  params: Record<string, string>;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`Malformed URL segment: ${segment}`);
  }
}

export class Router<C> {
  private readonly routes: RouteMeta<C>[] = [];

  add(method: string, pattern: string, handler: RouteMeta<C>['handler'], opts: { anonymous?: boolean; admin?: boolean } = {}) {
    const segments = pattern.split('/').filter(Boolean);
    this.routes.push({ method, pattern, segments, handler, admin: opts.admin ?? method !== 'GET', anonymous: opts.anonymous });
    return this;
  }

  get(pattern: string, handler: RouteMeta<C>['handler'], opts?: { anonymous?: boolean; admin?: boolean }) {
    return this.add('GET', pattern, handler, opts);
  }
  post(pattern: string, handler: RouteMeta<C>['handler'], opts?: { anonymous?: boolean; admin?: boolean }) {
    return this.add('POST', pattern, handler, opts);
  }
  put(pattern: string, handler: RouteMeta<C>['handler'], opts?: { admin?: boolean }) {
    return this.add('PUT', pattern, handler, opts);
  }
  delete(pattern: string, handler: RouteMeta<C>['handler'], opts?: { admin?: boolean }) {
    return this.add('DELETE', pattern, handler, opts);
  }

  /** Literal segments win over parameters, so register order does not matter. */
  match(method: string, rawPath: string): Match<C> | 'method' | undefined {
    const parts = rawPath.split('/').filter(Boolean);
    let best: { m: Match<C>; score: number } | undefined;
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const score = route.segments.filter((s) => !s.startsWith(':') && !s.startsWith('*')).length;
      if (!best || score > best.score) best = { m: { route, params }, score };
    }
    if (best) return best.m;
    return pathMatched ? 'method' : undefined;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    if (p.startsWith('*')) {
      if (i >= parts.length) return undefined;
      params[p.slice(1)] = parts.slice(i).map(decode).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (p.startsWith(':')) params[p.slice(1)] = decode(part);
    else if (p !== part) return undefined;
  }
  return parts.length === pattern.length ? params : undefined;
}

export async function readBody(req: IncomingMessage, limit = 8 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ApiError(413, 'BAD_REQUEST', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON bodies, or form fields for /login; anything else is kept as text. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw);
  } catch {
    if (contentType?.includes('json')) throw badRequest('Malformed JSON body');
    return raw;
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload: Buffer | string = '';
  if (reply.bytes) {
    payload = reply.bytes;
    headers['Content-Type'] = reply.contentType ?? 'application/octet-stream';
  } else if (reply.text !== undefined) {
    payload = reply.text;
    headers['Content-Type'] = reply.contentType ?? 'text/plain; charset=utf-8';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] = 'application/json';
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(status, headers);
  res.end(payload);
}

export function errorReply(err: unknown): Reply {
  if (err instanceof ApiError) return { status: err.status, body: err.toBody() };
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, body: [{ errorCode: 'INTERNAL_SERVER_ERROR', message, args: [] }] };
}

export function asRecord(body: unknown): Record<string, unknown> {
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  if (body === undefined) return {};
  throw badRequest('Expected a JSON object body');
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}
