'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';

type Outcome = { ok: true; data: unknown } | { ok: false; error: { userMessage: string; fieldErrors?: Record<string, string[]> } };

/** The lag at which a share raises an alert (and notifies admins). */
export function ThresholdForm({ shareId, seconds, save }: { shareId: string; seconds: number; save: (input: { shareId: string; seconds: number }) => Promise<Outcome> }) {
  const router = useRouter();
  const [value, setValue] = useState(String(seconds));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      aria-label="Lag alert threshold"
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await save({ shareId, seconds: Number(value) });
          setMessage(r.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: r.error.fieldErrors?.seconds?.join(' ') ?? r.error.userMessage });
          if (r.ok) router.refresh();
        });
      }}
    >
      <label htmlFor="lag-threshold" className="text-muted">Alert when lag reaches</label>
      <input id="lag-threshold" type="number" min={5} max={86400} step={1} value={value} onChange={(e) => setValue(e.target.value)} className="w-24 rounded-md border border-line bg-canvas px-2 py-1 text-sm tabular-nums outline-none focus:border-accent" />
      <span className="text-muted">seconds</span>
      <Button type="submit" size="sm" disabled={pending}>{pending ? 'Saving…' : 'Save'}</Button>
      {message ? <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-ok' : 'text-bad'}>{message.text}</span> : null}
    </form>
  );
}
