/**
 * CSV for the audit export (RFC 4180: every cell quoted, quotes doubled, CRLF line ends), safe to open in
 * a spreadsheet: a cell that starts with = + - @ (or tab / carriage return) would be run as a formula
 * by Excel, LibreOffice or Sheets, so it gets a leading apostrophe. Audit summaries quote user input
 * (names, paths, shot titles), which is exactly what an attacker would plant a formula in.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const AUDIT_CSV_HEADER = ['id', 'at_utc', 'actor', 'actor_id', 'action', 'entity_type', 'entity_id', 'summary', 'data'];

export type AuditCsvRow = { id: bigint; at: Date; actorLabel: string; actorId: string | null; action: string; entityType: string; entityId: string | null; summary: string; data: unknown };

export function auditCsvLine(r: AuditCsvRow): string {
  return csvLine([r.id.toString(), r.at.toISOString(), r.actorLabel, r.actorId, r.action, r.entityType, r.entityId, r.summary, r.data ?? null]);
}
