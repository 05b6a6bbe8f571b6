/**
 * Signs in to the running web app the way a browser's password form ends up doing it, through Auth.js's
 * own HTTP API: fetch a CSRF token (and its cookie), post the credentials callback, keep the cookies the
 * answer sets. Returns the Cookie header a load generator sends as that user.
 */
type Jar = Map<string, string>;

function keep(jar: Jar, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
}

const header = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

export async function signIn(webUrl: string, email: string, password: string): Promise<string> {
  const jar: Jar = new Map();
  const csrf = await fetch(`${webUrl}/api/auth/csrf`);
  keep(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${webUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(jar), origin: webUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/' }),
  });
  keep(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith('authjs.session-token'))) {
    throw new Error(`sign-in as ${email} gave no session (HTTP ${res.status}, location ${res.headers.get('location')})`);
  }
  return header(jar);
}

/** Fetches a page as that user and fails unless it renders (200, not a redirect to the sign-in page). */
export async function expectPage(webUrl: string, path: string, cookie: string): Promise<number> {
  const res = await fetch(`${webUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status} ${res.headers.get('location') ?? ''}`);
  return body.length;
}
