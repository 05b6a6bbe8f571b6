import { LocalTime } from '@/components/ui/local-time';

/**
 * What is wrong with a shot's Open Clip, if anything: unreadable (the known versions are kept and shown),
 * or missing from the publish root. Nothing when the clip is fine.
 */
export function ClipProblem({ parseError, parseErrorAt, missingSince }: { parseError: string | null; parseErrorAt: string | null; missingSince: string | null }) {
  if (!parseError && !missingSince) return null;
  return (
    <p role="status" className="mt-1 text-xs text-bad">
      {parseError ? (
        <>
          Open Clip unreadable since <LocalTime iso={parseErrorAt} mode="relative" />: <span className="font-mono">{parseError}</span>. The last good versions are shown.
        </>
      ) : (
        <>
          Open Clip not found in the publish root since <LocalTime iso={missingSince} mode="relative" />; its versions are kept.
        </>
      )}
    </p>
  );
}
