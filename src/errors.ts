/**
 * Domain errors every module throws and the HTTP layer maps to problem details. They carry only
 * what a caller may see: field paths and reasons, never stack traces or stored data.
 */
export interface FieldIssue {
  path: string;
  message: string;
}

export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
  constructor(
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(message);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

/** The resource's state refuses the request (e.g. a send that is already finished); 409. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  /** The problem type: kinds of conflict a client may want to tell apart name their own. */
  readonly slug: string = 'conflict';
}

/** Another writer changed the resource first (optimistic concurrency). */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
  }
}

type ZodLikeIssue = { path: ReadonlyArray<PropertyKey>; message: string; code?: string; keys?: readonly string[] };

const joinPath = (path: ReadonlyArray<PropertyKey>) => path.map((part) => String(part)).join('.') || '(body)';

/** Turns zod issues into our field issues (`affected.0.count`, ...); an unknown key is named itself. */
export function fieldIssues(issues: ReadonlyArray<ZodLikeIssue>): FieldIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys !== undefined
      ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), message: 'is not a known field' }))
      : [{ path: joinPath(issue.path), message: issue.message }],
  );
}
