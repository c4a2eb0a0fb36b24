import type { Context, Hono } from 'hono';
import type { ConsoleDeps } from '../console-app.js';
import { requirePermission } from '../console-auth.js';
import type { ConsoleEnv } from '../console-env.js';
import { formAction, readForm, text, type FormFailure, type FormValues } from '../form-action.js';
import { renderIncidentPage } from '../incidents/incident-page.js';
import { EDIT_FORM, editInput } from './edit-form.js';
import { versionHref } from './notice-labels.js';
import { DRAFT_INDIVIDUALS_FORM, DRAFT_REPORT_FORM, INDIVIDUALS_TARGET } from './notices-panel.js';
import { previewOrReason } from './rendered-document.js';
import { renderReviewPage } from './review-page.js';
import { APPROVE_FORM, COMMENT_FORM, REQUEST_CHANGES_FORM } from './review-actions.js';

/**
 * The framed notice is the renderer's document, not a console page: no scripts, no requests, inline
 * styles only, framed by this console alone and sandboxed even when opened on its own. The sandbox
 * keeps its origin (never scripts), so the console's own script may read its height and show it whole.
 */
const FRAMED_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox allow-same-origin";

/** Locale codes typed as "zh-CN, en": the first is the primary language. */
const localeList = (value: string): string[] => value.split(/[\s,]+/).filter((code) => code !== '');

/** The draft form's values as the create input: a box left empty leaves its value to the domain's default. */
function draftInput(values: FormValues, individuals: boolean): Record<string, unknown> {
  const input: Record<string, unknown> = { target: text(values, 'target') };
  const names = individuals ? ['organizationName', 'senderName', 'senderAddress'] : ['organizationName'];
  for (const name of names) {
    const value = text(values, name).trim();
    if (value !== '') input[name] = value;
  }
  const locales = individuals ? localeList(text(values, 'locales')) : [];
  if (locales.length > 0) input.locales = locales;
  return input;
}

/** The notice pages: review of each version, its framed rendering, and the posts that draft, edit and review. */
export function registerNoticePages(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  const { drafts, review, queries } = deps.notices;
  const writer = requirePermission('writeNotices', deps.clock);
  const reviewer = requirePermission('reviewNotices', deps.clock);
  const versionOf = (c: Context) => ({ noticeId: c.req.param('id')!, n: Number(c.req.param('n')) });
  const redrawVersion = (c: Context, noticeId: string, n: number) => (failure: FormFailure) => renderReviewPage(c, deps, noticeId, n, failure);

  app.post('/incidents/:id/notices', writer, async (c) => {
    const incidentId = c.req.param('id');
    const values = await readForm(c);
    const individuals = text(values, 'target') === INDIVIDUALS_TARGET;
    const input = draftInput(values, individuals);
    return formAction(
      c,
      individuals ? DRAFT_INDIVIDUALS_FORM : DRAFT_REPORT_FORM,
      values,
      async () => {
        const { notice } = await drafts.create(incidentId, input, c.get('session').actor);
        return { redirect: versionHref(notice.id, 1), flash: 'Draft version 1 generated from the incident’s facts.' };
      },
      (failure) => renderIncidentPage(c, deps, incidentId, failure),
    );
  });

  app.get('/notices/:id', async (c) => {
    const notice = await queries.get(c.req.param('id'));
    return c.redirect(versionHref(notice.id, notice.latest.number), 303);
  });

  app.get('/notices/:id/versions/:n{[0-9]+}', async (c) => {
    const { noticeId, n } = versionOf(c);
    return renderReviewPage(c, deps, noticeId, n, null, c.req.query('locale') ?? null);
  });

  app.get('/framed/notices/:id/versions/:file{[0-9]+\\.html}', async (c) => {
    c.header('Content-Security-Policy', FRAMED_CSP);
    c.header('X-Frame-Options', 'SAMEORIGIN');
    const rendered = await previewOrReason(deps, c.req.param('id'), Number.parseInt(c.req.param('file'), 10), c.req.query('locale') ?? null);
    if ('reason' in rendered) return c.text(`This version cannot be rendered: ${rendered.reason}`, 400);
    if (rendered.html === null) return c.text('This document has no HTML form.', 404);
    return c.html(rendered.html);
  });

  app.post('/notices/:id/versions', writer, async (c) => {
    const noticeId = c.req.param('id');
    const values = await readForm(c);
    return formAction(
      c,
      EDIT_FORM,
      values,
      async () => {
        const version = await drafts.edit(noticeId, editInput(values), c.get('session').actor);
        return { redirect: versionHref(noticeId, version.number), flash: `Saved as version ${version.number}.` };
      },
      async (failure) => renderReviewPage(c, deps, noticeId, (await queries.get(noticeId)).latest.number, failure),
    );
  });

  app.post('/notices/:id/versions/:n{[0-9]+}/comments', writer, async (c) => {
    const { noticeId, n } = versionOf(c);
    const values = await readForm(c);
    return formAction(
      c,
      COMMENT_FORM,
      values,
      async () => {
        await drafts.comment(noticeId, n, { body: text(values, 'body') }, c.get('session').actor);
        return { redirect: versionHref(noticeId, n), flash: 'Comment added.' };
      },
      redrawVersion(c, noticeId, n),
    );
  });

  /** A review step on one version; a refused submit is drawn on the edit form, whose fields its reasons name (see EDIT_FORM). */
  const step = (form: string, flash: (n: number) => string, run: (noticeId: string, n: number, values: FormValues, c: Context<ConsoleEnv>) => Promise<unknown>) =>
    async (c: Context<ConsoleEnv>) => {
      const { noticeId, n } = versionOf(c);
      const values = await readForm(c);
      return formAction(
        c,
        form,
        values,
        async () => {
          await run(noticeId, n, values, c);
          return { redirect: versionHref(noticeId, n), flash: flash(n) };
        },
        redrawVersion(c, noticeId, n),
      );
    };

  app.post(
    '/notices/:id/versions/:n{[0-9]+}/submit',
    writer,
    step(EDIT_FORM, (n) => `Version ${n} sent to legal review.`, (noticeId, n, _values, c) => review.submit(noticeId, n, c.get('session').actor)),
  );
  app.post(
    '/notices/:id/versions/:n{[0-9]+}/approve',
    reviewer,
    step(APPROVE_FORM, (n) => `Version ${n} approved.`, (noticeId, n, _values, c) => review.approve(noticeId, n, c.get('session').actor)),
  );
  app.post(
    '/notices/:id/versions/:n{[0-9]+}/request-changes',
    reviewer,
    step(REQUEST_CHANGES_FORM, (n) => `Version ${n} sent back with your comment.`, (noticeId, n, values, c) =>
      review.requestChanges(noticeId, n, { body: text(values, 'body') }, c.get('session').actor),
    ),
  );
}
