/**
 * Evaluates objective expressions for one file, so that an objective like
 * IF FNMATCH("*.clip",PATH) THEN {SLO('place-on-local-volumes')} really decides where data goes.
 * Only what placement needs is modelled; unknown metadata (keywords, labels, tags) reads as absent.
 */
import { parseExpression, type Node } from './expression';

export interface FileContext {
  /** Namespace path: the share's export path followed by the path inside the share, e.g. /projects/a/b.clip. */
  path: string;
  isFile: boolean;
  size: number;
  dataOriginLocal: boolean;
  isOnline: boolean;
  modifiedMs: number;
  nowMs: number;
}

type Value = number | string | boolean | string[] | undefined;

const UNIT_FACTORS: Record<string, number> = {
  BYTE: 1, BYTES: 1, KB: 1e3, KBYTE: 1e3, KBYTES: 1e3, MB: 1e6, MBYTE: 1e6, MBYTES: 1e6, GB: 1e9, GBYTE: 1e9,
  GBYTES: 1e9, TB: 1e12, TBYTE: 1e12, TBYTES: 1e12, PB: 1e15, PBYTE: 1e15, PBYTES: 1e15, KIB: 1024, MIB: 1024 ** 2,
  GIB: 1024 ** 3, TIB: 1024 ** 4, SEC: 1, SECS: 1, SECOND: 1, SECONDS: 1, MIN: 60, MINS: 60, MINUTE: 60, MINUTES: 60,
  HOUR: 3600, HOURS: 3600, DAY: 86400, DAYS: 86400, WEEK: 604800, WEEKS: 604800, MONTH: 2592000, MONTHS: 2592000,
  YEAR: 31536000, YEARS: 31536000,
};

/** Shell glob without FNM_PATHNAME: `*` crosses `/`, as Hammerspace's own `*\/archive/*` example implies. */
export function fnmatch(pattern: string, subject: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i] as string);
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, 's').test(subject);
}

function escapeRe(c: string): string {
  return c.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

const cache = new Map<string, Node>();
function ast(src: string): Node {
  let n = cache.get(src);
  if (!n) {
    n = parseExpression(src);
    if (cache.size > 500) cache.clear();
    cache.set(src, n);
  }
  return n;
}

function truthy(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return Boolean(v);
}

function identifier(name: string, f: FileContext): Value {
  const ageSecs = Math.max(0, (f.nowMs - f.modifiedMs) / 1000);
  switch (name) {
    case 'PATH': case 'DPATH': return f.path;
    case 'NAME': return f.path.split('/').pop() ?? '';
    case 'TRUE': return true;
    case 'FALSE': return false;
    case 'IS_FILE': return f.isFile;
    case 'IS_DIR': return !f.isFile;
    case 'IS_LIVE': return true;
    case 'IS_ONLINE': return f.isOnline;
    case 'DATA_ORIGIN_LOCAL': return f.dataOriginLocal;
    case 'SIZE': case 'SPACE_USED': return f.size;
    case 'NOW': return f.nowMs / 1000;
    case 'LAST_USE_AGE': case 'ACCESS_AGE': case 'MODIFY_AGE': case 'CREATE_AGE': return ageSecs;
    case 'ERRORS': return 0;
    case 'VERSION': return 1;
    default: return UNIT_FACTORS[name] ?? undefined;
  }
}

function evaluate(n: Node, f: FileContext): Value {
  switch (n.k) {
    case 'if':
      if (truthy(evaluate(n.cond, f))) return evaluate(n.then, f);
      return n.else ? evaluate(n.else, f) : [];
    case 'set': return n.items.map((i) => i.name);
    case 'num': return n.v * (n.unit ? (UNIT_FACTORS[n.unit] ?? 1) : 1);
    case 'str': return n.v;
    case 'id': return identifier(n.name, f);
    case 'not': return !truthy(evaluate(n.e, f));
    case 'neg': return -Number(evaluate(n.e, f));
    case 'ternary': return truthy(evaluate(n.c, f)) ? evaluate(n.a, f) : n.b ? evaluate(n.b, f) : undefined;
    case 'member': case 'index': return undefined;
    case 'call': {
      const args = n.args.map((a) => evaluate(a, f));
      if (n.name === 'FNMATCH') return fnmatch(String(args[0] ?? ''), String(args[1] ?? ''));
      if (n.name === 'SLO') return [String(args[0] ?? '')];
      if (n.name === 'IFERROR') return args[0] ?? args[1];
      return undefined;
    }
    case 'bin': {
      if (n.op === 'AND') return truthy(evaluate(n.l, f)) && truthy(evaluate(n.r, f));
      if (n.op === 'OR') return truthy(evaluate(n.l, f)) || truthy(evaluate(n.r, f));
      const l = evaluate(n.l, f);
      const r = evaluate(n.r, f);
      switch (n.op) {
        case '==': return l === r || String(l) === String(r);
        case '!=': return !(l === r || String(l) === String(r));
        case '<': return Number(l) < Number(r);
        case '>': return Number(l) > Number(r);
        case '<=': return Number(l) <= Number(r);
        case '>=': return Number(l) >= Number(r);
        case '+': return typeof l === 'string' || typeof r === 'string' ? `${l ?? ''}${r ?? ''}` : Number(l) + Number(r);
        case '-': return Number(l) - Number(r);
        case '*': return Number(l) * Number(r);
        case '/': return Number(l) / Number(r);
        default: return undefined;
      }
    }
  }
}

/** The SLO names an expression objective selects for this file (empty when no branch applies). */
export function selectedSlos(expression: string, f: FileContext): string[] {
  try {
    const v = evaluate(ast(expression), f);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** An applicability expression: TRUE unless it evaluates false (an unparsable one never applies). */
export function applies(applicability: string | undefined, f: FileContext): boolean {
  if (!applicability || applicability.trim().toUpperCase() === 'TRUE') return true;
  try {
    return truthy(evaluate(ast(applicability), f));
  } catch {
    return false;
  }
}
