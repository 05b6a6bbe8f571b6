import { Stat } from '@/components/ui/card';
import { formatUsd as usd } from '@/lib/domain/workstations/cost';
import type { CostView } from '@/lib/domain/workstations/views';

/** Live $/hour and month-to-date, in total and per site. Types without a price are called out, not hidden. */
export function CostSummary({ costs }: { costs: CostView }) {
  return (
    <section aria-label="Cost" className="mb-6 grid gap-3 md:grid-cols-4">
      <Stat label="Now, all sites" value={`${usd(costs.usdPerHour)}/h`} hint={costs.unpricedTypes.length ? `No price for ${costs.unpricedTypes.join(', ')}` : 'running machines × price list'} tone={costs.unpricedTypes.length ? 'warn' : 'ink'} />
      <Stat label="Month to date" value={usd(costs.monthToDateUsd)} hint={`since ${costs.monthStart.slice(0, 10)} (UTC), from state history`} />
      <div className="rounded-lg border border-line bg-panel p-4 md:col-span-2">
        <p className="text-xs uppercase tracking-wider text-muted">Per site</p>
        <table className="mt-2 w-full text-sm" aria-label="Cost per site">
          <tbody>
            {costs.sites.map((s) => (
              <tr key={s.siteId}>
                <td className="py-0.5">{s.site} <span className="font-mono text-xs text-faint">{s.region}</span></td>
                <td className="py-0.5 text-right text-xs text-muted">{s.running} running</td>
                <td className="py-0.5 text-right tabular-nums">{usd(s.usdPerHour)}/h</td>
                <td className="py-0.5 text-right tabular-nums text-muted">{usd(s.monthToDateUsd)} MTD</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
