import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compareColumns, databaseColumns, schemaColumns } from '../helpers/schema-drift';
import { setupTestDatabase } from '../helpers/db';

const t = setupTestDatabase();

describe('schema drift between prisma/schema.prisma and the SQL migrations', () => {
  it('finds no difference on a freshly migrated database', async () => {
    const schema = await readFile('prisma/schema.prisma', 'utf8');
    const problems = compareColumns(await schemaColumns(schema), await databaseColumns(t.url));
    expect(problems).toEqual([]);
  });

  it('reports a model field that exists in the schema without SQL', async () => {
    const schema = (await readFile('prisma/schema.prisma', 'utf8')).replace(
      'model Site {\n',
      'model Site {\n  costCentre String @map("cost_centre")\n',
    );
    const problems = compareColumns(await schemaColumns(schema), await databaseColumns(t.url));
    expect(problems).toEqual(['sites.cost_centre is in schema.prisma but no migration creates it']);
  });

  it('reports a column that exists in the database but not in the schema', async () => {
    const schema = (await readFile('prisma/schema.prisma', 'utf8')).replace('  image             String?\n', '');
    const problems = compareColumns(await schemaColumns(schema), await databaseColumns(t.url));
    expect(problems).toEqual(['users.image exists in the database but not in schema.prisma']);
  });

  it('refuses to rewrite the audit trail', async () => {
    await t.db.auditLog.create({ data: { actorLabel: 'test', action: 'site.create', entityType: 'site', summary: 'created' } });
    await expect(t.db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.db.auditLog.updateMany({ data: { summary: 'rewritten' } })).rejects.toThrow(/append-only/);
  });
});
