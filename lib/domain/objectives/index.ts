// Public surface of the objective-expression module. Callers (services, the objective editor)
// import from here only, so the tokenizer and parser internals can change freely.
//
// The language is Hammerspace's objective expression language ("Hammerscript"), as rebuilt from
// examples in the research notes; the Anvil's GET /objectives/validate/{exp} stays the final
// authority. This parser gives instant, positioned feedback in the browser before that call.

/** The syntax tree, the error shape and the parse result. */
export type {
  TActionBlockNode,
  TBinaryNode,
  TBinaryOperator,
  TBooleanNode,
  TBranchNode,
  TCallNode,
  TComparisonOperator,
  TConditionalNode,
  TExpressionNode,
  TIdentifierNode,
  TIfNode,
  TIndexNode,
  TMemberNode,
  TNumberNode,
  TObjectiveAst,
  TObjectiveParseError,
  TObjectiveParseResult,
  TStringNode,
  TUnaryNode,
  TUnaryOperator,
} from './ast';
/** Zod schema of one parse error ({ message, line, column, length? }, 1-based). */
export { ZObjectiveParseError } from './ast';

/** Parses objective text into an AST, or positioned errors. Never throws. */
export { parseObjectiveExpression, MAX_EXPRESSION_LENGTH } from './parser';
/** Deepest nesting the parser accepts before reporting an error. */
export { MAX_NESTING_DEPTH } from './parser-state';

/** Canonical text for an AST (single line by default; `multi-line` for display). */
export { formatObjectiveExpression, type TFormatOptions } from './format';

/** FNMATCH patterns with their subject, SLO targets, and a walk over expression nodes. */
export { listFnmatchPatterns, listSloObjectives, expressionNodes, type TFnmatchUse } from './ast-queries';

/** POSIX fnmatch (no flags by default: `*` crosses `/`), and a compiled form for many paths. */
export { fnmatch, compileFnmatch, type TFnmatchFlags } from './fnmatch';

/** Naming rules for objectives, as a function and as a Zod schema. */
export {
  validateObjectiveName,
  ZObjectiveName,
  MAX_OBJECTIVE_NAME_LENGTH,
  type TObjectiveName,
  type TObjectiveNameCheck,
} from './objective-name';

/** The studio's ready-made objectives (Open Clips and Batch setups local). */
export {
  STUDIO_PRESETS,
  findStudioPreset,
  ZStudioPreset,
  ZPresetScope,
  type TStudioPreset,
  type TPresetScope,
} from './presets';

/** The known words of the language, for editor completion. */
export { KEYWORDS, FUNCTIONS, IDENTIFIERS, UNITS, type TFunctionSpec } from './vocabulary';
