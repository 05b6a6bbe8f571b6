/**
 * A minimal fetch-based client for one simulated Anvil and for the control API, used by the
 * contract tests and handy in scripts. It is not the product's adapter (that lives in lib/).
 */

export interface AnvilTarget {
  url: string;
  username: string;
  password: string;
}

export interface Res<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

async function parse<T>(r: Response): Promise<Res<T>> {
  const text = await r.text();
  let body: unknown = text;
  if ((r.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
  return { status: r.status, body: body as T, headers: r.headers };
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export class AnvilClient {
  constructor(
    readonly target: AnvilTarget,
    private readonly auth: { cookie?: string; user?: string; password?: string } = { user: target.username, password: target.password },
  ) {}

  as(user: string, password: string): AnvilClient {
    return new AnvilClient(this.target, { user, password });
  }

  withCookie(cookie: string): AnvilClient {
    return new AnvilClient(this.target, { cookie });
  }

  anonymous(): AnvilClient {
    return new AnvilClient(this.target, {});
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { Accept: 'application/json', ...headers };
    if (this.auth.cookie) h.Cookie = this.auth.cookie;
    else if (this.auth.user) h.Authorization = basicAuth(this.auth.user, this.auth.password ?? '');
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const url = path.startsWith('http') ? path : `${this.target.url}${path}`;
    return parse<T>(await fetch(url, { method, headers: h, body: payload }));
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** POST /login with form fields; returns the Cookie header value to send back. */
  async login(user = this.target.username, password = this.target.password): Promise<{ status: number; cookie?: string }> {
    const r = await fetch(`${this.target.url}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: user, password }).toString(),
    });
    await r.text();
    const cookie = r.headers.getSetCookie?.()[0]?.split(';')[0];
    return { status: r.status, cookie };
  }

  /** Follows a 202's Location until the task is terminal (or HALTED). */
  async waitTask(location: string, timeoutMs = 10_000): Promise<{ status: string; statusMessage: string; [k: string]: unknown }> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.get<{ status: string; statusMessage: string }>(location);
      if (r.status !== 200) throw new Error(`task poll answered ${r.status}`);
      if (['COMPLETED', 'FAILED', 'CANCELLED', 'HALTED', 'VALIDATION_FAILED'].includes(r.body.status)) return r.body;
      if (Date.now() > end) throw new Error(`task still ${r.body.status} after ${timeoutMs} ms`);
      await new Promise((res) => setTimeout(res, 25));
    }
  }
}

export async function control<T = unknown>(base: string, method: string, path: string, body?: unknown): Promise<Res<T>> {
  return parse<T>(
    await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** Polls until `probe` returns a value other than undefined. */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, everyMs = 20): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((res) => setTimeout(res, everyMs));
  }
}
