'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { TFnmatchPreview } from './types';
import type { ServerAction } from './use-action';

/** Lists which published files each FNMATCH pattern of the expression matches today. */
export function FnmatchPreview({ expression, preview, disabled }: { expression: string; preview: ServerAction<{ expression: string }, TFnmatchPreview>; disabled: boolean }) {
  const [result, setResult] = useState<TFnmatchPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      setError(null);
      const r = await preview({ expression });
      if (r.ok) setResult(r.data);
      else setError(r.error.userMessage);
    });
  return (
    <section aria-label="Matching files" className="space-y-3">
      <div className="flex items-center gap-3">
        <Button onClick={run} disabled={disabled || pending}>{pending ? 'Looking…' : 'Preview matching files'}</Button>
        {result ? (
          <span className="text-xs text-faint">
            {result.files} published file{result.files === 1 ? '' : 's'} in {result.share ?? 'no share'} ({result.fromDatabase} from shots
            {result.fromAnvil ? `, ${result.fromAnvil.files} listed by ${result.fromAnvil.site}'s Anvil${result.fromAnvil.truncated ? ', list cut short' : ''}` : ''})
          </span>
        ) : null}
      </div>
      {error ? <p role="alert" className="text-sm text-bad">{error}</p> : null}
      {result?.fromAnvil?.error ? <p className="text-xs text-warn">{result.fromAnvil.error}</p> : null}
      {result && !result.patterns.length ? <p className="text-sm text-muted">The expression has no FNMATCH pattern to preview.</p> : null}
      {result?.patterns.map((p, i) => (
        <div key={`${p.pattern}-${i}`} className="rounded-md border border-line bg-canvas p-3">
          <p className="text-sm">
            <code className="font-mono text-accent">FNMATCH(&quot;{p.pattern}&quot;, {p.subject})</code>{' '}
            <span className="text-muted">{p.previewable ? `matches ${p.total} file${p.total === 1 ? '' : 's'}` : 'cannot be previewed: its subject is computed on the Anvil'}</span>
          </p>
          {p.matches.length ? (
            <ul className="mt-2 max-h-48 overflow-y-auto font-mono text-xs text-muted">
              {p.matches.map((m) => <li key={m}>{m}</li>)}
              {p.total > p.matches.length ? <li className="text-faint">… and {p.total - p.matches.length} more</li> : null}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}
