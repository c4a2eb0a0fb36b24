import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { onPostgres } from './on-postgres.js';

/*
 * What the domains need when several writers run at once, said once per database. SQLite has one
 * writer at a time (BEGIN IMMEDIATE), so a transaction already sees everything committed before it
 * and no other writes during it: none of these need to do anything there. PostgreSQL runs writers
 * side by side and takes locks for the same guarantees.
 */

/** Locks the rows read for the rest of the transaction: a second writer waits, then reads the first's result. */
export const lockedForUpdate = <Q extends SelectQueryBuilder<any, any, any>>(db: Kysely<any>, query: Q): Q =>
  onPostgres(db) ? (query.forUpdate() as Q) : query;

/** For queue claims: rows another transaction holds are passed over, so two claimers never take the same row. */
export const skippingLockedRows = <Q extends SelectQueryBuilder<any, any, any>>(db: Kysely<any>, query: Q): Q =>
  onPostgres(db) ? (query.forUpdate().skipLocked() as Q) : query;

/** Makes transactions that name the same key take turns until each commits (a read-then-append, say). */
export async function takeTurnsOn(trx: Kysely<any>, key: string): Promise<void> {
  if (onPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Whether an insert reports its last row id (SQLite); elsewhere a statement returns what it inserted. */
export const reportsLastInsertId = (db: Kysely<any>): boolean => !onPostgres(db);
