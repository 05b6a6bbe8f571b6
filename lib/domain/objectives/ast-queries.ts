import type { TExpressionNode, TObjectiveAst } from './ast';
import { formatObjectiveExpression } from './format';

/** One `FNMATCH(pattern, subject)` found in an objective. */
export interface TFnmatchUse {
  /** The glob, exactly as written between the quotes. */
  readonly pattern: string;
  /** What it is tested against: `PATH`, `DPATH`, `NAME`, or the canonical text of any other subject. */
  readonly subject: string;
}

/** Every expression node in the tree, parents before children, left to right. */
export function* expressionNodes(ast: TObjectiveAst): Generator<TExpressionNode> {
  if (ast.kind === 'actions') return;
  if (ast.kind === 'if') {
    yield* expressionNodes(ast.condition);
    yield* expressionNodes(ast.then);
    if (ast.otherwise) yield* expressionNodes(ast.otherwise);
    return;
  }
  yield ast;
  for (const child of childrenOf(ast)) yield* expressionNodes(child);
}

function childrenOf(node: TExpressionNode): readonly TExpressionNode[] {
  switch (node.kind) {
    case 'call':
      return node.args;
    case 'member':
      return [node.object];
    case 'index':
      return [node.object, node.selector];
    case 'unary':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return node.alternate === null ? [node.test, node.consequent] : [node.test, node.consequent, node.alternate];
    default:
      return [];
  }
}

/**
 * The FNMATCH patterns in an objective, in source order, so the UI can preview which published
 * files each one selects. Only literal patterns are listed: a computed pattern has no text to
 * preview until the Anvil evaluates it.
 */
export function listFnmatchPatterns(ast: TObjectiveAst): TFnmatchUse[] {
  const uses: TFnmatchUse[] = [];
  for (const node of expressionNodes(ast)) {
    if (node.kind !== 'call' || node.name !== 'FNMATCH') continue;
    const [pattern, subject] = node.args;
    if (pattern?.kind !== 'string' || subject === undefined) continue;
    const subjectText = subject.kind === 'identifier' ? subject.name : formatObjectiveExpression(subject);
    uses.push({ pattern: pattern.value, subject: subjectText });
  }
  return uses;
}

/**
 * Every objective named in an `SLO('...')`, without repeats, in first-seen order. Objectives are
 * defined per site, so these are the names that must exist on each site the objective is applied to.
 */
export function listSloObjectives(ast: TObjectiveAst): string[] {
  const names: string[] = [];
  const visit = (node: TObjectiveAst): void => {
    if (node.kind === 'actions') {
      for (const name of node.objectives) if (!names.includes(name)) names.push(name);
    } else if (node.kind === 'if') {
      visit(node.then);
      if (node.otherwise) visit(node.otherwise);
    }
  };
  visit(ast);
  return names;
}
