import { describe, expect, it } from 'vitest';
import { auditCsvLine, csvCell, csvLine } from './audit-csv';

describe('audit CSV cells', () => {
  it('quotes every cell and doubles embedded quotes, so commas and newlines stay inside their cell', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(csvLine(['a', null, undefined])).toBe('"a","",""\r\n');
  });

  it('defuses spreadsheet formulas: a leading = + - @ tab or CR gets an apostrophe', () => {
    for (const evil of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const cell = csvCell(evil);
      expect(cell.startsWith(`"'`)).toBe(true);
      expect(cell.slice(2, -1).replace(/""/g, '"')).toBe(evil);
    }
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('writes JSON data as JSON and defuses it too when it could be read as a formula', () => {
    expect(csvCell({ roles: ['admin'] })).toBe('"{""roles"":[""admin""]}"');
    expect(csvCell(-5)).toBe(`"'-5"`);
  });

  it('writes one audit row as one CRLF-terminated line with the UTC instant', () => {
    const line = auditCsvLine({ id: 7n, at: new Date('2026-11-25T10:00:00Z'), actorLabel: 'a@b', actorId: null, action: 'site.create', entityType: 'site', entityId: 's1', summary: '=cmd', data: null });
    expect(line).toBe(`"7","2026-11-25T10:00:00.000Z","a@b","","site.create","site","s1","'=cmd",""\r\n`);
  });
});
