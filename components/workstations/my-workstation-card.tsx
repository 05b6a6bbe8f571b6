'use client';

import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import type { MyWorkstationView } from '@/lib/domain/workstations/views';
import { DcvLinks } from './dcv-links';
import { LifecycleButtons, type LifecycleActions } from './lifecycle-buttons';
import { StateBadge } from './state-badge';
import { Uptime } from './uptime';

/** The artist's "My workstation" card: state, region, uptime, their DCV links, and start/stop when allowed. */
export function MyWorkstationCard({ workstations, actions }: { workstations: MyWorkstationView[]; actions: LifecycleActions }) {
  return (
    <Card title="My workstation">
      {workstations.length === 0 ? (
        <p className="text-sm text-muted">No workstation is assigned to you yet. Ask a studio admin for one.</p>
      ) : (
        <ul className="space-y-5">
          {workstations.map((w) => (
            <li key={w.id} className="space-y-2" data-testid={`my-workstation-${w.name}`}>
              <div className="flex items-start justify-between gap-2">
                <div>
                  <p className="font-medium">{w.name}</p>
                  <p className="text-sm text-muted">{w.site} · <span className="font-mono text-xs">{w.region}</span> · <span className="font-mono text-xs">{w.instanceType}</span></p>
                </div>
                <StateBadge state={w.state} desired={w.desiredState} />
              </div>
              {w.runningSince ? <p className="text-xs text-muted">Up for <Uptime since={w.runningSince} /></p> : null}
              {w.idleStopAt ? (
                <p role="alert" className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-warn">
                  This machine looks idle and will be stopped at <LocalTime iso={w.idleStopAt} /> unless you use it. Save your work.
                </p>
              ) : null}
              {w.lastError ? <p className="text-xs text-bad">{w.lastError}</p> : null}
              {w.links ? <DcvLinks links={w.links} name={w.name} /> : <p className="text-sm text-faint">The connection links appear when the machine is running.</p>}
              {w.canStartStop ? (
                <div className="flex gap-2">
                  <LifecycleButtons size="sm" ids={[w.id]} names={[w.name]} actions={actions} verbs={w.desiredState === 'running' ? ['stop'] : ['start']} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
