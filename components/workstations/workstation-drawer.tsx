'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { LocalTime } from '@/components/ui/local-time';
import type { WorkstationDetailView } from '@/lib/domain/workstations/views';
import { DcvLinks } from './dcv-links';
import { EventHistory } from './event-history';
import { LifecycleButtons, type LifecycleActions } from './lifecycle-buttons';
import { RelaunchButton, type RelaunchAction } from './relaunch-button';
import { StateBadge } from './state-badge';

function Fact({ label, children, mono = false }: { label: string; children: React.ReactNode; mono?: boolean }) {
  return (
    <div className="flex gap-3 py-1 text-sm">
      <dt className="w-28 shrink-0 text-muted">{label}</dt>
      <dd className={`min-w-0 break-all ${mono ? 'font-mono text-xs' : ''}`}>{children ?? <span className="text-faint">—</span>}</dd>
    </div>
  );
}

/** The detail drawer: facts, DCV links, actions and the event history of one workstation. Escape closes it. */
export function WorkstationDrawer({ w, closeHref, actions, relaunch }: { w: WorkstationDetailView; closeHref: string; actions: Required<LifecycleActions>; relaunch: RelaunchAction }) {
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) router.push(closeHref, { scroll: false });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [closeHref, router, w.id]);
  const verbs = w.desiredState === 'terminated' ? [] : w.lost ? (['terminate'] as const) : w.desiredState === 'running' ? (['stop', 'terminate'] as const) : (['start', 'terminate'] as const);
  return (
    <aside role="complementary" aria-label={`Workstation ${w.name}`} className="fixed inset-y-0 right-0 z-20 w-full max-w-lg overflow-y-auto border-l border-line bg-panel p-5 shadow-2xl">
      <div className="mb-4 flex items-start justify-between gap-3">
        <div>
          <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">{w.name}</h2>
          <p className="text-sm text-muted">{w.site} · <span className="font-mono text-xs">{w.region}</span></p>
        </div>
        <Button variant="ghost" onClick={() => router.push(closeHref, { scroll: false })} aria-label="Close details">✕</Button>
      </div>
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <StateBadge state={w.state} desired={w.desiredState} />
        <span className="flex-1" />
        <LifecycleButtons size="sm" ids={[w.id]} names={[w.name]} actions={actions} verbs={[...verbs]} />
        {(w.lost || (!w.instanceId && w.lastErrorCode)) && w.desiredState !== 'terminated' ? <RelaunchButton id={w.id} name={w.name} relaunch={relaunch} /> : null}
      </div>
      {w.lastError ? <p role="status" className="mb-4 rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">{w.lastErrorCode}: {w.lastError}</p> : null}
      {w.links ? <div className="mb-4"><DcvLinks links={w.links} name={w.name} /></div> : null}
      <dl className="mb-6 divide-y divide-line/60">
        <Fact label="Artist">{w.artist}</Fact>
        <Fact label="Instance" mono>{w.instanceId}</Fact>
        <Fact label="Type" mono>{w.instanceType}</Fact>
        <Fact label="Profile">{w.profile}</Fact>
        <Fact label="Private IP" mono>{w.privateIp}</Fact>
        <Fact label="DCV host" mono>{w.dcvHost}</Fact>
        <Fact label="Launched">{w.launchedAt ? <LocalTime iso={w.launchedAt} /> : null}</Fact>
        <Fact label="State since">{w.stateSince ? <LocalTime iso={w.stateSince} /> : null}</Fact>
        <Fact label="Cost">{w.usdPerHour != null ? `$${w.usdPerHour.toFixed(3)} per hour` : 'not billed now'}</Fact>
        <Fact label="ClientToken" mono>{w.clientToken} (generation {w.launchGeneration})</Fact>
      </dl>
      <h3 className="mb-2 text-xs font-medium uppercase tracking-wider text-muted">History</h3>
      <EventHistory events={w.events} />
    </aside>
  );
}
