import type { TBranchNode, TExpressionNode, TIfNode, TObjectiveAst } from './ast';

// Canonical text follows the reference examples' spelling: upper-case words, `FNMATCH("*.clip",PATH)`
// with no space after commas, double quotes for strings and single quotes inside SLO(...).
// Parentheses are printed only where the parser needs them, plus two places where a reader might
// guess wrong: a mix of AND and OR (the real precedence is not documented) and the operand of NOT.

export interface TFormatOptions {
  /**
   * `single-line` (default) is what gets stored on the Anvil; `multi-line` puts THEN and ELSE on
   * their own lines and indents nested IFs, for display.
   */
  readonly layout?: 'single-line' | 'multi-line';
}

/** Precedence levels, loosest first; mirrors the parser's grammar. */
const LEVEL = { conditional: 1, or: 2, and: 3, not: 4, compare: 5, sum: 6, product: 7, negate: 8, postfix: 9 };

function levelOf(node: TExpressionNode): number {
  switch (node.kind) {
    case 'conditional':
      return LEVEL.conditional;
    case 'unary':
      return node.op === 'NOT' ? LEVEL.not : LEVEL.negate;
    case 'binary':
      if (node.op === 'OR') return LEVEL.or;
      if (node.op === 'AND') return LEVEL.and;
      if (node.op === '+' || node.op === '-') return LEVEL.sum;
      if (node.op === '*' || node.op === '/') return LEVEL.product;
      return LEVEL.compare;
    default:
      return LEVEL.postfix;
  }
}

/** Prints an objective AST as canonical text that parses back to an equal AST. */
export function formatObjectiveExpression(ast: TObjectiveAst, options: TFormatOptions = {}): string {
  if (ast.kind === 'if') {
    return options.layout === 'multi-line' ? ifLines(ast, '').join('\n') : ifInline(ast);
  }
  if (ast.kind === 'actions') return actionBlock(ast.objectives);
  return expression(ast);
}

function ifInline(node: TIfNode): string {
  const then = node.then.kind === 'if' ? `(${ifInline(node.then)})` : branchInline(node.then);
  const head = `IF ${expression(node.condition)} THEN ${then}`;
  return node.otherwise === null ? head : `${head} ELSE ${branchInline(node.otherwise)}`;
}

function branchInline(node: TBranchNode): string {
  return node.kind === 'if' ? ifInline(node) : actionBlock(node.objectives);
}

function ifLines(node: TIfNode, pad: string): string[] {
  const lines = [`${pad}IF ${expression(node.condition)}`];
  if (node.then.kind === 'if') {
    // Always parenthesised after THEN, so a following ELSE can only belong to this IF.
    lines.push(`${pad}THEN (`, ...ifLines(node.then, `${pad}  `), `${pad})`);
  } else {
    lines.push(`${pad}THEN ${actionBlock(node.then.objectives)}`);
  }
  if (node.otherwise?.kind === 'if') {
    const [first = '', ...rest] = ifLines(node.otherwise, pad);
    lines.push(`${pad}ELSE ${first.trimStart()}`, ...rest);
  } else if (node.otherwise) {
    lines.push(`${pad}ELSE ${actionBlock(node.otherwise.objectives)}`);
  }
  return lines;
}

function actionBlock(objectives: readonly string[]): string {
  return `{${objectives.map((name) => `SLO(${quote(name, "'")})`).join(',')}}`;
}

/** Uses the preferred quote unless the text contains it; strings have no escapes to fall back on. */
function quote(value: string, preferred: '"' | "'"): string {
  const other = preferred === '"' ? "'" : '"';
  const q = value.includes(preferred) && !value.includes(other) ? other : preferred;
  return `${q}${value}${q}`;
}

function expression(node: TExpressionNode): string {
  switch (node.kind) {
    case 'number':
      return `${node.text}${node.unit ?? ''}`;
    case 'string':
      return quote(node.value, '"');
    case 'boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'identifier':
      return node.name;
    case 'call':
      return `${node.name}(${node.args.map(expression).join(',')})`;
    case 'member':
      return `${wrap(node.object, LEVEL.postfix)}.${node.member}`;
    case 'index':
      return `${wrap(node.object, LEVEL.postfix)}[${node.filter ? '|' : ''}${expression(node.selector)}]`;
    case 'unary':
      if (node.op === '-') {
        // `--x` would read like a decrement operator, so a double negation keeps its parentheses.
        const nested = node.operand.kind === 'unary' && node.operand.op === '-';
        return `-${nested ? `(${expression(node.operand)})` : wrap(node.operand, LEVEL.negate)}`;
      }
      return `NOT ${node.operand.kind === 'binary' ? `(${expression(node.operand)})` : wrap(node.operand, LEVEL.not)}`;
    case 'conditional': {
      const head = `${wrap(node.test, LEVEL.or)} ? ${wrap(node.consequent, LEVEL.or)}`;
      return node.alternate === null ? head : `${head} : ${expression(node.alternate)}`;
    }
    case 'binary': {
      const level = levelOf(node);
      // Left-associative: the left side may share the level, the right side must bind tighter.
      // Comparisons do not chain, so both of their sides must bind tighter.
      const leftMin = level === LEVEL.compare ? level + 1 : level;
      const mixesLogic = (child: TExpressionNode): boolean =>
        (node.op === 'OR' || node.op === 'AND') && child.kind === 'binary'
        && (child.op === 'OR' || child.op === 'AND') && child.op !== node.op;
      const side = (child: TExpressionNode, min: number): string =>
        mixesLogic(child) ? `(${expression(child)})` : wrap(child, min);
      return `${side(node.left, leftMin)} ${node.op} ${side(node.right, level + 1)}`;
    }
  }
}

function wrap(node: TExpressionNode, minimum: number): string {
  const text = expression(node);
  return levelOf(node) < minimum ? `(${text})` : text;
}
