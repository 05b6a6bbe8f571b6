import type { TLagPoint } from '@/lib/domain/hammerspace/downsample';
import { formatLag } from '@/lib/domain/hammerspace/lag';
import { ClockLabel } from './clock-label';

const W = 760;
const H = 220;
const PAD = { left: 52, right: 12, top: 12, bottom: 8 };

/** Splits the series where samples are missing (an outage must read as a gap, not a straight line). */
function segments(points: TLagPoint[], maxGapMs: number): TLagPoint[][] {
  const out: TLagPoint[][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (!last || !prev || p.tMs - prev.tMs > maxGapMs) out.push([p]);
    else last.push(p);
  }
  return out;
}

/** Axis labels stay short: "45 s", "2 min", "6 h". */
function axisLabel(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

function niceMax(v: number): number {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400];
  return steps.find((s) => s >= v) ?? Math.ceil(v / 86400) * 86400;
}

/**
 * One pair's lag over time, drawn as SVG: the mean (solid), the worst in each bucket (faint, for rollups),
 * and the share's alert threshold (dashed). Times on the axis are in the viewer's zone.
 */
export function LagChart(props: { points: TLagPoint[]; fromMs: number; toMs: number; thresholdSeconds: number; bucketed: boolean; title: string }) {
  const { points, fromMs, toMs, thresholdSeconds } = props;
  const top = niceMax(Math.max(thresholdSeconds * 1.2, ...points.map((p) => p.max), 1));
  const x = (t: number) => PAD.left + ((t - fromMs) / Math.max(1, toMs - fromMs)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - Math.min(v, top) / top) * (H - PAD.top - PAD.bottom);
  const gap = props.bucketed ? Math.max(3 * ((toMs - fromMs) / Math.max(points.length, 1)), 15 * 60_000) : 60_000;
  const line = (pts: TLagPoint[], pick: (p: TLagPoint) => number) => pts.map((p) => `${x(p.tMs).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const latest = points[points.length - 1];
  const worst = points.reduce((m, p) => Math.max(m, p.max), 0);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => fromMs + f * (toMs - fromMs));
  const summary = points.length ? `${props.title}: latest ${formatLag(latest?.avg ?? 0)}, worst ${formatLag(worst)}, ${points.length} points` : `${props.title}: no samples in this range`;
  return (
    <figure className="space-y-1">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} stroke="var(--color-line)" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end" fontSize={10} fill="var(--color-faint)">{axisLabel(top * f)}</text>
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(thresholdSeconds)} y2={y(thresholdSeconds)} stroke="var(--color-bad)" strokeDasharray="5 4" strokeWidth={1.2} />
        <text x={W - PAD.right} y={y(thresholdSeconds) - 4} textAnchor="end" fontSize={10} fill="var(--color-bad)">alert at {formatLag(thresholdSeconds)}</text>
        {segments(points, gap).map((seg, i) => (
          <g key={i}>
            {props.bucketed ? <polyline points={line(seg, (p) => p.max)} fill="none" stroke="var(--color-warn)" strokeOpacity={0.45} strokeWidth={1} /> : null}
            <polyline points={line(seg, (p) => p.avg)} fill="none" stroke="var(--color-accent)" strokeWidth={1.8} strokeLinejoin="round" />
            {seg.length === 1 ? <circle cx={x(seg[0]!.tMs)} cy={y(seg[0]!.avg)} r={2.5} fill="var(--color-accent)" /> : null}
          </g>
        ))}
      </svg>
      <div className="relative h-4 text-[10px] text-faint" aria-hidden="true" style={{ marginLeft: `${(PAD.left / W) * 100}%`, marginRight: `${(PAD.right / W) * 100}%` }}>
        {ticks.map((t, i) => (
          <span key={t} className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: `${i * 25}%` }}><ClockLabel ms={t} withDay={toMs - fromMs > 86_400_000} /></span>
        ))}
      </div>
      <figcaption className="text-xs text-muted">
        {points.length ? <>Latest {formatLag(latest?.avg ?? 0)} · worst {formatLag(worst)}{props.bucketed ? ' · line: average per bucket, faint: worst' : ''}</> : 'No samples in this range yet.'}
      </figcaption>
    </figure>
  );
}
