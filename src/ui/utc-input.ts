import { InvalidInputError } from '../errors.js';

/**
 * Console forms take instants in `datetime-local` inputs labelled UTC: the browser sends a wall time
 * with no zone, which these read as UTC. Whether an instant is acceptable (real, in the past, in the
 * future) stays the domain schema's call, so anything else is passed on as typed for it to refuse.
 */
const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

export const instantFromInput = (typed: string): string => (!WALL_TIME.test(typed) ? typed : typed.length === 16 ? `${typed}:00Z` : `${typed}Z`);

/**
 * An instant as a datetime-local value in UTC, to the minute ("2026-03-01T14:05"): the input's
 * default step. A save compares to the minute, so a stored fact's seconds are not rounded away.
 */
export const utcInputValue = (iso: string | null): string => (iso === null ? '' : new Date(iso).toISOString().slice(0, 16));

/** The incident version a form was drawn from: a write is refused (409) when the incident has moved on. */
export function expectedVersionFrom(typed: string): number {
  const version = Number(typed);
  if (!Number.isInteger(version) || version < 1) {
    throw new InvalidInputError('the form did not say which version of the incident it was drawn from: reload the page', [
      { path: 'expectedVersion', message: 'must be the version the page showed' },
    ]);
  }
  return version;
}
