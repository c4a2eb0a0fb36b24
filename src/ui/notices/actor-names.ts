import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/** Names people by the refs notices store (`token:<id>`, `system:<worker>`). */
export type ActorNames = (ref: string) => string;

/**
 * Records keep who acted as a ref, never a name, so a renamed token does not rewrite history; a
 * reviewer needs to read who wrote and who decided, so the page looks the names up once. A token
 * since deleted keeps its ref.
 */
export async function actorNames(db: Kysely<Database>, refs: Iterable<string>): Promise<ActorNames> {
  const ids = [...new Set([...refs].filter((ref) => ref.startsWith('token:')).map((ref) => ref.slice('token:'.length)))];
  const rows = ids.length === 0 ? [] : await db.selectFrom('apiTokens').select(['id', 'name', 'role']).where('id', 'in', ids).execute();
  const names = new Map(rows.map((row) => [`token:${row.id}`, `${row.name} (${row.role})`]));
  return (ref) => names.get(ref) ?? (ref.startsWith('system:') ? `Breachline (${ref.slice('system:'.length)})` : ref);
}
