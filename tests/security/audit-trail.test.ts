import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/auth/actor';
import { exportAuditCsv } from '@/lib/services/audit/export-audit';
import { listAudit } from '@/lib/services/audit/list-audit';
import { setupTestDatabase } from '../helpers/db';

const t = setupTestDatabase();
const admin: Actor = { kind: 'user', userId: 'u-admin', email: 'admin@studio.example', name: 'Admin', roles: ['admin'] };
const producer: Actor = { kind: 'user', userId: 'u-prod', email: 'producer@studio.example', name: 'Prod', roles: ['producer'] };

async function sql(text: string) {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

beforeAll(async () => {
  const rows = Array.from({ length: 1203 }, (_, i) => ({
    at: new Date(Date.UTC(2026, 10, 20 + (i % 3), 12)), // 20, 21 and 22 November
    actorLabel: i % 2 ? 'ana@studio.example' : 'ben@studio.example',
    action: i % 5 === 0 ? 'site.create' : 'workstation.launch',
    entityType: i % 5 === 0 ? 'site' : 'workstation',
    entityId: `e-${i}`,
    summary: i === 7 ? '=HYPERLINK("http://evil.example","click")' : `change ${i}`,
  }));
  await t.db.auditLog.createMany({ data: rows });
});

describe('the audit trail is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on the connection and role the app itself uses', async () => {
    const { rows } = await sql('SELECT current_user AS role');
    expect(rows[0].role).toBeTruthy();
    await expect(sql(`UPDATE audit_log SET summary = 'rewritten' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(sql('DELETE FROM audit_log')).rejects.toThrow(/append-only \(DELETE refused\)/);
    await expect(sql('TRUNCATE audit_log')).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    expect(await t.db.auditLog.count({ where: { summary: 'rewritten' } })).toBe(0);
    expect(await t.db.auditLog.count()).toBeGreaterThanOrEqual(1203);
  });
});

describe('reading the audit trail', () => {
  it('is for admins only', async () => {
    await expect(listAudit(producer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(exportAuditCsv(producer, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('filters by actor, entity, action and UTC days with both ends inclusive', async () => {
    const day21 = await listAudit(admin, { from: '2026-11-21', to: '2026-11-21', entityType: 'site', actor: 'ANA@' }, 1000);
    expect(day21.length).toBeGreaterThan(0);
    expect(day21.every((r) => r.at.startsWith('2026-11-21') && r.entityType === 'site' && r.actorLabel === 'ana@studio.example')).toBe(true);
    const until21 = await listAudit(admin, { to: '2026-11-21', action: 'workstation.' }, 1000);
    expect(new Set(until21.map((r) => r.at.slice(0, 10)))).toEqual(new Set(['2026-11-20', '2026-11-21']));
    expect(await listAudit(admin, { entityId: 'e-7' })).toHaveLength(1);
  });

  it('refuses a malformed day instead of silently ignoring it', async () => {
    await expect(listAudit(admin, { from: '21/11/2026' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the CSV export', () => {
  it('streams every matching row past the page size, newest first, and defuses formulas', async () => {
    const { stream, fileName } = await exportAuditCsv(admin, { action: 'workstation.launch' }, new Date('2026-11-25T00:00:00Z'));
    expect(fileName).toBe('audit-2026-11-25.csv');
    const lines = (await readAll(stream)).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('"id","at_utc","actor","actor_id","action","entity_type","entity_id","summary","data"');
    expect(lines).toHaveLength(1 + 962); // 1203 rows, one in five of them site.create
    const ids = lines.slice(1).map((l) => Number(l.split(',')[0]!.replace(/"/g, '')));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(lines.find((l) => l.includes('HYPERLINK'))).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('is itself audited, with its filter', async () => {
    await exportAuditCsv(admin, { actor: 'ben@' });
    const row = await t.db.auditLog.findFirst({ where: { action: 'audit.export' }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ actorLabel: 'admin@studio.example', data: { actor: 'ben@' } });
  });
});
