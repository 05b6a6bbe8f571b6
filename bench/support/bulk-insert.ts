/**
 * Multi-row INSERTs for seeding large studios: one statement per chunk of rows, parameters typed by the
 * target columns (enums and arrays included). Tens of thousands of rows a second where `createMany`
 * through Prisma would spend most of its time building and validating objects.
 */
import type pg from 'pg';

/** PostgreSQL allows 65,535 parameters per statement; stay below it. */
const MAX_PARAMS = 60_000;

export async function insertRows(client: pg.ClientBase, table: string, columns: string[], rows: unknown[][]): Promise<number> {
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const cols = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = row.map((v) => {
        values.push(v);
        return `$${values.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    await client.query(`INSERT INTO "${table}" (${cols}) VALUES ${tuples.join(', ')}`, values);
  }
  return rows.length;
}

/** A deterministic generator, so two runs seed the same studio. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
