import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, UnsupportedDatabaseError } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { tempDb, type TempDb } from '../support/temp-db.js';

let t: TempDb | undefined;
afterEach(() => t?.cleanup());

describe('database', () => {
  it('applies migrations once; a second start applies nothing', async () => {
    t = await tempDb();
    expect(await migrateToLatest(t.db)).toEqual([]);
    const tables = await t.db.kysely.introspection.getTables();
    expect(tables.map((table) => table.name).sort()).toEqual(['alert_groups', 'alert_sources', 'alerts', 'api_tokens', 'audit_log', 'authority_contacts', 'console_sessions', 'deadlines', 'deliveries', 'delivery_sends', 'incident_events', 'incidents', 'notice_comments', 'notice_versions', 'notices', 'organization_settings', 'outbox', 'recipient_imports', 'recipient_rejections', 'recipients']);
  });

  it('enforces foreign keys (SQLite: in WAL mode)', async () => {
    t = await tempDb();
    if (t.db.dialect === 'sqlite') {
      const { rows } = await sql<{ journalMode: string }>`pragma journal_mode`.execute(t.db.kysely);
      expect(rows[0]?.journalMode).toBe('wal');
    }
    await expect(
      t.db.kysely
        .insertInto('deadlines')
        .values({ incidentId: 'missing', key: 'k', dueAt: 'x', status: 'pending', firedAt: null, note: null, createdAt: 'x', updatedAt: 'x' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY|foreign key/);
  });

  it('refuses a database URL it cannot open, naming the variable', () => {
    expect(() => connect('mysql://localhost/breachline')).toThrow(UnsupportedDatabaseError);
    expect(() => connect('mysql://localhost/breachline')).toThrow(/DATABASE_URL/);
  });
});
