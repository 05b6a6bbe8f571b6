import { project, type TSiteView } from '@/lib/domain/sites/views';

const W = 720;
const H = 300;
// A plain graticule rather than coastlines: no map data to ship, and the dots carry the meaning.
const MERIDIANS = Array.from({ length: 11 }, (_, i) => -150 + i * 30);
const PARALLELS = [-60, -30, 0, 30, 60];
const FILL: Record<string, string> = { active: 'var(--color-ok)', provisioning: 'var(--color-info)', draining: 'var(--color-info)', failed: 'var(--color-bad)' };

/** Every site on a world graticule, coloured by state, with lines between sites that share data. */
export function RegionsMap({ sites }: { sites: TSiteView[] }) {
  const placed = sites.flatMap((s) => (s.place ? [{ s, ...project(s.place, W, H) }] : []));
  const links = placed.flatMap((a, i) => placed.slice(i + 1).filter((b) => a.s.shares.some((x) => b.s.shares.includes(x))).map((b) => ({ a, b })));
  return (
    <figure className="rounded-lg border border-line bg-panel p-3">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Sites on a world map" className="mx-auto h-auto max-h-72 w-full">
        <rect x={0} y={0} width={W} height={H} fill="transparent" />
        {MERIDIANS.map((lon) => { const x = project({ lat: 0, lon }, W, H).x; return <line key={`m${lon}`} x1={x} x2={x} y1={0} y2={H} stroke="var(--color-line)" strokeWidth={0.5} />; })}
        {PARALLELS.map((lat) => { const y = project({ lat, lon: 0 }, W, H).y; return <line key={`p${lat}`} x1={0} x2={W} y1={y} y2={y} stroke="var(--color-line)" strokeWidth={lat === 0 ? 1 : 0.5} />; })}
        {links.map(({ a, b }) => <line key={`${a.s.id}-${b.s.id}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="var(--color-accent)" strokeOpacity={0.35} strokeDasharray="4 4" />)}
        {placed.map(({ s, x, y }) => (
          <g key={s.id} data-testid={`map-site-${s.name}`} data-state={s.state}>
            <circle cx={x} cy={y} r={s.isHome ? 7 : 5.5} fill={FILL[s.state] ?? 'var(--color-muted)'} stroke="var(--color-canvas)" strokeWidth={1.5}>
              <title>{`${s.name} (${s.region}): ${s.state}`}</title>
            </circle>
            <text x={x + 9} y={y + 4} fontSize={11} fill="var(--color-ink)">{s.name}</text>
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-faint">Dots are sites (larger: home), coloured by state; dashed lines join sites that share data.</figcaption>
    </figure>
  );
}
