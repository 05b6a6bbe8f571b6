'use client';

/**
 * For admins: which publish layout a project's clips are read with. A ready-made layout, optionally with
 * the studio's own shot clip and Batch setup patterns (tokens such as <project>, <sequence>, <shot>,
 * <version name>). Folded away by default; the scanner rescans the publish root after a change.
 */
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { TPublishLayout } from '@/lib/domain/publish';

type TResult = { ok: true; data: unknown } | { ok: false; error: { userMessage: string; fieldErrors?: Record<string, string[]> } };

export function ProjectLayoutForm(props: {
  projectId: string;
  project: string;
  current: TPublishLayout | null;
  layouts: string[];
  save: (input: unknown) => Promise<TResult>;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const base = props.current && props.layouts.includes(props.current.name) ? props.current.name : 'default';

  const submit = (form: FormData) => {
    setMessage(null);
    setFieldErrors({});
    start(async () => {
      const result = await props.save({ projectId: props.projectId, base: form.get('base'), clip: form.get('clip'), batch: form.get('batch') });
      if (result.ok) setMessage({ tone: 'ok', text: 'Saved. The publish root is being rescanned with this layout.' });
      else {
        setMessage({ tone: 'bad', text: result.error.userMessage });
        setFieldErrors(result.error.fieldErrors ?? {});
      }
    });
  };
  const error = (name: string) => (fieldErrors[name]?.length ? <span className="text-xs text-bad">{fieldErrors[name]?.join(' ')}</span> : null);

  return (
    <details className="mb-4 rounded-md border border-line bg-panel px-3 py-2 text-sm">
      <summary className="cursor-pointer text-muted">Publish layout of {props.project}</summary>
      <form action={submit} className="mt-3 grid gap-3 md:grid-cols-3">
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">Based on</span>
          <select name="base" defaultValue={base} className="rounded-md border border-line bg-raised px-2 py-1.5">
            {props.layouts.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
          {error('base')}
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">Shot clip pattern (optional)</span>
          <input name="clip" placeholder={props.current?.patterns.clip} className="rounded-md border border-line bg-raised px-2 py-1.5 font-mono text-xs" />
          {error('clip')}
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">Batch setup pattern (optional)</span>
          <input name="batch" placeholder={props.current?.patterns.batch} className="rounded-md border border-line bg-raised px-2 py-1.5 font-mono text-xs" />
          {error('batch')}
        </label>
        <div className="flex items-center gap-3 md:col-span-3">
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? 'Saving…' : 'Save layout'}
          </Button>
          {message ? (
            <span role="status" className={`text-xs ${message.tone === 'ok' ? 'text-ok' : 'text-bad'}`}>
              {message.text}
            </span>
          ) : null}
        </div>
      </form>
    </details>
  );
}
