/**
 * One management session per site. A cookie session from `POST /login` is preferred (one password
 * check, then a cheap cookie); an Anvil whose /login is missing or hands out no cookie is spoken to
 * with HTTP Basic on every call instead, as Hammerspace's own playbooks do. A 401 on a cookie means the
 * session expired (idle timeout, failover): log in once more and replay the request, once.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { anvilHttpError, anvilTransportError } from './errors';
import { Transport, type TransportResponse } from './transport';

export type AnvilEndpoint = {
  /** "Studio East's Anvil": how messages name this endpoint. */
  label: string;
  /** e.g. https://10.0.0.5:8443/mgmt/v1.2/rest */
  baseUrl: string;
  username: string;
  password: string;
  trustSelfSigned: boolean;
  timeoutMs?: number;
};

export type RequestOptions = {
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  timeoutMs?: number;
};

/** Encodes every interpolated value as one path segment: names may hold `%`, `:` or `/`. */
export function segments(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}

export class AnvilSession {
  private cookie: string | null = null;
  private mode: 'cookie' | 'basic' = 'cookie';
  private loggingIn: Promise<void> | null = null;
  /** Logins made (a new session each); tests read it to see a renewal happen. */
  logins = 0;

  constructor(
    readonly endpoint: AnvilEndpoint,
    readonly transport: Transport,
  ) {}

  get label(): string {
    return this.endpoint.label;
  }

  url(path: string, query: RequestOptions['query'] = {}): URL {
    const url = new URL(this.endpoint.baseUrl.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  /** Sends one API call with the session; any answer of 400 or more becomes an AppError. */
  async request(method: string, path: string, opts: RequestOptions = {}): Promise<TransportResponse> {
    const what = `${method} ${path}`;
    if (this.mode === 'cookie' && !this.cookie) await this.login(null, opts.timeoutMs);
    const used = this.cookie;
    let res = await this.send(method, path, opts, what);
    if (res.status === 401 && this.mode === 'cookie') {
      await this.login(used, opts.timeoutMs);
      res = await this.send(method, path, opts, what);
    }
    if (res.status >= 400) throw anvilHttpError(this.label, res.status, res.text, what);
    return res;
  }

  /** `request`, then the JSON body parsed with `schema`; a shape we cannot read is an UPSTREAM error. */
  async json<S extends z.ZodType>(schema: S, method: string, path: string, opts: RequestOptions = {}): Promise<z.infer<S>> {
    const res = await this.request(method, path, opts);
    return parseJson(this.label, `${method} ${path}`, schema, res.text);
  }

  private headers(json: boolean): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json' };
    if (json) h['content-type'] = 'application/json';
    if (this.mode === 'basic') h.authorization = `Basic ${Buffer.from(`${this.endpoint.username}:${this.endpoint.password}`).toString('base64')}`;
    else if (this.cookie) h.cookie = this.cookie;
    return h;
  }

  private async send(method: string, path: string, opts: RequestOptions, what: string): Promise<TransportResponse> {
    const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
    try {
      return await this.transport.send({ method, url: this.url(path, opts.query), headers: this.headers(body !== undefined), body, timeoutMs: opts.timeoutMs ?? this.endpoint.timeoutMs ?? 10_000 });
    } catch (err) {
      throw anvilTransportError(this.label, err, what);
    }
  }

  /** Concurrent callers share one login; `stale` is the cookie that failed (someone may have renewed it already). */
  private async login(stale: string | null, timeoutMs: number | undefined): Promise<void> {
    if (this.loggingIn) return this.loggingIn;
    if (this.cookie !== stale) return;
    this.loggingIn = this.doLogin(timeoutMs ?? this.endpoint.timeoutMs ?? 10_000).finally(() => {
      this.loggingIn = null;
    });
    return this.loggingIn;
  }

  private async doLogin(timeoutMs: number): Promise<void> {
    const body = new URLSearchParams({ username: this.endpoint.username, password: this.endpoint.password }).toString();
    let res: TransportResponse;
    try {
      res = await this.transport.send({
        method: 'POST', url: this.url('/login'), body, timeoutMs,
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      });
    } catch (err) {
      throw anvilTransportError(this.label, err, 'POST /login');
    }
    if (res.status === 404 || res.status === 405) {
      this.mode = 'basic';
      return;
    }
    if (res.status >= 400) throw anvilHttpError(this.label, res.status, res.text, 'POST /login');
    this.logins += 1;
    const cookie = sessionCookie(res.headers['set-cookie']);
    if (cookie) this.cookie = cookie;
    else this.mode = 'basic';
  }
}

/** `name=value` pairs of every Set-Cookie, attributes dropped, ready for a Cookie header. */
export function sessionCookie(setCookie: string[] | string | undefined): string | null {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const pairs = list.map((c) => c.split(';')[0]?.trim() ?? '').filter((p) => p.includes('=') && !/=(deleted)?$/.test(p));
  return pairs.length ? pairs.join('; ') : null;
}

export function parseJson<S extends z.ZodType>(label: string, what: string, schema: S, text: string): z.infer<S> {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new AppError('UPSTREAM', `${label} answered ${what} with something that is not JSON: ${text.slice(0, 120)}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('UPSTREAM', `${label} answered ${what} in an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message})`);
  }
  return parsed.data;
}
