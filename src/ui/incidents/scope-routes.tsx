import type { Hono } from 'hono';
import { EVENT_ROLES, mayRoleSend } from '../../lifecycle/event-permissions.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { ConsoleDeps } from '../console-app.js';
import { requirePermission } from '../console-auth.js';
import type { ConsoleEnv } from '../console-env.js';
import { formAction, list, readForm, text, type FormFailure, type FormValues } from '../form-action.js';
import { messagePage } from '../message-page.js';
import { pageContext } from '../page-context.js';
import { renderIncidentPage } from './incident-page.js';
import { expectedVersionFrom, instantFromInput, utcInputValue } from '../utc-input.js';
import { EDITABLE_CLOCK_FACTS, ENCRYPTED_CHOICES, ORGANIZATION_FLAGS, SCOPE_FORM } from './scope-fields.js';

/** A count as typed: a number when it reads as one, else the text itself (the schema names the field). */
function count(typed: string): number | string {
  const value = Number(typed);
  return typed.trim() !== '' && Number.isFinite(value) ? value : typed;
}

/** The posted jurisdiction rows that are not blank, each with the row number it had on the form. */
function affectedRows(values: FormValues): Array<{ row: number; jurisdiction: string; count: number | string }> {
  const rows = new Set(Object.keys(values).flatMap((name) => /^affected\.(\d+)\.(?:jurisdiction|count)$/.exec(name)?.[1] ?? []));
  return [...rows]
    .map(Number)
    .sort((a, b) => a - b)
    .map((row) => ({ row, jurisdiction: text(values, `affected.${row}.jurisdiction`).trim().toUpperCase(), count: count(text(values, `affected.${row}.count`)) }))
    .filter((r) => r.jurisdiction !== '' || r.count !== '');
}

/** The incident's facts in the form's shape, to tell which of the posted ones changed. */
function currentFacts(incident: IncidentView): Record<string, unknown> {
  const { scope } = incident;
  return {
    title: incident.title,
    severity: incident.severity,
    summary: incident.summary,
    affected: scope.affected,
    dataCategories: [...scope.dataCategories].sort(),
    // An organisation fact never set reads as no, as the obligations engine reads it.
    organization: {
      ...Object.fromEntries(ORGANIZATION_FLAGS.map(([flag]) => [flag, scope.organization[flag] === true])),
      nis2Entity: scope.organization.nis2Entity ?? null,
    },
    encrypted: scope.encrypted,
  };
}

/**
 * The UPDATE_SCOPE event the API would take, from the posted form, with only what changed: the
 * timeline and audit trail then say what this save changed. Unticked boxes are false; an empty
 * NIS2 choice is null. A clock fact is compared to the minute the form shows, so saving never
 * rounds away the seconds of a fact recorded through the API. Null when nothing changed.
 */
function scopeEvent(values: FormValues, rows: ReturnType<typeof affectedRows>, incident: IncidentView): Record<string, unknown> | null {
  const organization: Record<string, unknown> = Object.fromEntries(ORGANIZATION_FLAGS.map(([flag]) => [flag, text(values, `organization.${flag}`) === 'true']));
  const nis2 = text(values, 'organization.nis2Entity');
  organization.nis2Entity = nis2 === '' ? null : nis2;
  const clockFacts: Record<string, string | null> = {};
  for (const [fact] of EDITABLE_CLOCK_FACTS) {
    const typed = text(values, `clockFacts.${fact}`).trim();
    if (typed !== utcInputValue(incident.clock[fact])) clockFacts[fact] = typed === '' ? null : instantFromInput(typed);
  }
  const typedEncrypted = text(values, 'encrypted');
  const encrypted = ENCRYPTED_CHOICES.find(([value]) => value === typedEncrypted);
  const posted: Record<string, unknown> = {
    title: text(values, 'title'),
    severity: text(values, 'severity'),
    summary: text(values, 'summary'),
    affected: rows.map(({ jurisdiction, count }) => ({ jurisdiction, count })),
    dataCategories: list(values, 'dataCategories').sort(),
    organization,
    encrypted: encrypted === undefined ? typedEncrypted : encrypted[2],
  };
  const current = currentFacts(incident);
  const changed = Object.entries(posted).filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(current[name]));
  if (Object.keys(clockFacts).length > 0) changed.push(['clockFacts', clockFacts]);
  return changed.length === 0 ? null : { type: 'UPDATE_SCOPE', ...Object.fromEntries(changed) };
}

/** The service names rows by their place in the list sent; the form numbers them with the blank rows in. */
function onFormRows(failure: FormFailure, rows: ReturnType<typeof affectedRows>): FormFailure {
  const fields = failure.fields.map((issue) => {
    const match = /^affected\.(\d+)(\..*)?$/.exec(issue.path);
    const row = match === null ? undefined : rows[Number(match[1])]?.row;
    return row === undefined ? issue : { ...issue, path: `affected.${row}${match![2] ?? ''}` };
  });
  return { ...failure, fields };
}

/** POST /console/incidents/:id/scope: the scope editor's save, an UPDATE_SCOPE event. */
export function registerScopeEditor(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.post('/incidents/:id/scope', requirePermission('sendIncidentEvents', deps.clock), async (c) => {
    const id = c.req.param('id');
    const { actor } = c.get('session');
    // As on the API's events route: the role must send events at all, then this event in particular.
    if (!mayRoleSend(actor.role, 'UPDATE_SCOPE')) {
      const allowed = EVENT_ROLES.UPDATE_SCOPE.join(', ');
      return messagePage(c, 403, 'Not allowed', `Your role (${actor.role}) may not change the scope; it is for: ${allowed}. Nothing was changed.`, pageContext(c, deps.clock), {
        href: `/console/incidents/${id}`,
        label: 'Back to the incident',
      });
    }
    const values = await readForm(c);
    const rows = affectedRows(values);
    return formAction(
      c,
      SCOPE_FORM,
      values,
      async () => {
        // Same call as the API's POST /incidents/{id}/events with If-Match; the service re-assesses the obligations.
        const version = expectedVersionFrom(text(values, 'expectedVersion'));
        const incident = await deps.incidents.get(id);
        const event = scopeEvent(values, rows, incident);
        if (event === null) return { redirect: `/console/incidents/${id}#scope`, flash: 'Nothing in the scope changed, so nothing was saved.' };
        await deps.incidents.send(id, event, { actor, expectedVersion: version });
        return { redirect: `/console/incidents/${id}#scope`, flash: 'Scope saved; obligations re-assessed.' };
      },
      (failure) => renderIncidentPage(c, deps, id, onFormRows(failure, rows)),
    );
  });
}
