import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { currentActor } from '@/lib/auth/guards';
import { homePath } from '@/lib/domain/auth/actor';
import { env } from '@/lib/env';
import { signInWithPassword, signInWithSso } from './actions';
import { signInErrorMessage } from './sso-errors';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const actor = await currentActor();
  if (actor) redirect(homePath(actor.roles));
  const { callbackUrl = '/', error } = await searchParams;
  const refusal = signInErrorMessage(error);
  const e = env();
  const sso = !!(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_CLIENT_ID);
  return (
    <main className="flex min-h-screen items-center justify-center bg-canvas p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-10 w-10 items-center justify-center rounded-lg bg-accent font-bold text-accent-ink">S</div>
          <h1 className="text-lg font-semibold">Studio Control Plane</h1>
          <p className="text-sm text-muted">Sites, workstations and shots across regions</p>
        </div>
        <div className="rounded-lg border border-line bg-panel p-6 shadow-xl shadow-black/30">
          {refusal ? (
            <p role="alert" data-testid="sso-error" className="mb-4 rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">
              {refusal}
            </p>
          ) : null}
          {e.AUTH_PASSWORD_SIGNIN ? <SignInForm action={signInWithPassword} callbackUrl={callbackUrl} /> : null}
          {sso ? (
            <form action={signInWithSso} className={e.AUTH_PASSWORD_SIGNIN ? 'mt-4 border-t border-line pt-4' : ''}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="w-full rounded-md border border-line px-4 py-2 text-sm hover:bg-raised">
                Continue with {e.AUTH_OIDC_NAME}
              </button>
            </form>
          ) : null}
        </div>
      </div>
    </main>
  );
}
