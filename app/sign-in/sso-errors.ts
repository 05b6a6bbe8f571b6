/**
 * What the sign-in page says when single sign-on comes back refused (Auth.js redirects here with
 * `?error=`). The codes starting with Sso are ours (lib/auth/auth-config.ts); the others are Auth.js's.
 * An unknown code gets the generic line, so a crafted link cannot put arbitrary text on the page.
 */
const SSO_ERRORS: Record<string, string> = {
  SsoNoRole: 'Your single sign-on account is in no group that has access to this studio. Ask a studio admin to add you to one.',
  SsoNoEmail: 'Your identity provider did not share an email address, which this studio needs to know who you are.',
  OAuthAccountNotLinked: 'An account with this email already signs in with a password here. Use it, or ask a studio admin.',
  AccessDenied: 'Sign-in was refused.',
};

export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return SSO_ERRORS[code] ?? 'Sign-in did not complete. Try again, or ask a studio admin.';
}
