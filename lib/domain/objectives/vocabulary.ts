// The words the objective language knows. Hammerspace publishes no grammar, so this list is the
// one in the research notes (hammerspace-api.md §2.3), gathered from Hammerspace's own playbooks,
// CLI and examples. Anything not listed is reported as unknown, with the nearest known word, so a
// typo is caught in the browser before the Anvil's /objectives/validate is ever called.

/** Words with grammatical meaning; matched case-insensitively like everything else. */
export const KEYWORDS = ['IF', 'THEN', 'ELSE', 'AND', 'OR', 'NOT', 'TRUE', 'FALSE'] as const;

export interface TFunctionSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
}

// Arity comes from the examples; where only one call shape was seen the range is that shape,
// except the keep-on-site helpers, whose argument lists were never seen and are left loose.
export const FUNCTIONS: Readonly<Record<string, TFunctionSpec>> = {
  SLO: { minArgs: 1, maxArgs: 1 },
  FNMATCH: { minArgs: 2, maxArgs: 2 },
  HAS_KEYWORD: { minArgs: 1, maxArgs: 1 },
  HAS_LABEL: { minArgs: 1, maxArgs: 1 },
  HAS_TAG: { minArgs: 1, maxArgs: 1 },
  GET_TAG: { minArgs: 1, maxArgs: 1 },
  GET_ATTRIBUTE: { minArgs: 1, maxArgs: 1 },
  STORAGE_VOLUME: { minArgs: 1, maxArgs: 1 },
  VIRUS_SCAN_STATE: { minArgs: 1, maxArgs: 1 },
  ALIGNMENT: { minArgs: 1, maxArgs: 1 },
  EXPRESSION: { minArgs: 1, maxArgs: 1 },
  EXPRESSION_FROM_TEXT: { minArgs: 1, maxArgs: 1 },
  EXPRESSION_FROM_JSON: { minArgs: 1, maxArgs: 1 },
  ADD_KEEP_ON_SITE: { minArgs: 1, maxArgs: 2 },
  HAS_KEEP_ON_SITE: { minArgs: 1, maxArgs: 2 },
  DELETE_KEEP_ON_SITE: { minArgs: 1, maxArgs: 2 },
  ROWS: { minArgs: 0, maxArgs: 1 },
  ISNA: { minArgs: 1, maxArgs: 1 },
  IFERROR: { minArgs: 2, maxArgs: 2 },
  COLLECTION: { minArgs: 1, maxArgs: 1 },
};

// NAME is not in the notes as a file attribute (only as a table column inside a selector);
// it is accepted because FNMATCH(pattern, NAME) is the natural way to test a base name and
// the Anvil's validator, not this list, is the final word.
const FILE_IDENTIFIERS = [
  'PATH', 'DPATH', 'NAME', 'ATTRIBUTES', 'LIST_OBJECTIVES_ACTIVE',
  'IS_LIVE', 'IS_FILE', 'IS_ONLINE', 'IS_OPEN', 'IS_BEING_CREATED', 'IS_UNDELETE', 'DATA_ORIGIN_LOCAL',
  'LAST_USE_AGE', 'ACCESS_AGE', 'SIZE', 'SPACE_USED', 'VERSION', 'NOW', 'OWNER', 'OWNER_GROUP', 'ERRORS',
];

const SYSTEM_IDENTIFIERS = [
  'VOLUME_GROUPS', 'STORAGE_VOLUMES', 'INSTANCES', 'OVERALL_ALIGNMENT', 'THIS',
  'REPLICATION_DETAILS', 'SWEEP_DETAILS', 'ASSIMILATION_DETAILS', 'KEEP_ON_SITES',
  'SUMS_TABLE', 'TOP10_TABLE', 'DUMP_INODE',
];

// Seen: HOUR(S), DAYS, MBYTES, KBYTES, KB, BYTE(S). The rest complete the same families so
// that `2WEEKS` or `5GB` are not flagged; they are an inference, not an observation.
export const UNITS: readonly string[] = [
  'BYTE', 'BYTES', 'KBYTE', 'KBYTES', 'MBYTE', 'MBYTES', 'GBYTE', 'GBYTES', 'TBYTE', 'TBYTES',
  'PBYTE', 'PBYTES', 'KB', 'MB', 'GB', 'TB', 'PB',
  'SECOND', 'SECONDS', 'MINUTE', 'MINUTES', 'HOUR', 'HOURS', 'DAY', 'DAYS', 'WEEK', 'WEEKS',
];

// Units double as constants (`3*HOURS`), so they are identifiers too.
export const IDENTIFIERS: readonly string[] = [...FILE_IDENTIFIERS, ...SYSTEM_IDENTIFIERS, ...UNITS];

/** Identifiers that name a path-like value FNMATCH can test. */
export const PATH_SUBJECTS: readonly string[] = ['PATH', 'DPATH', 'NAME'];

const keywordSet = new Set<string>(KEYWORDS);
const identifierSet = new Set(IDENTIFIERS);
const unitSet = new Set(UNITS);

export const isKeyword = (word: string): boolean => keywordSet.has(word.toUpperCase());
export const isKnownIdentifier = (word: string): boolean => identifierSet.has(word.toUpperCase());
export const isKnownUnit = (word: string): boolean => unitSet.has(word.toUpperCase());
export const functionSpec = (word: string): TFunctionSpec | undefined =>
  Object.hasOwn(FUNCTIONS, word.toUpperCase()) ? FUNCTIONS[word.toUpperCase()] : undefined;

/** Edit distance with adjacent transpositions, so `PAHT` is one step from `PATH`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The closest candidate (or two, joined by "or"), or undefined when nothing is close enough to
 * be a plausible typo. The allowance grows with length so short words are not "corrected" to
 * unrelated ones.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const upper = word.toUpperCase();
  const allowance = Math.max(1, Math.floor(upper.length / 3));
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    const distance = editDistance(upper, candidate);
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance) {
      best.push(candidate);
    }
  }
  // Two equally close words (MBYTE or MBYTES) are both worth showing; more (XB: GB, KB, MB...)
  // or a rewrite of the whole word would be a guess rather than a correction.
  if (bestDistance > allowance || bestDistance >= upper.length || best.length > 2) return undefined;
  return best.join(' or ');
}

export const suggestFunction = (word: string): string | undefined => suggest(word, Object.keys(FUNCTIONS));
export const suggestIdentifier = (word: string): string | undefined =>
  suggest(word, [...IDENTIFIERS, 'TRUE', 'FALSE']);
export const suggestUnit = (word: string): string | undefined => suggest(word, UNITS);
