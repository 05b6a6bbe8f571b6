export function Card({ title, children, className = '' }: { title?: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-line bg-panel p-4 ${className}`}>
      {title ? <h2 className="mb-3 text-xs font-medium uppercase tracking-wider text-muted">{title}</h2> : null}
      {children}
    </section>
  );
}

export function Stat({ label, value, hint, tone = 'ink' }: { label: string; value: React.ReactNode; hint?: string; tone?: 'ink' | 'ok' | 'warn' | 'bad' }) {
  const color = { ink: 'text-ink', ok: 'text-ok', warn: 'text-warn', bad: 'text-bad' }[tone];
  return (
    <div className="rounded-lg border border-line bg-panel p-4">
      <p className="text-xs uppercase tracking-wider text-muted">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${color}`}>{value}</p>
      {hint ? <p className="mt-1 text-xs text-faint">{hint}</p> : null}
    </div>
  );
}
