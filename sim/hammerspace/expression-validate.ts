/**
 * `/objectives/validate/{exp}`: syntax first, then names (functions, identifiers and the objectives
 * named by SLO('...'), which must exist on this Anvil, since objectives are defined per site).
 */
import { ExpressionError, UNITS } from './expression-lexer';
import { parseExpression, type Node } from './expression';

/** Functions seen in Hammerspace examples (reference 2.3), with [min, max] argument counts. */
const FUNCTIONS: Record<string, [number, number]> = {
  SLO: [1, 1], FNMATCH: [2, 2], HAS_KEYWORD: [1, 1], HAS_LABEL: [1, 1], HAS_TAG: [1, 1], GET_TAG: [1, 1],
  GET_ATTRIBUTE: [1, 1], STORAGE_VOLUME: [1, 1], VOLUME_GROUP: [1, 1], VIRUS_SCAN_STATE: [1, 1], ALIGNMENT: [1, 1],
  EXPRESSION: [1, 1], EXPRESSION_FROM_TEXT: [1, 1], EXPRESSION_FROM_JSON: [1, 1], COLLECTION: [1, 1], ROWS: [1, 1],
  ISNA: [1, 1], IFERROR: [2, 2], DUMP_INODE: [0, 1], SUM: [1, 1], COUNT: [1, 1], MIN: [1, 2], MAX: [1, 2],
};

const IDENTIFIERS = new Set([
  'PATH', 'DPATH', 'NAME', 'IS_LIVE', 'IS_FILE', 'IS_DIR', 'IS_ONLINE', 'IS_OPEN', 'IS_BEING_CREATED', 'IS_UNDELETE',
  'DATA_ORIGIN_LOCAL', 'LAST_USE_AGE', 'ACCESS_AGE', 'MODIFY_AGE', 'CREATE_AGE', 'SIZE', 'SPACE_USED', 'VERSION', 'NOW',
  'OWNER', 'OWNER_GROUP', 'ERRORS', 'VOLUME_GROUPS', 'STORAGE_VOLUMES', 'INSTANCES', 'ROW', 'OVERALL_ALIGNMENT',
  'ATTRIBUTES', 'THIS', 'TRUE', 'FALSE', 'LIST_OBJECTIVES_ACTIVE', 'SUMS_TABLE', 'TOP10_TABLE', '#EMPTY',
  'KEEP_ON_SITES', 'REPLICATION_DETAILS', 'SWEEP_DETAILS', 'ASSIMILATION_DETAILS', 'DUMP_INODE', 'NUMBER_UP',
  ...UNITS,
]);

export interface ExpressionProblem {
  line: number;
  column: number;
  message: string;
  preferred: boolean;
}

export interface HammerscriptResponse {
  result: number;
  ok: boolean;
  output: string;
  errors: ExpressionProblem[];
  completions: string[];
  alternatives: string[];
}

function walk(node: Node, visit: (n: Node, inSelector: boolean) => void, inSelector = false): void {
  visit(node, inSelector);
  switch (node.k) {
    case 'if': walk(node.cond, visit, inSelector); walk(node.then, visit, inSelector); if (node.else) walk(node.else, visit, inSelector); break;
    case 'bin': walk(node.l, visit, inSelector); walk(node.r, visit, inSelector); break;
    case 'not': case 'neg': walk(node.e, visit, inSelector); break;
    case 'call': node.args.forEach((a) => walk(a, visit, inSelector)); break;
    case 'member': walk(node.obj, visit, inSelector); break;
    case 'index': walk(node.obj, visit, inSelector); walk(node.sel, visit, true); break;
    case 'ternary': walk(node.c, visit, inSelector); walk(node.a, visit, inSelector); if (node.b) walk(node.b, visit, inSelector); break;
    default: break;
  }
}

export function checkExpression(src: string, knownObjectives: (name: string) => boolean): ExpressionProblem[] {
  let ast: Node;
  try {
    ast = parseExpression(src);
  } catch (e) {
    if (e instanceof ExpressionError) return [{ line: e.line, column: e.column, message: e.message, preferred: true }];
    throw e;
  }
  const problems: ExpressionProblem[] = [];
  const add = (line: number, column: number, message: string) => problems.push({ line, column, message, preferred: false });
  walk(ast, (n, inSelector) => {
    if (n.k === 'set') {
      for (const item of n.items) {
        if (!knownObjectives(item.name)) add(item.at.line, item.at.column, `Unknown objective '${item.name}' in SLO(...)`);
      }
    } else if (n.k === 'call') {
      const arity = FUNCTIONS[n.name];
      if (!arity) add(n.at.line, n.at.column, `Unknown function '${n.at.value}'`);
      else if (n.args.length < arity[0] || n.args.length > arity[1]) {
        add(n.at.line, n.at.column, `${n.at.value} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} argument(s), got ${n.args.length}`);
      } else if (n.name === 'SLO') {
        const arg = n.args[0];
        if (arg?.k !== 'str') add(n.at.line, n.at.column, "SLO(...) takes a quoted objective name");
        else if (!knownObjectives(arg.v)) add(arg.at.line, arg.at.column, `Unknown objective '${arg.v}' in SLO(...)`);
      }
    } else if (n.k === 'id' && !inSelector && !IDENTIFIERS.has(n.name)) {
      add(n.at.line, n.at.column, `Unknown identifier '${n.at.value}'`);
    }
  });
  return problems;
}

export function validateResponse(src: string, knownObjectives: (name: string) => boolean): HammerscriptResponse {
  const errors = checkExpression(src, knownObjectives);
  if (errors[0]) errors[0].preferred = true;
  return { result: errors.length ? 1 : 0, ok: errors.length === 0, output: errors.length ? '' : 'OK', errors, completions: [], alternatives: [] };
}
