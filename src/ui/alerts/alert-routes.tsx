import type { Context, Hono } from 'hono';
import type { AlertView } from '../../alerts/alert-query.js';
import { describeError } from '../../http/problem.js';
import type { IncidentSummary } from '../../lifecycle/incident-view.js';
import { utcText } from '../components/time.js';
import { requirePermission, safeNext } from '../console-auth.js';
import type { ConsoleDeps } from '../console-app.js';
import type { ConsoleEnv } from '../console-env.js';
import { formAction, readForm, text, type FormFailure, type FormValues } from '../form-action.js';
import { renderPage } from '../layout.js';
import { messagePage } from '../message-page.js';
import { pageContext } from '../page-context.js';
import { AlertPage } from './alert-page.js';
import { inboxQuery, type InboxQuery } from './inbox-filters.js';
import { InboxPage } from './inbox-page.js';
import { INBOX_FIELD, rowForm } from './inbox-row-actions.js';
import { snoozeInput } from './snooze-input.js';

type Ctx = Context<ConsoleEnv>;

/** The incidents' titles, for naming the incident an alert is on instead of showing its id. */
const incidentTitles = (deps: ConsoleDeps, ids: Array<string | null>): Promise<Map<string, string>> =>
  deps.incidents.titles([...new Set(ids.filter((id): id is string => id !== null))]);

/** Incidents that take alerts now, newest first: the ones a merge would usually pick. */
async function openIncidents(deps: ConsoleDeps): Promise<IncidentSummary[]> {
  const pages = await Promise.all((['detected', 'response'] as const).map((phase) => deps.incidents.list({ phase, limit: 100 })));
  return pages.flatMap((page) => page.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

async function inboxPage(c: Ctx, deps: ConsoleDeps, query: InboxQuery, failure: FormFailure | null): Promise<Response> {
  const ctx = pageContext(c, deps.clock);
  const sources = (await deps.alerts.sources.list()).map((source) => source.name);
  let listed: { items: AlertView[]; nextCursor: string | null };
  let shownFailure = failure;
  try {
    listed = await deps.alerts.query.list(query, ctx.now);
  } catch (error) {
    // A filter the list refuses (a bad cursor, an unknown status) is the filter form's error, not a crash.
    const described = describeError(error);
    if (described === null) throw error;
    listed = { items: [], nextCursor: null };
    shownFailure = { status: described.status, detail: described.detail, fields: described.extra.errors ?? [], values: query, form: 'filters' };
  }
  const titles = await incidentTitles(deps, listed.items.map((alert) => alert.incidentId));
  const page = (
    <InboxPage ctx={ctx} query={query} sources={sources} alerts={listed.items} nextCursor={listed.nextCursor} incidentTitles={titles} failure={shownFailure} />
  );
  return renderPage(c, page, shownFailure?.status ?? 200);
}

async function alertPage(c: Ctx, deps: ConsoleDeps, id: string, failure: FormFailure | null): Promise<Response> {
  const ctx = pageContext(c, deps.clock);
  const alert = await deps.alerts.query.get(id);
  const [titles, incidents] = await Promise.all([incidentTitles(deps, [alert.incidentId]), ctx.can('actOnAlerts') ? openIncidents(deps) : []]);
  const page = <AlertPage ctx={ctx} alert={alert} incidentTitle={titles.get(alert.incidentId ?? '')} openIncidents={incidents} failure={failure} />;
  return renderPage(c, page, failure?.status ?? 200);
}

/** The inbox address a row form carries, if it came from one: only an inbox page of this console. */
function postedInbox(values: FormValues): string | null {
  const inbox = text(values, INBOX_FIELD);
  return inbox.startsWith('/console/alerts') && safeNext(inbox) === inbox ? inbox : null;
}

/** A refused row action draws the inbox it came from; one from the alert's page draws that page. */
function redrawFor(c: Ctx, deps: ConsoleDeps, id: string, inbox: string | null) {
  return (failure: FormFailure) =>
    inbox === null ? alertPage(c, deps, id, failure) : inboxPage(c, deps, inboxQuery(new URL(inbox, 'http://console').searchParams), failure);
}

/** Only the fields a person filled in: an empty override means "the alert's own". */
const filledIn = (values: FormValues, names: string[]): Record<string, string> =>
  Object.fromEntries(names.map((name): [string, string] => [name, text(values, name)]).filter(([, value]) => value.trim() !== ''));

/** The alerts inbox and alert pages, and the promote, merge and snooze forms (actOnAlerts only). */
export function registerAlertPages(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  const { actions } = deps.alerts;

  app.get('/alerts', (c) => inboxPage(c, deps, inboxQuery(new URL(c.req.url).searchParams), null));

  app.get('/alerts/:id', async (c) => {
    try {
      return await alertPage(c, deps, c.req.param('id'), null);
    } catch (error) {
      if (describeError(error)?.status !== 404) throw error;
      return messagePage(c, 404, 'Alert not found', `There is no alert ${c.req.param('id')}.`, pageContext(c, deps.clock), { href: '/console/alerts', label: 'Back to alerts' });
    }
  });

  app.post('/alerts/:id/promote', requirePermission('actOnAlerts', deps.clock), async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    const inbox = postedInbox(values);
    return formAction(
      c,
      inbox === null ? 'promote' : rowForm('promote', id),
      values,
      async () => {
        const { incidentId } = await actions.promote(id, filledIn(values, ['title', 'severity', 'summary']), c.get('session').actor);
        return { redirect: `/console/incidents/${incidentId}`, flash: 'Incident opened from the alert.' };
      },
      redrawFor(c, deps, id, inbox),
    );
  });

  app.post('/alerts/:id/merge', requirePermission('actOnAlerts', deps.clock), async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    return formAction(
      c,
      'merge',
      values,
      async () => {
        const incidentId = text(values, 'otherIncidentId').trim() || text(values, 'incidentId');
        await actions.merge(id, { incidentId }, c.get('session').actor);
        return { redirect: `/console/incidents/${incidentId}`, flash: 'Alert merged into the incident.' };
      },
      redrawFor(c, deps, id, null),
    );
  });

  app.post('/alerts/:id/snooze', requirePermission('actOnAlerts', deps.clock), async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    const inbox = postedInbox(values);
    return formAction(
      c,
      inbox === null ? 'snooze' : rowForm('snooze', id),
      values,
      async () => {
        const { snoozedUntil } = await actions.snooze(id, snoozeInput(values, deps.clock()), c.get('session').actor);
        return { redirect: inbox ?? '/console/alerts', flash: `Alert snoozed until ${utcText(snoozedUntil)}.` };
      },
      redrawFor(c, deps, id, inbox),
    );
  });
}
