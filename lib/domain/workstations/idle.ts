/**
 * Idle auto-stop decisions from CloudWatch samples. A machine is idle from the first sample after its
 * last busy one (CPU, and GPU when the agent publishes it), so the decision needs nothing stored but
 * whether the artist was already warned. The artist always gets the full warning period: a stop needs a
 * warning at least `warnMinutes` old, even if the checker was down when the warning was due.
 */
export type MetricPoint = { at: Date; value: number };

export type IdlePolicy = { stopMinutes: number; warnMinutes: number; thresholdPercent: number };

export type IdleDecision =
  | { kind: 'none' }
  | { kind: 'clear' }
  | { kind: 'mark-idle'; since: Date }
  | { kind: 'warn'; since: Date; stopAt: Date }
  | { kind: 'stop'; since: Date; idleMinutes: number };

export const DEFAULT_IDLE_THRESHOLD_PERCENT = 5;

/** How far back to ask CloudWatch: the stop window plus a margin for late datapoints. */
export function idleLookbackMinutes(policy: IdlePolicy): number {
  return policy.stopMinutes + 5;
}

/** Start of the trailing run of idle samples; null when there is no data or the latest sample is busy. */
export function idleRunStart(points: MetricPoint[], threshold: number): Date | null {
  if (!points.length) return null;
  const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  let start: Date | null = null;
  for (const p of sorted) {
    if (p.value >= threshold) start = null;
    else start ??= p.at;
  }
  return start;
}

export function decideIdle(input: {
  policy: IdlePolicy;
  cpu: MetricPoint[];
  gpu: MetricPoint[];
  idleSince: Date | null;
  idleWarnedAt: Date | null;
  now: Date;
}): IdleDecision {
  const { policy, now } = input;
  const cpuStart = idleRunStart(input.cpu, policy.thresholdPercent);
  // No GPU series means the agent does not publish one: CPU decides alone. A busy GPU keeps it awake.
  const gpuStart = input.gpu.length ? idleRunStart(input.gpu, policy.thresholdPercent) : cpuStart;
  const flagged = input.idleSince !== null || input.idleWarnedAt !== null;
  if (!input.cpu.length) return { kind: 'none' };
  if (!cpuStart || !gpuStart) return flagged ? { kind: 'clear' } : { kind: 'none' };

  const since = new Date(Math.max(cpuStart.getTime(), gpuStart.getTime()));
  const idleMinutes = (now.getTime() - since.getTime()) / 60_000;
  const warnAt = policy.stopMinutes - policy.warnMinutes;
  if (input.idleWarnedAt) {
    const warnedFor = (now.getTime() - input.idleWarnedAt.getTime()) / 60_000;
    if (idleMinutes >= policy.stopMinutes && warnedFor >= policy.warnMinutes) return { kind: 'stop', since, idleMinutes: Math.floor(idleMinutes) };
    return { kind: 'none' };
  }
  if (idleMinutes >= warnAt) {
    const stopAt = new Date(Math.max(now.getTime() + policy.warnMinutes * 60_000, since.getTime() + policy.stopMinutes * 60_000));
    return { kind: 'warn', since, stopAt };
  }
  return input.idleSince ? { kind: 'none' } : { kind: 'mark-idle', since };
}

/** When a warned machine will stop, for the artist's card: warning time + warning period at the earliest. */
export function plannedStopAt(idleWarnedAt: Date | null, idleSince: Date | null, policy: Pick<IdlePolicy, 'stopMinutes' | 'warnMinutes'>): Date | null {
  if (!idleWarnedAt) return null;
  const byWarning = idleWarnedAt.getTime() + policy.warnMinutes * 60_000;
  const byIdle = idleSince ? idleSince.getTime() + policy.stopMinutes * 60_000 : byWarning;
  return new Date(Math.max(byWarning, byIdle));
}
