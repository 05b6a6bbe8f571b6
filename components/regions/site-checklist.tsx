import { Badge } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import type { TSiteView } from '@/lib/domain/sites/views';

const MARK: Record<string, { sign: string; tone: 'ok' | 'info' | 'bad' | 'muted' }> = {
  done: { sign: '✓', tone: 'ok' },
  running: { sign: '…', tone: 'info' },
  failed: { sign: '✕', tone: 'bad' },
  pending: { sign: '·', tone: 'muted' },
};

/** One site's bring-up or drain checklist, step by step, with what each step did or waits for. */
export function SiteChecklist({ site }: { site: TSiteView }) {
  if (!site.workflow) return null;
  const title = site.workflow === 'bring-up' ? `Bring-up of ${site.name}` : `Drain of ${site.name}`;
  const done = site.steps.filter((s) => s.status === 'done').length;
  const open = site.state === 'provisioning' || site.state === 'draining' || site.state === 'failed' || done < site.steps.length;
  return (
    <details open={open} className="rounded-lg border border-line bg-panel" data-testid={`checklist-${site.name}`} data-workflow={site.workflow}>
      <summary className="flex cursor-pointer items-center justify-between gap-2 px-4 py-3 text-sm">
        <span className="font-medium">{title}</span>
        <span className="text-xs text-muted" data-testid="checklist-progress">{done} of {site.steps.length} done</span>
      </summary>
      <ol className="space-y-2 px-4 pb-4">
        {site.steps.map((s, i) => {
          const m = MARK[s.status] ?? MARK.pending!;
          return (
            <li key={s.key} className="flex items-start gap-3" data-testid="checklist-step" data-step={s.key} data-status={s.status}>
              <Badge tone={m.tone}><span aria-hidden="true">{m.sign}</span><span className="sr-only">{s.status}</span></Badge>
              <div className="min-w-0 flex-1">
                <p className="text-sm">
                  <span className="text-faint">{i + 1}.</span> {s.label}
                  <span className="ml-2 text-xs text-faint">{s.hint}</span>
                </p>
                {s.detail ? <p className={`mt-0.5 break-words text-xs ${s.status === 'failed' ? 'text-bad' : 'text-muted'}`} data-testid="step-detail">{s.detail}</p> : null}
                {s.finishedAt && s.status === 'done' ? <p className="text-xs text-faint">done <LocalTime iso={s.finishedAt} mode="relative" /></p> : null}
                {s.attempts > 1 && s.status !== 'done' ? <p className="text-xs text-faint">run {s.attempts} times</p> : null}
              </div>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
