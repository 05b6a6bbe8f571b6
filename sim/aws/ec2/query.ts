import { invalidParameterValue, missingParameter } from '../errors';

/**
 * A view over the flattened EC2 query parameters (`Filter.1.Value.2=…`). `structs('Filter')` yields one
 * view per index, so nested lists parse with the same three calls at every depth.
 */
export class QueryParams {
  constructor(private readonly map: Map<string, string>) {}

  static parse(body: string): QueryParams {
    return new QueryParams(new Map(new URLSearchParams(body)));
  }

  get(name: string): string | undefined {
    return this.map.get(name);
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  required(name: string): string {
    const v = this.map.get(name);
    if (v === undefined || v === '') throw missingParameter(name);
    return v;
  }

  int(name: string): number | undefined {
    const v = this.map.get(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) throw invalidParameterValue(`Invalid value '${v}' for ${name}`);
    return Number(v);
  }

  bool(name: string): boolean | undefined {
    const v = this.map.get(name);
    if (v === undefined) return undefined;
    if (v !== 'true' && v !== 'false') throw invalidParameterValue(`Invalid value '${v}' for ${name}`);
    return v === 'true';
  }

  /** `InstanceId.1`, `InstanceId.2`, … in index order (AWS tolerates gaps). */
  list(name: string): string[] {
    const found: Array<[number, string]> = [];
    const prefix = `${name}.`;
    for (const [k, v] of this.map) {
      if (!k.startsWith(prefix)) continue;
      const rest = k.slice(prefix.length);
      if (/^\d+$/.test(rest)) found.push([Number(rest), v]);
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }

  struct(name: string): QueryParams | undefined {
    const prefix = `${name}.`;
    const sub = new Map<string, string>();
    for (const [k, v] of this.map) if (k.startsWith(prefix)) sub.set(k.slice(prefix.length), v);
    return sub.size ? new QueryParams(sub) : undefined;
  }

  structs(name: string): QueryParams[] {
    const groups = new Map<number, Map<string, string>>();
    const prefix = `${name}.`;
    for (const [k, v] of this.map) {
      if (!k.startsWith(prefix)) continue;
      const m = /^(\d+)\.(.+)$/.exec(k.slice(prefix.length));
      if (!m) continue;
      const index = Number(m[1]);
      let g = groups.get(index);
      if (!g) groups.set(index, (g = new Map()));
      g.set(m[2] as string, v);
    }
    return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => new QueryParams(g));
  }

  /** Every parameter except the ones that legitimately differ between retries of one request. */
  fingerprint(): string {
    const skip = new Set(['Action', 'Version', 'ClientToken', 'DryRun']);
    return JSON.stringify([...this.map].filter(([k]) => !skip.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

export function parseTags(params: QueryParams, name = 'Tag'): Array<[string, string]> {
  return params.structs(name).map((t) => [t.get('Key') ?? '', t.get('Value') ?? '']);
}
