'use client';

import { useState } from 'react';
import { useServerAction, type ServerAction } from '@/components/assignments/use-server-action';
import { Button } from '@/components/ui/button';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type TNotificationKind, type TNotificationPrefs } from '@/lib/domain/notifications/prefs';

export type SavePrefsAction = ServerAction<TNotificationPrefs, TNotificationPrefs>;

/** The signed-in user's own preference: which channels, and which kinds of change. */
export function PrefsForm({ initial, personalWebhooks, action }: { initial: TNotificationPrefs; personalWebhooks: number; action: SavePrefsAction }) {
  const { execute, pending, error } = useServerAction(action);
  const [prefs, setPrefs] = useState(initial);
  const [saved, setSaved] = useState(false);
  const toggleKind = (kind: TNotificationKind, on: boolean) =>
    setPrefs((p) => ({ ...p, muted: on ? p.muted.filter((k) => k !== kind) : [...p.muted, kind] }));
  return (
    <form
      className="max-w-xl space-y-6"
      onChange={() => setSaved(false)}
      onSubmit={(e) => {
        e.preventDefault();
        execute(prefs, () => setSaved(true));
      }}
    >
      <fieldset className="space-y-2">
        <legend className="mb-2 text-xs font-medium uppercase tracking-wider text-muted">Channels</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={prefs.inApp} onChange={(e) => setPrefs({ ...prefs, inApp: e.target.checked })} /> The bell in this console
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={prefs.webhook} onChange={(e) => setPrefs({ ...prefs, webhook: e.target.checked })} /> My webhooks (Slack or the studio’s chat)
          <span className="text-xs text-faint">{personalWebhooks ? `${personalWebhooks} set up for you` : 'none set up for you yet: ask an admin'}</span>
        </label>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-xs font-medium uppercase tracking-wider text-muted">Tell me when</legend>
        {NOTIFICATION_KINDS.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={!prefs.muted.includes(k)} onChange={(e) => toggleKind(k, e.target.checked)} /> {NOTIFICATION_KIND_LABELS[k]}
          </label>
        ))}
        <p className="text-xs text-faint">Many changes at once (a bulk assignment) always arrive as one message.</p>
      </fieldset>
      {error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{error}</p> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>{pending ? 'Saving…' : 'Save'}</Button>
        <span role="status" className="text-sm text-ok">{saved ? 'Saved.' : ''}</span>
      </div>
    </form>
  );
}
