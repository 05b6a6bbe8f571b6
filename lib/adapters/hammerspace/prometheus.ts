/**
 * The Prometheus text exposition format (version 0.0.4), as the Anvil's exporters serve it: comments,
 * `name{label="value",...} value [timestamp]`. Only what replication lag needs is kept: names, labels
 * and values; NaN and infinities are dropped.
 */
import type { TMetricSample } from '@/lib/domain/hammerspace/types';

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?\s*$/;

function parseLabels(raw: string): Record<string, string> | null {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < raw.length) {
    const m = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"/.exec(raw.slice(i));
    if (!m) return raw.slice(i).trim().replace(/^,/, '').trim() === '' ? labels : null;
    i += m[0].length;
    let value = '';
    for (;;) {
      const c = raw[i];
      if (c === undefined) return null;
      i += 1;
      if (c === '"') break;
      if (c === '\\') {
        const next = raw[i];
        i += 1;
        value += next === 'n' ? '\n' : (next ?? '');
      } else value += c;
    }
    labels[m[1] as string] = value;
    const rest = /^\s*,?/.exec(raw.slice(i));
    i += rest?.[0].length ?? 0;
  }
  return labels;
}

export function parsePrometheusText(text: string): TMetricSample[] {
  const out: TMetricSample[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const m = LINE.exec(trimmed);
    if (!m) continue;
    const value = Number(m[4]);
    if (!Number.isFinite(value)) continue;
    const labels = m[3] === undefined ? {} : parseLabels(m[3]);
    if (labels) out.push({ name: m[1] as string, labels, value });
  }
  return out;
}
