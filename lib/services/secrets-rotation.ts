/**
 * Re-seals every secret at rest under the current STUDIO_SECRET_KEY, so a retired key can be dropped
 * from STUDIO_SECRET_KEYS_OLD. The sealed columns are found in the database itself, by the convention
 * that they (and only they) are text columns named `*_enc`: a sealed column added later is rotated
 * without anyone remembering to list it here (tests/security/secret-rotation.test.ts holds the
 * convention: no sealed value may live in a column with another name).
 *
 * Batches of BATCH rows, one transaction each; every write is a compare-and-set on the old sealed value,
 * so a secret changed by the app during the rotation is never overwritten with a stale one. Plaintexts
 * exist only in memory, one at a time; the audit row records counts per column, never values.
 */
import { db } from '@/lib/db/client';
import { writeAudit } from '@/lib/db/audit';
import { actorId, actorLabel, requireRole, type Actor } from '@/lib/domain/auth/actor';
import { keyId, open, seal, sealedKeyId } from '@/lib/utils/secret-box';
import { secretKeys } from './secrets';

const BATCH = 200;
const IDENT = /^[a-z_][a-z0-9_]*$/;

export type SealedColumn = { table: string; column: string; primaryKey: string };
export type ColumnReport = SealedColumn & { resealed: number; alreadyCurrent: number; unreadable: number; byKey: Record<string, number> };

export async function sealedColumns(): Promise<SealedColumn[]> {
  const rows = await db().$queryRaw<{ table: string; column: string; primary_key: string | null }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column",
      (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND i.indisprimary AND i.indnatts = 1) AS primary_key
    FROM information_schema.columns c
    WHERE c.table_schema = current_schema() AND c.column_name LIKE '%\\_enc' AND c.data_type = 'text'
    ORDER BY 1, 2`;
  return rows.map((r) => {
    if (!IDENT.test(r.table) || !IDENT.test(r.column) || !r.primary_key || !IDENT.test(r.primary_key)) {
      throw new Error(`sealed column ${r.table}.${r.column} needs a single-column primary key and a plain name to be rotated`);
    }
    return { table: r.table, column: r.column, primaryKey: r.primary_key };
  });
}

async function rotateColumn(col: SealedColumn, apply: boolean): Promise<ColumnReport> {
  const { current, all } = secretKeys();
  const currentId = keyId(current);
  const report: ColumnReport = { ...col, resealed: 0, alreadyCurrent: 0, unreadable: 0, byKey: {} };
  const { table, column, primaryKey } = col;
  let after = '';
  for (;;) {
    const rows = await db().$queryRawUnsafe<{ pk: string; sealed: string }[]>(
      `SELECT "${primaryKey}"::text AS pk, "${column}" AS sealed FROM "${table}" WHERE "${column}" IS NOT NULL AND "${primaryKey}"::text > $1 ORDER BY "${primaryKey}"::text LIMIT ${BATCH}`,
      after,
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.pk;
    const updates: { pk: string; from: string; to: string }[] = [];
    for (const row of rows) {
      const id = sealedKeyId(row.sealed) ?? 'not-sealed';
      report.byKey[id] = (report.byKey[id] ?? 0) + 1;
      if (id === currentId) {
        report.alreadyCurrent++;
        continue;
      }
      try {
        updates.push({ pk: row.pk, from: row.sealed, to: seal(open(row.sealed, all), current) });
      } catch {
        report.unreadable++; // its key is not configured (or it is not a sealed value): left as it is
      }
    }
    if (apply && updates.length > 0) {
      await db().$transaction(async (tx) => {
        for (const u of updates) {
          const changed = await tx.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = $1 WHERE "${primaryKey}"::text = $2 AND "${column}" = $3`, u.to, u.pk, u.from);
          report.resealed += changed;
        }
      });
    } else if (!apply) {
      report.resealed += updates.length; // what a real run would re-seal
    }
  }
  return report;
}

/**
 * `apply: false` only counts (which keys seal how many values). Admins and the rotation script (a
 * system actor) may run it; the audit row names who did.
 */
export async function rotateSecretKey(actor: Actor, opts: { apply: boolean }): Promise<ColumnReport[]> {
  requireRole(actor, 'admin');
  const reports: ColumnReport[] = [];
  for (const col of await sealedColumns()) reports.push(await rotateColumn(col, opts.apply));
  if (opts.apply) {
    const total = reports.reduce((n, r) => n + r.resealed, 0);
    const counts = reports.map(({ table, column, resealed, unreadable }) => ({ column: `${table}.${column}`, resealed, unreadable }));
    await db().$transaction((tx) =>
      writeAudit(tx, { actorId: actorId(actor), actorLabel: actorLabel(actor), action: 'secrets.rotate', entityType: 'secrets', summary: `Re-sealed ${total} secrets under key ${keyId(secretKeys().current)}`, data: { columns: counts } }),
    );
  }
  return reports;
}
