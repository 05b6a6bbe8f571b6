'use client';

import { useState } from 'react';
import { useServerAction, type ServerAction } from '@/components/assignments/use-server-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import { CopyButton } from '@/components/workstations/copy-button';
import { NOTIFICATION_KINDS, type TNotificationKind } from '@/lib/domain/notifications/prefs';

export type CreateWebhookAction = ServerAction<{ url: string; secret?: string | null; events: TNotificationKind[]; userId?: string | null }, { id: string; secret: string }>;

/** Adds a receiver; the signing secret is shown once, right here, and never again. */
export function WebhookForm({ users, action }: { users: Array<{ id: string; name: string; email: string }>; action: CreateWebhookAction }) {
  const { execute, pending, error, fieldErrors } = useServerAction(action);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [userId, setUserId] = useState('');
  const [events, setEvents] = useState<TNotificationKind[]>([]);
  const [shown, setShown] = useState<string | null>(null);
  return (
    <form
      className="space-y-3 rounded-lg border border-line bg-panel p-4"
      onSubmit={(e) => {
        e.preventDefault();
        execute({ url, secret: secret || null, events, userId: userId || null }, (d) => {
          setShown(d.secret);
          setUrl('');
          setSecret('');
        });
      }}
    >
      <h2 className="text-xs font-medium uppercase tracking-wider text-muted">Add a receiver</h2>
      <div className="grid gap-3 md:grid-cols-2">
        <Field label="URL" error={fieldErrors.url} hint="A Slack incoming webhook, or the studio's own receiver.">
          <input value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://hooks.slack.com/services/…" className={inputClass} aria-label="URL" />
        </Field>
        <Field label="For" error={fieldErrors.userId} hint="Studio-wide receivers get every digest; personal ones follow that person's preference.">
          <select value={userId} onChange={(e) => setUserId(e.target.value)} className={inputClass} aria-label="For">
            <option value="">The whole studio</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.email})</option>)}
          </select>
        </Field>
        <Field label="Signing secret (optional)" error={fieldErrors.secret} hint="Leave blank to generate one.">
          <input value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" className={inputClass} aria-label="Signing secret" />
        </Field>
        <fieldset>
          <legend className="text-sm text-muted">Events (none ticked: all)</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {NOTIFICATION_KINDS.map((k) => (
              <label key={k} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={events.includes(k)} onChange={(e) => setEvents((prev) => (e.target.checked ? [...prev, k] : prev.filter((x) => x !== k)))} /> {k}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {error ? <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{error}</p> : null}
      {shown ? (
        <div role="status" className="space-y-1 rounded-md border border-ok/40 bg-ok/10 px-3 py-2 text-sm">
          <p>Added. Give the receiver this signing secret now: it is stored sealed and will not be shown again.</p>
          <div className="flex items-center gap-2"><code className="font-mono text-xs" data-testid="webhook-secret">{shown}</code><CopyButton value={shown} label="Copy the signing secret" /></div>
        </div>
      ) : null}
      <Button type="submit" variant="primary" disabled={pending || !url}>{pending ? 'Adding…' : 'Add receiver'}</Button>
    </form>
  );
}
