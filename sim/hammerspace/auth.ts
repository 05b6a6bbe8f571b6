/**
 * Session cookies from POST /login (form fields) and HTTP Basic on any call, per Anvil. Sessions
 * expire after an idle time; the cookie name is not documented anywhere, JSESSIONID is a guess.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors';
import type { UserAccount } from './model';

export const SESSION_COOKIE = 'JSESSIONID';

interface Session {
  user: UserAccount;
  lastUsed: number;
}

export const unauthorized = (message = 'Authentication required') => new ApiError(401, 'FORBIDDEN', message);

export class Sessions {
  private readonly byToken = new Map<string, Session>();

  constructor(
    private readonly users: () => UserAccount[],
    private readonly idleMs: () => number,
  ) {}

  check(username: string, password: string): UserAccount | undefined {
    return this.users().find((u) => u.username === username && u.password === password);
  }

  login(username: string, password: string): { user: UserAccount; token: string } {
    const user = this.check(username, password);
    if (!user) throw unauthorized('Invalid username or password');
    const token = randomBytes(18).toString('base64url');
    this.byToken.set(token, { user, lastUsed: Date.now() });
    return { user, token };
  }

  logout(token: string | undefined): void {
    if (token) this.byToken.delete(token);
  }

  expireAll(): number {
    const n = this.byToken.size;
    this.byToken.clear();
    return n;
  }

  count(): number {
    return this.byToken.size;
  }

  /** Basic wins over a cookie; a bad Basic header is a 401 even with a good cookie. */
  authenticate(req: IncomingMessage): UserAccount {
    const header = req.headers.authorization;
    if (header?.toLowerCase().startsWith('basic ')) {
      const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      const user = i >= 0 ? this.check(decoded.slice(0, i), decoded.slice(i + 1)) : undefined;
      if (!user) throw unauthorized('Invalid username or password');
      return user;
    }
    const token = sessionToken(req);
    if (!token) throw unauthorized();
    const s = this.byToken.get(token);
    const now = Date.now();
    if (!s) throw unauthorized('Session expired or unknown');
    if (now - s.lastUsed > this.idleMs()) {
      this.byToken.delete(token);
      throw unauthorized('Session expired');
    }
    s.lastUsed = now;
    return s.user;
  }
}

export function sessionToken(req: IncomingMessage): string | undefined {
  const cookie = req.headers.cookie;
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return v.join('=');
  }
  return undefined;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/mgmt; HttpOnly; SameSite=Lax`;
}
