import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { takeTurnsOn } from '../db/concurrency.js';
import type { AuditRow, Database } from '../db/tables.js';
import { chainHash, GENESIS_HASH } from './hash-chain.js';

/** The chain for actions outside any incident (tokens, settings). */
export const SYSTEM_CHAIN = 'system';

export interface AuditRecord {
  incidentId: string | null;
  actor: Actor;
  action: string;
  payload: unknown;
  at: string;
}

/**
 * Appends to the hash chain of the record's incident. Call it inside the transaction that makes the
 * change it describes, so the change and its audit row commit or fail together. The (chain, seq)
 * unique key makes two appends from the same head impossible: the chain cannot fork.
 */
export async function appendAudit(trx: Kysely<Database>, record: AuditRecord): Promise<AuditRow> {
  const chain = record.incidentId ?? SYSTEM_CHAIN;
  // Two transactions must not read the same head: the second waits, then reads the first's row.
  await takeTurnsOn(trx, `audit:${chain}`);
  const head = await trx
    .selectFrom('auditLog')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Stored as text and hashed from its parsed form, so verify() sees exactly what was hashed.
  const actor = JSON.stringify(record.actor);
  const payload = JSON.stringify(record.payload ?? null);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, {
    actor: JSON.parse(actor),
    at: record.at,
    incidentId: record.incidentId,
    action: record.action,
    payload: JSON.parse(payload),
  });
  return trx
    .insertInto('auditLog')
    .values({ chain, seq: (head?.seq ?? 0) + 1, incidentId: record.incidentId, actor, action: record.action, payload, at: record.at, prevHash, hash })
    .returningAll()
    .executeTakeFirstOrThrow();
}
