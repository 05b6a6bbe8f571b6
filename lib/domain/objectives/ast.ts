import { z } from 'zod';

// The AST deliberately carries no source positions: two texts that mean the same thing (case,
// spacing, `&&` vs `AND`, redundant parentheses) parse to structurally equal trees, which is what
// makes "format then parse again" checkable with a plain deep-equality.

/** A `{ SLO('a'), SLO('b') }` block: the objectives applied when its branch is taken. */
export interface TActionBlockNode {
  readonly kind: 'actions';
  readonly objectives: readonly string[];
}

/** `IF cond THEN branch [ELSE branch]`; an ELSE IF chain nests in `otherwise`. */
export interface TIfNode {
  readonly kind: 'if';
  readonly condition: TExpressionNode;
  readonly then: TBranchNode;
  readonly otherwise: TBranchNode | null;
}

export type TBranchNode = TActionBlockNode | TIfNode;

export interface TNumberNode {
  readonly kind: 'number';
  /** Normalised decimal digits (no leading or trailing zeros), kept as text to round-trip exactly. */
  readonly text: string;
  readonly value: number;
  /** Upper-case unit suffix written against the digits (`7DAYS`), else null. */
  readonly unit: string | null;
}

export interface TStringNode {
  readonly kind: 'string';
  readonly value: string;
}

export interface TBooleanNode {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface TIdentifierNode {
  readonly kind: 'identifier';
  /** Upper case: the language is case-insensitive. */
  readonly name: string;
}

export interface TCallNode {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly TExpressionNode[];
}

/** `object.member`; the member keeps its spelling because attribute names are user data. */
export interface TMemberNode {
  readonly kind: 'member';
  readonly object: TExpressionNode;
  readonly member: string;
}

/** `object[selector]`, or the filter form `object[|selector]` seen as `VOLUME_GROUPS[|NAME="x"]`. */
export interface TIndexNode {
  readonly kind: 'index';
  readonly object: TExpressionNode;
  readonly filter: boolean;
  readonly selector: TExpressionNode;
}

export type TUnaryOperator = 'NOT' | '-';

export interface TUnaryNode {
  readonly kind: 'unary';
  readonly op: TUnaryOperator;
  readonly operand: TExpressionNode;
}

// `=` stays distinct from `==`: hstk uses `=` for assignment too, so folding it could change meaning.
export type TComparisonOperator = '==' | '=' | '!=' | '<' | '>' | '<=' | '>=';
export type TBinaryOperator = 'AND' | 'OR' | TComparisonOperator | '+' | '-' | '*' | '/';

export interface TBinaryNode {
  readonly kind: 'binary';
  readonly op: TBinaryOperator;
  readonly left: TExpressionNode;
  readonly right: TExpressionNode;
}

/** `test ? consequent [: alternate]`, the hstk query and applicability form. */
export interface TConditionalNode {
  readonly kind: 'conditional';
  readonly test: TExpressionNode;
  readonly consequent: TExpressionNode;
  readonly alternate: TExpressionNode | null;
}

export type TExpressionNode =
  | TNumberNode
  | TStringNode
  | TBooleanNode
  | TIdentifierNode
  | TCallNode
  | TMemberNode
  | TIndexNode
  | TUnaryNode
  | TBinaryNode
  | TConditionalNode;

/** A whole objective text: an IF statement, a bare action block, or a value (applicability). */
export type TObjectiveAst = TIfNode | TActionBlockNode | TExpressionNode;

/**
 * One problem in the text, pointing at the offending token. Line and column are 1-based; columns
 * and length count UTF-16 code units, as browser editors do.
 */
export const ZObjectiveParseError = z.object({
  message: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  length: z.number().int().min(1).optional(),
});
export type TObjectiveParseError = z.infer<typeof ZObjectiveParseError>;

export type TObjectiveParseResult =
  | { readonly ok: true; readonly ast: TObjectiveAst }
  | { readonly ok: false; readonly errors: readonly TObjectiveParseError[] };
