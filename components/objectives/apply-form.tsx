'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/input';
import type { TApplicationView, TShareTarget } from './types';
import { ErrorNote, useAction, type ServerAction } from './use-action';

type ApplyInput = { objectiveId: string; shareId: string; path: string; siteIds: string[] };

const chosenFor = (apps: TApplicationView[], shareId: string, path: string) =>
  apps.filter((a) => a.shareId === shareId && a.path === path && a.state !== 'removing').map((a) => a.siteId);

/**
 * Applies the objective to a share path at the ticked sites. Unticking a site where it is applied
 * removes it there (the reconciler unsets it on that Anvil).
 */
export function ApplyForm({ objectiveId, shares, applications, apply }: { objectiveId: string; shares: TShareTarget[]; applications: TApplicationView[]; apply: ServerAction<ApplyInput, unknown> }) {
  const [shareId, setShareId] = useState(shares[0]?.id ?? '');
  const [path, setPath] = useState('/');
  const [siteIds, setSiteIds] = useState(() => chosenFor(applications, shares[0]?.id ?? '', '/'));
  const [done, setDone] = useState<string | null>(null);
  const act = useAction(apply);
  const share = shares.find((s) => s.id === shareId);
  if (!shares.length) return <p className="text-sm text-muted">There is no share to apply objectives to yet.</p>;

  const pick = (nextShare: string, nextPath: string) => {
    setShareId(nextShare);
    setPath(nextPath);
    setSiteIds(chosenFor(applications, nextShare, `/${nextPath.split('/').filter(Boolean).join('/')}`));
  };
  const toggle = (id: string) => setSiteIds((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]));
  return (
    <form
      aria-label="Apply to a share path"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        act.execute({ objectiveId, shareId, path, siteIds }, () => setDone('Saved. The reconciler is applying it on the Anvils now.'));
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Share" error={act.fieldErrors.shareId}>
          <select value={shareId} onChange={(e) => pick(e.target.value, path)} className={inputClass} aria-label="Share">
            {shares.map((s) => <option key={s.id} value={s.id}>{s.name} ({s.path})</option>)}
          </select>
        </Field>
        <Field label="Path inside the share" error={act.fieldErrors.path} hint="“/” is the whole share; e.g. /show/flame for one folder.">
          <input value={path} onChange={(e) => pick(shareId, e.target.value)} className={`${inputClass} font-mono`} aria-label="Path inside the share" spellCheck={false} />
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm text-muted">Sites</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {share?.sites.map((s) => (
            <label key={s.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={siteIds.includes(s.id)} onChange={() => toggle(s.id)} className="accent-[var(--color-accent)]" />
              {s.name} <span className="font-mono text-xs text-faint">{s.region}</span>
              {s.isHome ? <span className="text-xs text-info">home</span> : null}
            </label>
          ))}
        </div>
        {act.fieldErrors.siteIds ? <p className="mt-1 text-xs text-bad">{act.fieldErrors.siteIds.join(' ')}</p> : null}
      </fieldset>
      <ErrorNote message={act.error} />
      {done ? <p role="status" className="text-sm text-ok">{done}</p> : null}
      <div className="flex justify-end">
        <Button variant="primary" type="submit" disabled={act.pending}>{act.pending ? 'Saving…' : 'Apply at the ticked sites'}</Button>
      </div>
    </form>
  );
}
