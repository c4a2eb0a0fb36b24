import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';

const PAGE = 500;

/**
 * An incident's audit trail as JSON lines, oldest first, each line a complete row with its hashes
 * so the export can be verified away from Breachline. Streams page by page.
 */
export async function* exportIncidentAudit(db: Kysely<Database>, incidentId: string): AsyncGenerator<string> {
  let afterSeq = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('chain', '=', incidentId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      yield `${JSON.stringify({
        seq: row.seq,
        at: row.at,
        incidentId: row.incidentId,
        actor: JSON.parse(row.actor),
        action: row.action,
        payload: JSON.parse(row.payload),
        prevHash: row.prevHash,
        hash: row.hash,
      })}\n`;
    }
    if (rows.length < PAGE) return;
    afterSeq = rows[rows.length - 1]!.seq;
  }
}
