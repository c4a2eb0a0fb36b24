/**
 * What `breachline` exits with, so scripts can branch on the outcome without reading its words.
 * The README lists the same table; a test checks each code against a real server.
 */
export const EXIT = {
  ok: 0,
  /** A bug, or the server failed (5xx). */
  failed: 1,
  /** Bad arguments, or an input file that cannot be read or parsed. Nothing was sent. */
  usage: 2,
  /** The server could not be reached (down, wrong URL, timed out). */
  unreachable: 3,
  /** No token, an unknown or revoked one (401), or a role that may not do this (403). */
  denied: 4,
  /** The incident, notice, send or token does not exist (404). */
  notFound: 5,
  /** The state refuses the action (409), or someone acted first (412). */
  conflict: 6,
  /** The server refused the input (400, 413, 415, 422); the message names the field. */
  invalid: 7,
  /** The command worked but what it checked is bad: a broken audit chain, a send that did not complete. */
  checkFailed: 8,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeForStatus(status: number): ExitCode {
  if (status === 401 || status === 403) return EXIT.denied;
  if (status === 404) return EXIT.notFound;
  if (status === 409 || status === 412) return EXIT.conflict;
  if (status >= 400 && status < 500) return EXIT.invalid;
  return EXIT.failed;
}
