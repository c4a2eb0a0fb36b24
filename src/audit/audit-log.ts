import { sql, type Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { onPostgres } from '../db/on-postgres.js';
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
  // On PostgreSQL two transactions could read the same head; a lock per chain, held to commit,
  // makes the second wait and then read the first one's row (SQLite has one writer at a time).
  if (onPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`.execute(trx);
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
