import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash a chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: unknown;
  at: string;
  incidentId: string | null;
  action: string;
  payload: unknown;
}

/**
 * sha256 over the previous hash and the RFC 8785 canonical JSON of the entry: any change to a stored
 * field, or to the order of rows, changes every hash after it.
 */
export function chainHash(prevHash: string, entry: AuditEntry): string {
  const canonical = canonicalize({
    actor: entry.actor,
    at: entry.at,
    incidentId: entry.incidentId,
    action: entry.action,
    payload: entry.payload,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical ?? '').digest('hex');
}
