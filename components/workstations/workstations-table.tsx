'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Table, Td, Th } from '@/components/ui/table';
import type { WorkstationRowView } from '@/lib/domain/workstations/views';
import { LifecycleButtons, type LifecycleActions } from './lifecycle-buttons';
import { queryHref, type WorkstationQueryState } from './query-href';
import { StateBadge } from './state-badge';
import { Uptime } from './uptime';

const COLUMNS: Array<[string, string | null]> = [['Name', 'name'], ['Site', 'site'], ['Type', 'type'], ['State', 'state'], ['Artist', 'artist'], ['Since', 'updated'], ['$/h', null]];

function SortHeader({ label, sort, query }: { label: string; sort: string | null; query: WorkstationQueryState }) {
  if (!sort) return <Th>{label}</Th>;
  const active = query.sort === sort;
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className="th">
      <Link href={queryHref(query, { sort, dir })} scroll={false} className="hover:text-ink">
        {label} {active ? (query.dir === 'asc' ? '▲' : '▼') : ''}
      </Link>
    </th>
  );
}

/** The admin's table: sortable headers, a checkbox per row for bulk start/stop/terminate, a row opens the drawer. */
export function WorkstationsTable({ rows, query, actions }: { rows: WorkstationRowView[]; query: WorkstationQueryState; actions: Required<LifecycleActions> }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const visible = new Set(rows.map((r) => r.id));
  const chosen = rows.filter((r) => selected.has(r.id) && visible.has(r.id));
  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const all = rows.length > 0 && chosen.length === rows.length;
  return (
    <>
      <div className="mb-2 flex min-h-9 items-center gap-2" aria-live="polite">
        {chosen.length ? (
          <>
            <span className="text-sm text-muted">{chosen.length} selected</span>
            <LifecycleButtons size="sm" ids={chosen.map((r) => r.id)} names={chosen.map((r) => r.name)} actions={actions} verbs={['start', 'stop', 'terminate']} onDone={() => setSelected(new Set())} />
          </>
        ) : <span className="text-xs text-faint">Select workstations to start, stop or terminate several at once.</span>}
      </div>
      <Table label="Workstations">
        <thead>
          <tr>
            <Th><input type="checkbox" aria-label="Select all workstations" checked={all} onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))} /></Th>
            {COLUMNS.map(([label, sort]) => <SortHeader key={label} label={label} sort={sort} query={query} />)}
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w.id} data-testid={`workstation-row-${w.name}`} className={query.ws === w.id ? 'bg-raised' : 'hover:bg-raised/50'}>
              <Td><input type="checkbox" aria-label={`Select ${w.name}`} checked={selected.has(w.id)} onChange={() => toggle(w.id)} /></Td>
              <Td className="font-medium">
                <Link href={queryHref(query, { ws: w.id })} scroll={false} className="hover:text-accent">{w.name}</Link>
              </Td>
              <Td>{w.site} <span className="font-mono text-xs text-faint">{w.region}</span></Td>
              <Td className="font-mono text-xs">{w.instanceType}</Td>
              <Td>
                <StateBadge state={w.state} desired={w.desiredState} />
                {w.lastError ? <p className="mt-1 max-w-xs truncate text-xs text-bad" title={w.lastError}>{w.lastErrorCode}: {w.lastError}</p> : null}
                {w.idleWarnedAt ? <p className="mt-1 text-xs text-warn">Idle: stop pending</p> : null}
              </Td>
              <Td>{w.artist ?? <span className="text-faint">unassigned</span>}</Td>
              <Td className="text-xs text-muted">{w.stateSince ? <Uptime since={w.stateSince} /> : '—'}</Td>
              <Td className="tabular-nums text-xs">{w.usdPerHour != null ? `$${w.usdPerHour.toFixed(3)}` : '—'}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
