import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center p-8">
      <div className="max-w-md rounded-lg border border-line bg-panel p-8 text-center">
        <p className="font-mono text-sm text-bad">403</p>
        <h1 className="mt-2 text-xl font-semibold">You don’t have access to this page</h1>
        <p className="mt-2 text-sm text-muted">Your role does not include it. Ask a studio admin if you think it should.</p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-accent px-4 py-2 text-sm font-medium text-accent-ink">Go to my home</Link>
      </div>
    </main>
  );
}
