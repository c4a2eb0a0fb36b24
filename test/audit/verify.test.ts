import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/audit/audit-log.js';
import { exportIncidentAudit } from '../../src/audit/export.js';
import { chainHash, GENESIS_HASH } from '../../src/audit/hash-chain.js';
import { verifyAudit } from '../../src/audit/verify.js';
import { IncidentService } from '../../src/lifecycle/incident-service.js';
import { admin, responder } from '../support/actors.js';
import { tempDb, type TempDb } from '../support/temp-db.js';

let t: TempDb;
let service: IncidentService;
let incidentId: string;

beforeEach(async () => {
  t = await tempDb();
  service = new IncidentService(t.db.kysely);
  ({ id: incidentId } = await service.create({ title: 'Leak', severity: 'high' }, responder));
  await service.send(incidentId, { type: 'UPDATE_SCOPE', summary: 'first' }, { actor: responder });
  await service.send(incidentId, { type: 'UPDATE_SCOPE', summary: 'second' }, { actor: responder });
  await service.send(incidentId, { type: 'CONFIRM', awarenessAt: new Date().toISOString() }, { actor: responder });
});
afterEach(() => t.cleanup());

const rowOf = (seq: number) =>
  t.db.kysely.selectFrom('auditLog').selectAll().where('chain', '=', incidentId).where('seq', '=', seq).executeTakeFirstOrThrow();

describe('audit hash chain', () => {
  it('links each row to the one before it', async () => {
    const first = await rowOf(1);
    const second = await rowOf(2);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(second.hash).toBe(
      chainHash(first.hash, {
        actor: JSON.parse(second.actor),
        at: second.at,
        incidentId,
        action: second.action,
        payload: JSON.parse(second.payload),
      }),
    );
  });

  it('verifies an untouched trail and reports each chain head', async () => {
    await t.db.kysely.transaction().execute((trx) =>
      appendAudit(trx, { incidentId: null, actor: admin, action: 'token.created', payload: { tokenId: 'x' }, at: new Date().toISOString() }),
    );
    const result = await verifyAudit(t.db.kysely);
    expect(result).toMatchObject({ ok: true, rowsChecked: 5, chainsChecked: 2, firstBroken: null });
    expect(result.heads[incidentId]).toBe((await rowOf(4)).hash);
  });

  it('names the row an SQL edit changed', async () => {
    const target = await rowOf(2);
    await sql`update audit_log set payload = ${'{"summary":"rewritten"}'} where id = ${target.id}`.execute(t.db.kysely);
    expect(await verifyAudit(t.db.kysely)).toMatchObject({
      ok: false,
      firstBroken: { id: target.id, chain: incidentId, seq: 2, reason: 'hash_mismatch' },
    });
  });

  it('names the row whose hash was forged to match an edit', async () => {
    const target = await rowOf(2);
    const forged = chainHash(target.prevHash, { actor: JSON.parse(target.actor), at: target.at, incidentId, action: 'incident.DISMISS', payload: {} });
    await sql`update audit_log set action = 'incident.DISMISS', payload = '{}', hash = ${forged} where id = ${target.id}`.execute(t.db.kysely);
    // The forged row checks out on its own; its successor no longer follows it.
    expect(await verifyAudit(t.db.kysely)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'prev_hash_mismatch' } });
  });

  it('names the gap a deleted row leaves', async () => {
    const target = await rowOf(2);
    await sql`delete from audit_log where id = ${target.id}`.execute(t.db.kysely);
    expect(await verifyAudit(t.db.kysely)).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'sequence_gap' } });
  });

  it('refuses a second row at the same place in a chain', async () => {
    const head = await rowOf(4);
    await expect(
      sql`insert into audit_log (chain, seq, incident_id, actor, action, payload, at, prev_hash, hash)
          values (${incidentId}, 4, ${incidentId}, '{}', 'fork', '{}', ${head.at}, ${head.prevHash}, 'x')`.execute(t.db.kysely),
    ).rejects.toThrow(/UNIQUE|unique constraint/);
  });

  it('exports an incident trail as JSON lines that re-verify outside the database', async () => {
    const lines: string[] = [];
    for await (const line of exportIncidentAudit(t.db.kysely, incidentId)) lines.push(line);
    expect(lines).toHaveLength(4);
    const rows = lines.map((line) => JSON.parse(line));
    expect(rows.map((r) => r.action)).toEqual(['incident.created', 'incident.UPDATE_SCOPE', 'incident.UPDATE_SCOPE', 'incident.CONFIRM']);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(chainHash(prev, row)).toBe(row.hash);
      prev = row.hash;
    }
  });
});
