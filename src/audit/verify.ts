import type { Kysely } from 'kysely';
import type { AuditRow, Database } from '../db/tables.js';
import { chainHash, GENESIS_HASH } from './hash-chain.js';

export type BrokenLinkReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'unreadable';

export interface AuditVerification {
  ok: boolean;
  rowsChecked: number;
  chainsChecked: number;
  /** The first row (in chain, seq order) whose link does not hold. */
  firstBroken: { id: number; chain: string; seq: number; incidentId: string | null; reason: BrokenLinkReason } | null;
  /** The last hash of each chain: keep these outside the database to detect a rewritten tail. */
  heads: Record<string, string>;
}

const PAGE = 1000;

function recompute(row: AuditRow): string | null {
  try {
    return chainHash(row.prevHash, {
      actor: JSON.parse(row.actor),
      at: row.at,
      incidentId: row.incidentId,
      action: row.action,
      payload: JSON.parse(row.payload),
    });
  } catch {
    return null;
  }
}

function checkLink(row: AuditRow, previous: AuditRow | undefined): BrokenLinkReason | null {
  const expectedSeq = previous === undefined ? 1 : previous.seq + 1;
  if (row.seq !== expectedSeq) return 'sequence_gap';
  if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) return 'prev_hash_mismatch';
  const hash = recompute(row);
  if (hash === null) return 'unreadable';
  return hash === row.hash ? null : 'hash_mismatch';
}

/**
 * Walks every chain (or one incident's) in order and reports the first row whose link is broken:
 * edited content, a deleted or reordered row, or a forged hash that does not follow its predecessor.
 * Reads in pages so a long trail never sits in memory whole.
 */
export async function verifyAudit(db: Kysely<Database>, options: { incidentId?: string } = {}): Promise<AuditVerification> {
  const heads: Record<string, string> = {};
  let rowsChecked = 0;
  let previous: AuditRow | undefined;
  let cursor: { chain: string; seq: number } | undefined;
  for (;;) {
    let query = db.selectFrom('auditLog').selectAll().orderBy('chain').orderBy('seq').limit(PAGE);
    if (options.incidentId !== undefined) query = query.where('chain', '=', options.incidentId);
    if (cursor !== undefined) {
      const { chain, seq } = cursor;
      query = query.where((eb) => eb.or([eb('chain', '>', chain), eb.and([eb('chain', '=', chain), eb('seq', '>', seq)])]));
    }
    const rows = await query.execute();
    for (const row of rows) {
      const sameChain = previous !== undefined && previous.chain === row.chain;
      const reason = checkLink(row, sameChain ? previous : undefined);
      rowsChecked += 1;
      if (reason !== null) {
        return {
          ok: false,
          rowsChecked,
          chainsChecked: Object.keys(heads).length + (sameChain ? 0 : 1),
          firstBroken: { id: row.id, chain: row.chain, seq: row.seq, incidentId: row.incidentId, reason },
          heads,
        };
      }
      heads[row.chain] = row.hash;
      previous = row;
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    cursor = { chain: last.chain, seq: last.seq };
  }
  return { ok: true, rowsChecked, chainsChecked: Object.keys(heads).length, firstBroken: null, heads };
}
