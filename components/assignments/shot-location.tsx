/** Where an assigned shot is, as the artist's site sees it: shared by the artist's list and a shot's page. */
import { CopyButton } from '@/components/workstations/copy-button';
import type { TLocalityBanner } from '@/lib/domain/assignments/locality';

export function LocalityNotice({ banner }: { banner: TLocalityBanner }) {
  if (!banner) return null;
  const tone = banner.tone === 'warn' ? 'border-warn/40 bg-warn/10 text-warn' : 'border-line bg-raised text-muted';
  return <p role="status" data-testid="locality-banner" className={`rounded-md border px-3 py-2 text-sm ${tone}`}>{banner.text}</p>;
}

/** A path as the artist's site mounts it, ready to paste into Flame's MediaHub. */
export function SitePath({ label, path }: { label: string; path: string | null }) {
  return (
    <div className="flex items-center gap-2 text-xs">
      <span className="w-20 shrink-0 text-faint">{label}</span>
      {path ? (
        <>
          <code className="min-w-0 flex-1 truncate font-mono text-muted" title={path}>{path}</code>
          <CopyButton value={path} label={`Copy the ${label.toLowerCase()} path`} />
        </>
      ) : (
        <span className="text-faint">not published yet</span>
      )}
    </div>
  );
}
