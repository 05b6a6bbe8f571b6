import { LocalTime } from '@/components/ui/local-time';

export type TVersionCell = { name: string; discoveredAt: string; site: string | null } | null;

/** A version's name, when the control plane first saw it, and the site that rendered it. */
export function VersionCell({ version, testId }: { version: TVersionCell; testId?: string }) {
  if (!version) return <span className="text-faint">—</span>;
  return (
    <span className="flex flex-col" data-testid={testId}>
      <span className="font-mono text-xs">{version.name}</span>
      <span className="text-xs text-muted">
        <LocalTime iso={version.discoveredAt} mode="relative" />
        {version.site ? ` · ${version.site}` : ''}
      </span>
    </span>
  );
}
