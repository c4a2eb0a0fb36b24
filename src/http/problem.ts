import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, VersionConflictError, type FieldIssue } from '../errors.js';
import { EventNotAllowedError } from '../lifecycle/incident-transitions.js';

/** RFC 9457 problem details, the body of every error this API answers. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    allowedEvents: z.array(z.string()).optional(),
    currentVersion: z.number().int().optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Problem types are URNs: stable names clients can switch on, with no host to resolve. */
export const problemType = (slug: string): string => `urn:breachline:problem:${slug}`;

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  slug: string,
  detail: string,
  extra: Partial<Problem> = {},
): Response {
  const body: Problem = {
    type: problemType(slug),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance: c.req.path,
    requestId: c.get('requestId') as string | undefined,
    ...extra,
  };
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json' });
}

export const validationProblem = (c: Context, detail: string, errors: FieldIssue[]): Response =>
  problem(c, 400, 'validation', detail, { errors });

/** What a caller may be told about an error: its status, problem slug, words and extra members. */
export interface ErrorDescription {
  status: ContentfulStatusCode;
  slug: string;
  detail: string;
  extra: Partial<Problem>;
}

/**
 * Maps what the domains throw to what a caller is told, for the API's problem details and the
 * console's pages alike; null for anything unexpected. `precondition` says the client sent If-Match:
 * then a version conflict is a failed precondition (412), not a lost race (409).
 */
export function describeError(error: unknown, precondition = false): ErrorDescription | null {
  const described = (status: ContentfulStatusCode, slug: string, detail: string, extra: Partial<Problem> = {}) => ({ status, slug, detail, extra });
  if (error instanceof InvalidInputError) return described(400, 'validation', error.message, { errors: error.issues });
  if (error instanceof NotFoundError) return described(404, 'not-found', error.message);
  if (error instanceof ForbiddenError) return described(403, 'forbidden', error.message);
  if (error instanceof ConflictError) return described(409, error.slug, error.message);
  if (error instanceof EventNotAllowedError) return described(409, 'event-not-allowed', error.message, { allowedEvents: error.allowedEvents });
  if (error instanceof VersionConflictError) {
    return described(precondition ? 412 : 409, 'version-conflict', error.message, { currentVersion: error.currentVersion });
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const slug = status === 400 ? 'malformed-request' : status === 413 ? 'too-large' : 'http';
    return described(status, slug, error.message || TITLES[status] || 'request failed');
  }
  return null;
}

/**
 * An error as a problem response. Anything unexpected becomes a 500 that says only "internal error"
 * and the request id: the stack goes to the log, never to the client.
 */
export function problemForError(c: Context, error: unknown): { response: Response; unexpected: boolean } {
  const described = describeError(error, c.req.header('If-Match') !== undefined);
  if (described === null) {
    return { response: problem(c, 500, 'internal', 'internal error; quote the request id when reporting it'), unexpected: true };
  }
  return { response: problem(c, described.status, described.slug, described.detail, described.extra), unexpected: false };
}
