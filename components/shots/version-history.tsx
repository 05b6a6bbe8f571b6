import { Badge } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import { Table, Td, Th } from '@/components/ui/table';

export type TVersionRowView = {
  id: string;
  vuid: string;
  name: string;
  discoveredAt: string;
  clipCreated: string | null;
  site: string | null;
  frames: string | null;
  mediaPath: string | null;
  batchSetup: string | null;
  removedAt: string | null;
  isCurrent: boolean;
  isLatest: boolean;
};

/**
 * Every version the control plane has seen, newest first: when it first appeared here, which site
 * rendered it, the date the clip itself records (Flame's wall clock, no zone), frames and media. Versions
 * a rewrite dropped from the clip stay listed, marked, because the file no longer remembers them.
 */
export function VersionHistory({ versions }: { versions: TVersionRowView[] }) {
  return (
    <Table label="Version history">
      <thead>
        <tr>
          <Th>Version</Th>
          <Th>Seen</Th>
          <Th>Site</Th>
          <Th>Created (clip)</Th>
          <Th>Frames</Th>
          <Th>Media and Batch setup</Th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.id} data-testid={`version-${v.name}`} className={v.removedAt ? 'opacity-60' : ''}>
            <Td>
              <span className="font-mono text-xs">{v.name}</span>
              {v.name !== v.vuid ? <span className="ml-1 font-mono text-xs text-faint">({v.vuid})</span> : null}
              <span className="ml-2 inline-flex gap-1">
                {v.isCurrent ? <Badge tone="ok">current</Badge> : null}
                {v.isLatest ? <Badge tone="info">latest</Badge> : null}
                {v.removedAt ? <Badge tone="warn" title="The clip was rewritten without this version">no longer in clip</Badge> : null}
              </span>
            </Td>
            <Td className="text-xs">
              <LocalTime iso={v.discoveredAt} />
            </Td>
            <Td className="text-xs">{v.site ?? <span className="text-faint" title="Its paths do not sit under any site’s projects root">unknown</span>}</Td>
            <Td className="font-mono text-xs">{v.clipCreated ?? '—'}</Td>
            <Td className="font-mono text-xs tabular-nums">{v.frames ?? '—'}</Td>
            <Td className="max-w-md break-all font-mono text-xs text-muted">
              <div>{v.mediaPath ?? '—'}</div>
              {v.batchSetup ? <div className="text-faint">{v.batchSetup}</div> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
