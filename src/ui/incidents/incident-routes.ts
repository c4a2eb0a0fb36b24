import type { Hono } from 'hono';
import { EVENT_ROLES, mayRoleSend } from '../../lifecycle/event-permissions.js';
import type { ConsoleDeps } from '../console-app.js';
import { requirePermission } from '../console-auth.js';
import type { ConsoleEnv } from '../console-env.js';
import { formAction, readForm, text } from '../form-action.js';
import { messagePage } from '../message-page.js';
import { pageContext } from '../page-context.js';
import { expectedVersionFrom } from '../utc-input.js';
import { EVENT_FORMS, eventFormName, isFormEvent } from './event-form-specs.js';
import { eventFromForm } from './event-from-form.js';
import { OPEN_FORM, renderIncidentList } from './incident-list-page.js';
import { renderIncidentPage } from './incident-page.js';

/** The incidents list, opening an incident, the incident page and the lifecycle events it posts. */
export function registerIncidentPages(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.get('/incidents', (c) => renderIncidentList(c, deps, null));

  app.post('/incidents', requirePermission('openIncident', deps.clock), async (c) => {
    const values = await readForm(c);
    return formAction(
      c,
      OPEN_FORM,
      values,
      async () => {
        // Same call as the API's POST /incidents; the service validates the fields.
        const input = { title: text(values, 'title'), severity: text(values, 'severity'), summary: text(values, 'summary') };
        const incident = await deps.incidents.create(input, c.get('session').actor);
        return { redirect: `/console/incidents/${incident.id}`, flash: 'Incident opened.' };
      },
      (failure) => renderIncidentList(c, deps, failure),
    );
  });

  app.get('/incidents/:id', (c) => renderIncidentPage(c, deps, c.req.param('id'), null));

  app.post('/incidents/:id/events/:type', requirePermission('sendIncidentEvents', deps.clock), async (c) => {
    const { id, type } = c.req.param();
    const ctx = pageContext(c, deps.clock);
    if (!isFormEvent(type)) return messagePage(c, 404, 'Not found', `There is no incident action ${type}.`, ctx);
    const { actor } = c.get('session');
    // Checked before anything is read or sent: the page did not offer this form to this role.
    if (!mayRoleSend(actor.role, type)) {
      return messagePage(c, 403, 'Not allowed', `Your role (${actor.role}) may not send ${type}; it is for: ${EVENT_ROLES[type].join(', ')}. Nothing was changed.`, ctx, {
        href: `/console/incidents/${id}`,
        label: 'Back to the incident',
      });
    }
    const values = await readForm(c);
    return formAction(
      c,
      // The copy of the form that was posted: per obligation, or per place (formFor), else the general one.
      eventFormName(type, text(values, 'obligationId') || text(values, 'formFor')),
      values,
      async () => {
        // Same call as the API's POST /incidents/{id}/events with If-Match: a stale page is a conflict.
        await deps.incidents.send(id, eventFromForm(type, values), { actor, expectedVersion: expectedVersionFrom(text(values, 'expectedVersion')) });
        return { redirect: `/console/incidents/${id}`, flash: EVENT_FORMS[type].flash };
      },
      (failure) => renderIncidentPage(c, deps, id, failure),
    );
  });
}
