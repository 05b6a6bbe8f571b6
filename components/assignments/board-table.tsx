'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';
import type { TBoardView } from '@/lib/domain/assignments/views';
import { AssignDialog, type AssignAction } from './assign-dialog';
import { AssignmentStatusBadge } from './status-badge';
import { StatusMoves, type ChangeStatusAction } from './status-moves';
import { UnassignDialog, type UnassignAction } from './unassign-dialog';

export type BoardActions = { assign: AssignAction; changeStatus: ChangeStatusAction; unassign: UnassignAction };

/**
 * The board's rows by sequence, with selection for bulk assignment and each row's status moves. Takes
 * only what it shows: every prop is serialised into the page for the browser.
 */
export function BoardTable({ groups, artists, actions }: { groups: TBoardView['groups']; artists: TBoardView['artists']; actions: BoardActions }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'assign' | 'unassign' | null>(null);
  const [single, setSingle] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const rows = useMemo(() => groups.flatMap((g) => g.rows), [groups]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.shotId, r])), [rows]);

  // Selection survives a live refresh, minus shots the filter no longer shows.
  const chosenIds = single ? [single] : [...selected].filter((id) => byId.has(id));
  const chosen = chosenIds.map((id) => byId.get(id)!).map((r) => ({ id: r.shotId, name: r.shot, heldBy: r.assignment?.artist ?? null, heldById: r.assignment?.artistId ?? null }));
  const toggle = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const open = (kind: 'assign' | 'unassign', shotId: string | null = null) => {
    setSingle(shotId);
    setMessage(null);
    setDialog(kind);
  };
  const close = () => {
    setDialog(null);
    setSingle(null);
  };
  const done = (text: string) => {
    setMessage(text);
    if (!single) setSelected(new Set());
  };

  return (
    <div className="space-y-5">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-line bg-panel px-3 py-2" role="toolbar" aria-label="Selection">
        <span className="text-sm text-muted" data-testid="selection-count">{chosenIds.length && !single ? `${chosenIds.length} selected` : 'Select shots to assign them'}</span>
        <Button size="sm" variant="primary" disabled={!selected.size} onClick={() => open('assign')}>Assign…</Button>
        <Button size="sm" variant="danger" disabled={![...selected].some((id) => byId.get(id)?.assignment)} onClick={() => open('unassign')}>Take back…</Button>
        {selected.size ? <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>Clear</Button> : null}
        <span role="status" aria-live="polite" className="ml-auto text-sm text-ok">{message}</span>
      </div>

      {groups.map((g) => {
        const ids = g.rows.map((r) => r.shotId);
        const all = ids.every((id) => selected.has(id));
        return (
          <section key={g.sequenceId}>
            <h2 className="mb-2 text-sm font-medium">{g.sequence} <span className="text-muted">· {g.project}</span></h2>
            <Table label={`Shots of ${g.sequence}`}>
              <thead>
                <tr>
                  <Th className="w-8"><input type="checkbox" checked={all} onChange={(e) => toggle(ids, e.target.checked)} aria-label={`Select every shot of ${g.sequence}`} /></Th>
                  <Th>Shot</Th><Th>Status</Th><Th>Artist</Th><Th>Site</Th><Th>Due</Th><Th>Latest version</Th><Th>Note</Th><Th><span className="sr-only">Actions</span></Th>
                </tr>
              </thead>
              <tbody>
                {g.rows.map((r) => (
                  <tr key={r.shotId} data-testid={`board-row-${r.shot}`}>
                    <Td><input type="checkbox" checked={selected.has(r.shotId)} onChange={(e) => toggle([r.shotId], e.target.checked)} aria-label={`Select ${r.shot}`} /></Td>
                    <Td className="font-medium">{r.shot}{r.parseError ? <p className="text-xs text-bad">{r.parseError}</p> : null}</Td>
                    <Td><AssignmentStatusBadge status={r.status} /></Td>
                    <Td>{r.assignment?.artist ?? <span className="text-faint">—</span>}</Td>
                    <Td>{r.assignment?.site ?? <span className="text-faint">—</span>}</Td>
                    <Td className={`tabular-nums ${r.assignment?.overdue ? 'text-bad' : ''}`}>{r.assignment?.dueDate ?? <span className="text-faint">—</span>}{r.assignment?.overdue ? <span className="sr-only"> (overdue)</span> : null}</Td>
                    <Td className="font-mono text-xs"><span data-testid="latest-version">{r.latestVersion ? `${r.latestVersion.name} (${r.versionCount})` : <span className="text-faint">none</span>}</span></Td>
                    <Td className="max-w-48 text-xs text-muted"><span className="block truncate" title={r.assignment?.note ?? undefined}>{r.assignment?.note ?? ''}</span></Td>
                    <Td>
                      <div className="flex flex-wrap items-center justify-end gap-1.5">
                        {r.assignment ? <StatusMoves assignmentId={r.assignment.id} shot={r.shot} moves={r.moves} action={actions.changeStatus} /> : null}
                        <Button size="sm" variant="ghost" onClick={() => open('assign', r.shotId)} aria-label={`${r.assignment ? 'Reassign' : 'Assign'} ${r.shot}`}>
                          {r.assignment ? 'Reassign' : 'Assign'}
                        </Button>
                      </div>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>
        );
      })}

      <AssignDialog key={`assign-${dialog === 'assign'}`} open={dialog === 'assign'} onClose={close} onDone={done} shots={chosen} artists={artists} action={actions.assign} />
      <UnassignDialog key={`unassign-${dialog === 'unassign'}`} open={dialog === 'unassign'} onClose={close} onDone={done} shots={chosen.filter((s) => s.heldBy)} action={actions.unassign} />
    </div>
  );
}
