/**
 * A real OpenID Connect provider for the single sign-on journeys: `oidc-provider` (a certified
 * implementation) on 127.0.0.1, with its own login and consent pages (devInteractions: the login form
 * takes an account id; the IdP, not this app, would check a password). One confidential client is the
 * studio; the users carry `groups` claims that AUTH_OIDC_ROLE_MAP turns into roles.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type SsoUser = { email: string; name: string; groups: string[] };

/** Account id (typed into the IdP's login form) → claims. Emails differ from the demo password users. */
export const SSO_USERS: Record<string, SsoUser> = {
  'it-lead': { email: 'it.lead@sso.studio.example', name: 'Imogen IT', groups: ['everyone', 'vfx-it'] },
  'line-producer': { email: 'line.producer@sso.studio.example', name: 'Paolo Producer', groups: ['everyone', 'production'] },
  'comp-artist': { email: 'comp.artist@sso.studio.example', name: 'Ada Artist', groups: ['everyone', 'artists'] },
  'marketing-intern': { email: 'intern@sso.studio.example', name: 'Max Marketing', groups: ['everyone', 'marketing'] },
};

export const SSO_ROLE_MAP = 'vfx-it=admin,production=producer,artists=artist';

export type OidcProviderHandle = { issuer: string; clientId: string; clientSecret: string; stop(): Promise<void> };

export async function startOidcProvider(appBaseUrl: string): Promise<OidcProviderHandle> {
  // Listening first: the issuer URL (in every token) needs the port, and the provider needs the issuer.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'studio-control-plane';
  const clientSecret = `sso-client-${randomBytes(18).toString('hex')}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appBaseUrl}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'e2e', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // Groups travel with the profile scope, inside the ID token (Auth.js reads the ID token's claims).
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = SSO_USERS[sub];
      if (!user) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: user.email, email_verified: true, name: user.name, groups: user.groups }) };
    },
  });
  // The IdP's own reasons for refusing (a redirect_uri or PKCE mismatch) never reach the browser.
  if (process.env.E2E_VERBOSE) provider.on('grant.error', (_ctx, err) => console.warn('[idp] grant.error', (err as { error_detail?: string }).error_detail ?? err));
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
