/**
 * Compares the Prisma schema (its DMMF, computed by Prisma's WASM schema parser) with the tables and columns a
 * migrated database really has, both ways. Hand-written SQL migrations make this the guard against drift.
 */
import { getDMMF } from '@prisma/internals';
import pg from 'pg';

type Column = { table: string; column: string; nullable: boolean; type: string };

const SCALAR_TYPES: Record<string, string[]> = {
  String: ['text', 'character varying'],
  Int: ['integer'],
  BigInt: ['bigint'],
  Boolean: ['boolean'],
  DateTime: ['timestamp without time zone', 'timestamp with time zone', 'date'],
  Float: ['double precision'],
  Decimal: ['numeric'],
  Json: ['jsonb', 'json'],
};

export async function schemaColumns(schema: string): Promise<Column[]> {
  const dmmf = await getDMMF({ datamodel: schema });
  const enums = new Set(dmmf.datamodel.enums.map((e) => e.name));
  const out: Column[] = [];
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    for (const field of model.fields) {
      if (field.kind === 'object') continue; // relations have no column of their own
      const type = field.isList ? 'ARRAY' : enums.has(field.type) ? `enum:${field.type}` : field.type;
      out.push({ table, column: field.dbName ?? field.name, nullable: !field.isRequired, type });
    }
  }
  return out;
}

export async function databaseColumns(url: string): Promise<Column[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string; is_nullable: string; data_type: string; udt_name: string }>(
      `SELECT table_name, column_name, is_nullable, data_type, udt_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    return rows.map((r) => ({
      table: r.table_name,
      column: r.column_name,
      nullable: r.is_nullable === 'YES',
      type: r.data_type === 'USER-DEFINED' ? `enum:${r.udt_name}` : r.data_type,
    }));
  } finally {
    await client.end();
  }
}

function typeMatches(schemaType: string, dbType: string): boolean {
  if (schemaType === 'ARRAY' || schemaType.startsWith('enum:')) return schemaType === dbType;
  return (SCALAR_TYPES[schemaType] ?? []).includes(dbType);
}

/** Every difference, as sentences a developer can act on; empty when schema and database agree. */
export function compareColumns(schema: Column[], database: Column[]): string[] {
  const key = (c: Column) => `${c.table}.${c.column}`;
  const inDb = new Map(database.map((c) => [key(c), c]));
  const inSchema = new Map(schema.map((c) => [key(c), c]));
  const problems: string[] = [];
  for (const [k, c] of inSchema) {
    const d = inDb.get(k);
    if (!d) problems.push(`${k} is in schema.prisma but no migration creates it`);
    else if (d.nullable !== c.nullable) problems.push(`${k} is ${c.nullable ? 'optional' : 'required'} in schema.prisma but ${d.nullable ? 'NULL' : 'NOT NULL'} in the database`);
    else if (!typeMatches(c.type, d.type)) problems.push(`${k} is ${c.type} in schema.prisma but ${d.type} in the database`);
  }
  for (const k of inDb.keys()) if (!inSchema.has(k)) problems.push(`${k} exists in the database but not in schema.prisma`);
  return problems;
}
