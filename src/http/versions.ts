import type { Context } from 'hono';
import { InvalidInputError } from '../errors.js';

/** The strong ETag of a resource version: `"7"`. */
export const etag = (version: number): string => `"${version}"`;

/** The version an `If-Match` header names, or undefined when there is none. */
export function ifMatchVersion(c: Context): number | undefined {
  const header = c.req.header('If-Match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (match === null) {
    throw new InvalidInputError('invalid If-Match', [{ path: 'If-Match', message: 'must be the ETag of a version, like "3"' }]);
  }
  return Number(match[1]);
}
