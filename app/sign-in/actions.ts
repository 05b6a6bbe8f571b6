'use server';

import { AuthError } from 'next-auth';
import { signIn } from '@/lib/auth';

export type SignInState = { error?: string; email?: string };

const MESSAGES: Record<string, string> = {
  invalid: 'That email and password do not match an account.',
  locked: 'Too many failed attempts: this account is locked for 15 minutes.',
  'rate-limited': 'Too many failed sign-ins from your network: try again in 15 minutes.',
  disabled: 'This account is disabled. Ask a studio admin.',
  'password-sign-in-off': 'Password sign-in is turned off here: use single sign-on.',
};

/** Only same-site paths: a crafted link must not bounce a signed-in user to another site. */
function safeCallback(value: FormDataEntryValue | null): string {
  const v = typeof value === 'string' ? value : '';
  return v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/';
}

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '').trim();
  try {
    await signIn('credentials', { email, password: String(form.get('password') ?? ''), redirectTo: safeCallback(form.get('callbackUrl')) });
    return {};
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code ?? 'invalid';
      return { error: MESSAGES[code] ?? MESSAGES.invalid, email };
    }
    throw err; // the redirect after success travels as an exception
  }
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn('oidc', { redirectTo: safeCallback(form.get('callbackUrl')) });
}
