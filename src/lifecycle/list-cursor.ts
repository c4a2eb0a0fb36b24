import { z } from 'zod';
import { InvalidInputError } from '../errors.js';

/** Keyset position in the incident list (newest first): opaque to clients, checked on the way in. */
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
