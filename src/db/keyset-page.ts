import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { InvalidInputError } from '../errors.js';

/**
 * Keyset pagination over (time, id), newest first, shared by every list that pages: the cursor is
 * the last row's position, opaque to clients and checked on the way in.
 */
export interface ListPosition {
  createdAt: string;
  id: string;
}

const positionSchema = z.object({ createdAt: z.iso.datetime(), id: z.string().min(1).max(100) }).strict();

export const encodeCursor = (position: ListPosition): string =>
  Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): ListPosition {
  try {
    return positionSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new InvalidInputError('invalid cursor', [{ path: 'cursor', message: 'is not a cursor this server issued' }]);
  }
}

/** Rows after the cursor's position in (time desc, id desc) order. */
export function afterCursor(timeColumn: string, idColumn: string, cursor: string): RawBuilder<boolean> {
  const { createdAt, id } = decodeCursor(cursor);
  const time = sql.ref(timeColumn);
  return sql<boolean>`(${time} < ${createdAt} or (${time} = ${createdAt} and ${sql.ref(idColumn)} < ${id}))`;
}

/** One page from `limit + 1` fetched rows, with the cursor for the next page when there is one. */
export function pageOf<T>(rows: T[], limit: number, position: (row: T) => ListPosition): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(position(last)) : null };
}

/** Case-insensitive substring match on both dialects; the user's % and _ match themselves. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

const ROW_ID_CURSOR = /^[1-9]\d{0,15}$/;

/**
 * The cursor of lists paged by an integer row id in insert order (recipients, delivery failures):
 * the last id shown; 0 (from the start) when there is none.
 */
export function afterRowId(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!ROW_ID_CURSOR.test(cursor)) throw new InvalidInputError('invalid cursor', [{ path: 'cursor', message: 'is not a cursor this server issued' }]);
  return Number(cursor);
}

/** One page from `limit + 1` rows ordered by row id, with the next page's cursor when there is one. */
export function rowIdPage<T extends { id: number }>(rows: T[], limit: number): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null };
}
