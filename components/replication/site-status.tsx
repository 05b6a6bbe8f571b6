import { Badge } from '@/components/ui/badge';
import { LocalTime } from '@/components/ui/local-time';
import { Table, Td, Th } from '@/components/ui/table';

type Site = { id: string; name: string; region: string; isHome: boolean; unreachableSince: string | null; skewed: boolean; lastSampleAt: string | null };

/** Each site's Anvil as the collector sees it: reachable or "unreachable since …", clock, last sample age. */
export function SiteStatus({ sites }: { sites: Site[] }) {
  return (
    <Table label="Sites">
      <thead>
        <tr><Th>Site</Th><Th>Anvil</Th><Th>Clock</Th><Th>Last sample</Th></tr>
      </thead>
      <tbody>
        {sites.map((s) => (
          <tr key={s.id} data-testid={`site-status-${s.region}`}>
            <Td>{s.name} <span className="font-mono text-xs text-faint">{s.region}</span> {s.isHome ? <Badge tone="info">home</Badge> : null}</Td>
            <Td>
              {s.unreachableSince ? (
                <Badge tone="bad">unreachable since <LocalTime iso={s.unreachableSince} /></Badge>
              ) : (
                <Badge tone="ok">reachable</Badge>
              )}
            </Td>
            <Td>{s.skewed ? <Badge tone="warn">clock skewed</Badge> : <span className="text-xs text-faint">in sync</span>}</Td>
            <Td className="text-xs text-muted"><LocalTime iso={s.lastSampleAt} mode="relative" /></Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
