import Link from 'next/link';
import { LocalTime } from '@/components/ui/local-time';
import { formatLag } from '@/lib/domain/hammerspace/lag';
import type { TMatrixCell, TMatrixRow } from '@/lib/domain/hammerspace/matrix';
import { replicationHref, type TReplicationQuery } from './query';

const TONE = { ok: 'bg-ok/15 text-ok border-ok/30', warn: 'bg-warn/15 text-warn border-warn/40', bad: 'bg-bad/20 text-bad border-bad/50' } as const;

function Cell({ cell, names, query, selected }: { cell: TMatrixCell; names: Map<string, string>; query: TReplicationQuery; selected: boolean }) {
  const label = `${names.get(cell.fromId)} → ${names.get(cell.toId)}`;
  if (cell.kind === 'self') return <span className="block text-center text-faint" aria-label="same site">·</span>;
  const href = replicationHref({ ...query, from: cell.fromId, to: cell.toId });
  const ring = selected ? 'ring-2 ring-accent' : '';
  if (cell.kind === 'unreachable') {
    return (
      <Link href={href} aria-label={`${label}: unreachable`} className={`block rounded border border-bad/50 bg-bad/10 px-2 py-1.5 text-center text-xs text-bad ${ring}`}>
        <span className="font-medium">unreachable</span>
        <span className="block text-[11px]">since <LocalTime iso={cell.since} /></span>
      </Link>
    );
  }
  if (cell.kind === 'no-data') {
    return <Link href={href} aria-label={`${label}: no sample yet`} className={`block rounded border border-line px-2 py-1.5 text-center text-xs text-faint ${ring}`}>no sample yet</Link>;
  }
  return (
    <Link href={href} aria-label={`${label}: ${formatLag(cell.last.lagSeconds)}`} title={`source: ${cell.last.source}${cell.last.skewFlag ? ', clock skew at one end' : ''}`}
      className={`block rounded border px-2 py-1.5 text-center tabular-nums ${TONE[cell.tone]} ${cell.stale ? 'opacity-50' : ''} ${ring}`}>
      <span className="text-sm font-semibold" data-testid="lag-value">{formatLag(cell.last.lagSeconds)}</span>
      <span className="block text-[11px] opacity-80">{cell.stale ? 'stale · ' : ''}{cell.last.skewFlag ? 'skew · ' : ''}<LocalTime iso={cell.last.at} mode="relative" /></span>
    </Link>
  );
}

/** Site × site: each row is the sending site, each column the receiving one. */
export function LagMatrix({ rows, query, selected }: { rows: TMatrixRow[]; query: TReplicationQuery; selected: { from: string; to: string } | null }) {
  const names = new Map(rows.map((r) => [r.site.id, r.site.name]));
  return (
    <div className="overflow-x-auto">
      <table aria-label="Replication lag matrix" className="w-full border-separate border-spacing-1 text-sm">
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1 text-left text-xs font-medium uppercase tracking-wider text-muted">from ↓ · to →</th>
            {rows.map((r) => <th key={r.site.id} scope="col" className="px-2 py-1 text-xs font-medium text-muted">{r.site.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.site.id}>
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left text-xs font-medium text-muted">{r.site.name}</th>
              {r.cells.map((c) => (
                <td key={c.toId} className="min-w-28" data-testid={`lag-${r.site.region}-${rows.find((x) => x.site.id === c.toId)?.site.region}`}>
                  <Cell cell={c} names={names} query={query} selected={selected?.from === c.fromId && selected?.to === c.toId} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
