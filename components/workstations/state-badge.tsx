import { Badge, stateTone } from '@/components/ui/badge';

/** EC2's state, and the intent when it differs (“running → stopped” while a stop is under way). */
export function StateBadge({ state, desired }: { state: string; desired?: string }) {
  const heading = desired && desired !== state && state !== 'lost' && !(desired === 'terminated' && state === 'shutting-down');
  return (
    <span className="inline-flex items-center gap-1" data-testid="workstation-state" data-state={state}>
      <Badge tone={stateTone(state)}>{state}</Badge>
      {heading ? <span className="text-xs text-faint" title={`Desired: ${desired}`}>→ {desired}</span> : null}
    </span>
  );
}
