import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { VersionConflictError, type FieldIssue } from '../errors.js';
import { describeError } from '../http/problem.js';
import { setFlash } from './console-cookies.js';
import { CSRF_FIELD } from './console-csrf.js';

export type FormValues = Record<string, string | string[]>;

/** A refused post, for drawing its page again: why, which fields, and what was typed. */
export interface FormFailure {
  status: ContentfulStatusCode;
  detail: string;
  fields: FieldIssue[];
  values: FormValues;
  /** Which of the page's forms was posted, so its fields show their errors and keep what was typed. */
  form: string;
}

/** The posted form's text fields (repeated names become lists); the CSRF token is not a value. */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === CSRF_FIELD) continue;
    const texts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    values[name] = texts.length === 1 ? texts[0]! : texts;
  }
  return values;
}

/** One value of a field ('' when absent), for forms whose fields each appear once. */
export const text = (values: FormValues, name: string): string => {
  const value = values[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/** Every value of a repeated field (checkboxes). */
export const list = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

/**
 * Post/redirect/get: the action runs, then the browser is sent (303) to the page to see the result,
 * with a one-line flash. A refusal the domains explain (bad field, wrong state, stale page) draws the
 * form's page again with that status, the reasons and what was typed; anything else is a real error.
 */
export async function formAction(
  c: Context,
  form: string,
  values: FormValues,
  action: () => Promise<{ redirect: string; flash: string }>,
  redraw: (failure: FormFailure) => Promise<Response>,
): Promise<Response> {
  try {
    const { redirect, flash } = await action();
    setFlash(c, flash);
    return c.redirect(redirect, 303);
  } catch (error) {
    const described = describeError(error);
    if (described === null) throw error;
    const detail =
      error instanceof VersionConflictError
        ? `This changed after the page was drawn (it is now at version ${error.currentVersion}), so nothing was saved. The page below is current: check it, then send again.`
        : described.detail;
    return redraw({ status: described.status, detail, fields: described.extra.errors ?? [], values, form });
  }
}
