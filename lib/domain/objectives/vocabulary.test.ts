import { describe, expect, it } from 'vitest';
import {
  FUNCTIONS,
  IDENTIFIERS,
  KEYWORDS,
  UNITS,
  editDistance,
  functionSpec,
  isKeyword,
  isKnownIdentifier,
  isKnownUnit,
  suggest,
  suggestFunction,
  suggestIdentifier,
  suggestUnit,
} from './vocabulary';

describe('known words', () => {
  it('covers the functions the reference lists, with their arity', () => {
    for (const name of ['SLO', 'FNMATCH', 'HAS_KEYWORD', 'HAS_LABEL', 'GET_TAG', 'HAS_TAG', 'GET_ATTRIBUTE',
      'STORAGE_VOLUME', 'VIRUS_SCAN_STATE', 'ALIGNMENT', 'EXPRESSION', 'EXPRESSION_FROM_TEXT',
      'EXPRESSION_FROM_JSON', 'ROWS', 'ISNA', 'IFERROR', 'COLLECTION']) {
      expect(FUNCTIONS[name], name).toBeDefined();
    }
    expect(functionSpec('fnmatch')).toEqual({ minArgs: 2, maxArgs: 2 });
    expect(functionSpec('rows')).toEqual({ minArgs: 0, maxArgs: 1 });
  });

  it('covers the identifiers and units the reference lists', () => {
    for (const name of ['PATH', 'DPATH', 'IS_LIVE', 'IS_FILE', 'IS_ONLINE', 'IS_OPEN', 'IS_BEING_CREATED',
      'IS_UNDELETE', 'DATA_ORIGIN_LOCAL', 'LAST_USE_AGE', 'ACCESS_AGE', 'SIZE', 'SPACE_USED', 'VERSION',
      'NOW', 'OWNER', 'OWNER_GROUP', 'ERRORS', 'VOLUME_GROUPS', 'STORAGE_VOLUMES', 'INSTANCES', 'THIS',
      'OVERALL_ALIGNMENT', 'ATTRIBUTES', 'LIST_OBJECTIVES_ACTIVE', 'KEEP_ON_SITES']) {
      expect(IDENTIFIERS, name).toContain(name);
    }
    for (const unit of ['HOUR', 'HOURS', 'DAYS', 'MBYTES', 'KBYTES', 'KB', 'BYTE', 'BYTES']) {
      expect(UNITS, unit).toContain(unit);
    }
  });

  it('matches words case-insensitively', () => {
    expect(isKeyword('then')).toBe(true);
    expect(isKeyword('PATH')).toBe(false);
    expect(isKnownIdentifier('is_file')).toBe(true);
    expect(isKnownIdentifier('IS_FILES')).toBe(false);
    expect(isKnownUnit('kBytes')).toBe(true);
    expect(isKnownUnit('XB')).toBe(false);
    expect(KEYWORDS).toEqual(['IF', 'THEN', 'ELSE', 'AND', 'OR', 'NOT', 'TRUE', 'FALSE']);
  });

  it('does not mistake inherited object properties for functions', () => {
    expect(functionSpec('constructor')).toBeUndefined();
    expect(functionSpec('toString')).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one step', () => {
    expect(editDistance('FNMACH', 'FNMATCH')).toBe(1);
    expect(editDistance('FNMATCHH', 'FNMATCH')).toBe(1);
    expect(editDistance('FNMETCH', 'FNMATCH')).toBe(1);
    expect(editDistance('PAHT', 'PATH')).toBe(1);
    expect(editDistance('', 'ABC')).toBe(3);
    expect(editDistance('SAME', 'SAME')).toBe(0);
  });
});

describe('suggest', () => {
  it('offers the nearest word for a plausible typo', () => {
    expect(suggestFunction('fnmach')).toBe('FNMATCH');
    expect(suggestFunction('HAS_LABLE')).toBe('HAS_LABEL');
    expect(suggestIdentifier('PAHT')).toBe('PATH');
    expect(suggestIdentifier('ISFILE')).toBe('IS_FILE');
    expect(suggestIdentifier('TRU')).toBe('TRUE');
    expect(suggestUnit('HOURZ')).toBe('HOUR or HOURS');
  });

  it('stays quiet when the word is far from everything or the choice is a guess', () => {
    expect(suggestFunction('COMPLETELY_DIFFERENT')).toBeUndefined();
    expect(suggestIdentifier('B')).toBeUndefined();
    expect(suggestUnit('XB')).toBeUndefined();
    expect(suggest('ABC', [])).toBeUndefined();
  });
});
