const TONES = {
  ok: 'border-ok/30 bg-ok/10 text-ok',
  warn: 'border-warn/30 bg-warn/10 text-warn',
  bad: 'border-bad/30 bg-bad/10 text-bad',
  info: 'border-info/30 bg-info/10 text-info',
  muted: 'border-line bg-raised text-muted',
} as const;

export type Tone = keyof typeof TONES;

export function Badge({ tone = 'muted', children, title }: { tone?: Tone; children: React.ReactNode; title?: string }) {
  return (
    <span title={title} className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-medium ${TONES[tone]}`}>
      {children}
    </span>
  );
}

/** The tone of a state word, shared by sites and workstations so the same word always looks the same. */
export function stateTone(state: string | null | undefined): Tone {
  switch (state) {
    case 'active':
    case 'running':
    case 'applied':
    case 'approved':
      return 'ok';
    case 'pending':
    case 'provisioning':
    case 'draining':
    case 'stopping':
    case 'shutting-down':
    case 'in_progress':
    case 'pending_review':
      return 'info';
    case 'failed':
    case 'lost':
      return 'bad';
    case 'on_hold':
      return 'warn';
    default:
      return 'muted';
  }
}
